// `dossier status`: what a running deployment on this DATA_DIR is doing, read from its files without loading the index.
import { basename } from 'node:path';
import type { Config } from '../config.ts';
import { readShardStatus, shardStatusText, type ShardsStatus } from '../discord/shard-status.ts';
import { readManifest } from '../index/artifact.ts';
import { currentIndexDir } from '../index/location.ts';
import { describeOwner, reindexLockHolder, type LockOwner } from '../index/reindex-lock.ts';

/** The index current.json names, a reindex in progress anywhere, and the shards of a running bot. */
export interface StatusReport {
  index?: { version: string; builtAt?: string; articles?: number; chunks?: number };
  reindex?: LockOwner;
  shards?: ShardsStatus;
}

export async function statusReport(config: Pick<Config, 'dataDir'>): Promise<StatusReport> {
  const dir = await currentIndexDir(config.dataDir).catch(() => undefined);
  const manifest = dir ? await readManifest(dir).catch(() => undefined) : undefined;
  const [reindex, shards] = await Promise.all([reindexLockHolder(config.dataDir), readShardStatus(config.dataDir)]);
  return {
    ...(dir
      ? {
          index: {
            version: basename(dir),
            builtAt: manifest?.builtAt,
            articles: manifest?.counts.articles,
            chunks: manifest?.counts.chunks,
          },
        }
      : {}),
    ...(reindex ? { reindex } : {}),
    ...(shards ? { shards } : {}),
  };
}

/** The report for a person, one fact a line. */
export function formatStatus(report: StatusReport): string {
  const { index, reindex, shards } = report;
  return [
    index
      ? `index: ${index.version}${index.builtAt ? ` (built ${index.builtAt}, ${index.articles} articles, ${index.chunks} chunks)` : ''}`
      : 'index: none built yet',
    `reindex: ${reindex ? `running (${describeOwner(reindex)})` : 'none running'}`,
    `bot: ${shards ? `${shardStatusText(shards)} (updated ${shards.updatedAt} by pid ${shards.pid} on ${shards.host})` : 'never started with this DATA_DIR'}`,
  ].join('\n');
}

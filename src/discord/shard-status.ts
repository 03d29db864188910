// DATA_DIR/shards.json: the state of each gateway shard, written by the one process that knows it (the sharding
// manager, or the bot itself when it runs unsharded) and read by /help in any shard and by `dossier status`.
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/write-atomic.ts';

const FILE = 'shards.json';

/** One shard as the manager last saw it; `index` is the index version the shard answers from. */
export interface ShardState {
  id: number;
  state: 'starting' | 'ready' | 'disconnected' | 'reconnecting' | 'respawning' | 'stopped';
  pid?: number;
  index?: string;
  since: string;
}

/** Every shard of the bot using this DATA_DIR on this host. */
export interface ShardsStatus {
  count: number;
  /** The process that writes this file (the manager, or the single bot process). */
  pid: number;
  host: string;
  updatedAt: string;
  shards: ShardState[];
}

/** Replaces the status file atomically, so readers never see half of it. */
export async function writeShardStatus(dataDir: string, status: Omit<ShardsStatus, 'pid' | 'host' | 'updatedAt'>): Promise<void> {
  const full: ShardsStatus = { ...status, pid: process.pid, host: hostname(), updatedAt: new Date().toISOString() };
  await writeFileAtomic(join(dataDir, FILE), `${JSON.stringify(full, null, 2)}\n`);
}

/**
 * The status file, or undefined when none was written. When its writer ran on this host and is gone, every shard
 * is reported stopped: a killed manager cannot update the file.
 */
export async function readShardStatus(dataDir: string): Promise<ShardsStatus | undefined> {
  const raw = await readFile(join(dataDir, FILE), 'utf8').catch(() => undefined);
  if (raw === undefined) return undefined;
  let status: ShardsStatus;
  try {
    status = JSON.parse(raw) as ShardsStatus;
  } catch {
    return undefined;
  }
  if (status.host === hostname() && !alive(status.pid)) {
    return { ...status, shards: status.shards.map((shard) => ({ ...shard, state: 'stopped' as const })) };
  }
  return status;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Beyond this many shards the status is summarised by state and index, to fit a Discord message. */
const LISTED_SHARDS = 10;

/** "2 shards: #0 ready (index-…), #1 respawning (index-…)", or counts per state and per index for many shards. */
export function shardStatusText(status: ShardsStatus): string {
  const head = `${status.count} shard${status.count === 1 ? '' : 's'}`;
  if (status.shards.length <= LISTED_SHARDS) {
    return `${head}: ${status.shards.map((s) => `#${s.id} ${s.state}${s.index ? ` (${s.index})` : ''}`).join(', ')}`;
  }
  const tally = (key: (s: ShardState) => string) => {
    const counts = new Map<string, number>();
    for (const shard of status.shards) counts.set(key(shard), (counts.get(key(shard)) ?? 0) + 1);
    return [...counts].map(([name, n]) => `${n} ${name}`).join(', ');
  };
  return `${head}: ${tally((s) => s.state)}; indexes: ${tally((s) => s.index ?? 'unknown')}`;
}

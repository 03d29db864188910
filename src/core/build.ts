import { rm } from 'node:fs/promises';
import type { ReindexProgress, ReindexSummary } from './dossier.ts';
import { buildInThread } from './build-in-thread.ts';
import { buildIndexDir, type BuildSettings } from './build-pipeline.ts';
import { IndexError } from '../errors.ts';
import { embedInBatches } from '../index/embed-batches.ts';
import { createBuildDir, currentIndexDir, promoteBuild } from '../index/location.ts';
import { acquireReindexLock } from '../index/reindex-lock.ts';
import { diffCorpus, type Manifest } from '../index/manifest.ts';
import type { BuildDeps, EmbedRunner } from './deps.ts';

/** HNSW build parameters: recall@10 stays near 1 at 100,000 chunks with these. */
export const DEFAULT_HNSW = { efConstruction: 200, m: 16 };

const defaultYield = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds a new index from the corpus into a fresh directory and promotes it atomically. Holds the DATA_DIR
 * lock for the whole build (its record names `requestedBy`); a crash leaves the previous index current and a
 * `.build-*` folder to clean.
 */
export async function reindex(
  deps: BuildDeps,
  previous: Manifest | undefined,
  onProgress: (progress: ReindexProgress) => void = () => {},
  requestedBy?: string,
): Promise<{ dir: string; summary: ReindexSummary }> {
  const startedAt = Date.now();
  const { config, embeddings } = deps;
  const progress: ReindexProgress = { phase: 'scanning', filesTotal: 0, chunksTotal: 0, chunksEmbedded: 0, startedAt };
  const report = (update: Partial<ReindexProgress>) => {
    Object.assign(progress, update);
    onProgress({ ...progress });
  };
  report({});
  const checkpoint = deps.checkpoint ?? (() => {});
  const lock = await acquireReindexLock(config.dataDir, undefined, requestedBy);
  let buildDir: string | undefined;
  try {
    await checkpoint('locked');
    const settings: BuildSettings = {
      config: { corpusDir: config.corpusDir, maxFileBytes: config.maxFileBytes, chunking: config.chunking },
      model: { id: embeddings.modelId, dimensions: embeddings.dimensions },
      hnsw: deps.hnsw ?? DEFAULT_HNSW,
      reuse: await currentIndexDir(config.dataDir).catch(() => undefined),
      startedAt,
    };
    const embed: EmbedRunner = deps.embed ?? ((texts, onBatch) => embedInBatches(embeddings, texts, onBatch));
    const warn = (message: string) => deps.warn?.(message);
    // Created once the corpus is read (vectors are written into it as they are embedded): a build killed while
    // reading leaves nothing to clean, one killed later a `.build-*` folder the next start removes.
    const createDir = async () => (buildDir = await createBuildDir(config.dataDir));
    const io = { embed, progress: report, warn, checkpoint, createDir };
    const outcome = deps.buildThread
      ? await buildInThread(settings, deps.buildThread.timelineStage, io)
      : await buildIndexDir(settings, { ...io, timeline: deps.timeline, pause: defaultYield });
    await checkpoint('built');
    report({ phase: 'swapping' });
    await lock.assertHeld();
    if (!buildDir) throw new IndexError('The build finished without writing its index directory.', 'corrupt');
    const dir = await promoteBuild(config.dataDir, buildDir, checkpoint);
    buildDir = undefined;
    const diff = diffCorpus(
      previous?.files ?? {},
      Object.entries(outcome.files).map(([source, hash]) => ({ source, hash })),
    );
    report({ phase: 'done' });
    const { skipped, chunks, events } = outcome;
    return { dir, summary: { rebuilt: true, ...diff, skipped, chunks, events, ms: Date.now() - startedAt } };
  } finally {
    if (buildDir) await rm(buildDir, { recursive: true, force: true }).catch(() => {});
    await lock.release();
  }
}

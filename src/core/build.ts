import { rm } from 'node:fs/promises';
import { chunkArticle } from '../corpus/chunk.ts';
import { loadCorpus } from '../corpus/load.ts';
import type { Chunk } from '../corpus/types.ts';
import type { ReindexProgress, ReindexSummary } from './dossier.ts';
import { CorpusError } from '../errors.ts';
import { proseKeys } from '../ingest/duplicate.ts';
import { saveIndex } from '../index/artifact.ts';
import { embedInBatches, toRows } from '../index/embed-batches.ts';
import { writeIndexInWorker } from '../index/index-writer.ts';
import { createBuildDir, currentIndexDir, promoteBuild } from '../index/location.ts';
import { acquireReindexLock } from '../index/reindex-lock.ts';
import { diffCorpus, MANIFEST_VERSION, type Manifest } from '../index/manifest.ts';
import type { BuildDeps } from './deps.ts';
import { TOKENIZER_VERSION } from '../text/terms.ts';

/** HNSW build parameters: recall@10 stays near 1 at 100,000 chunks with these. */
export const DEFAULT_HNSW = { efConstruction: 200, m: 16 };

/** Long build loops on the main thread give the event loop a turn this often (Discord heartbeats, questions). */
const YIELD_EVERY_MS = 20;

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
    const { articles, skipped, stamps } = await loadCorpus(config.corpusDir, { maxFileBytes: config.maxFileBytes });
    for (const file of skipped) deps.warn?.(`Skipped corpus file ${file.source}: ${file.reason}.`);
    if (articles.length === 0) {
      const why = skipped.length > 0 ? ` (skipped: ${skipped.map((file) => `${file.source}: ${file.reason}`).join('; ')})` : '';
      throw new CorpusError(
        `The corpus folder ${config.corpusDir} has no readable .txt or .md articles${why}. Add articles and reindex; the current index is kept.`,
      );
    }
    // One article at a time, yielding now and then: all at once, chunking 10,000 articles held the event loop 5 s.
    const chunks: Chunk[][] = [];
    const textKeys: string[][] = [];
    let lastYield = performance.now();
    for (const article of articles) {
      chunks.push(await chunkArticle(article, config.chunking));
      textKeys.push(proseKeys(article.sentences));
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
    const chunkTotal = chunks.reduce((sum, list) => sum + list.length, 0);
    const sentences = articles.flatMap((article) => article.sentences.map((sentence) => sentence.text));
    report({ phase: 'embedding', filesTotal: articles.length, chunksTotal: chunkTotal });
    const embed = deps.embed ?? ((texts, onBatch) => embedInBatches(embeddings, texts, onBatch));
    // Progress in chunks: the share of sentences embedded, applied to the chunk count.
    const sentenceVectors = toRows(
      await embed(sentences, (done) => report({ chunksEmbedded: Math.floor((chunkTotal * done) / Math.max(1, sentences.length)) })),
      sentences.length,
      embeddings.dimensions,
    );
    report({ phase: 'timeline' });
    // The current index's per-article extractions: only new or changed articles are read again.
    const timeline = await deps.timeline.extract(articles, await currentIndexDir(config.dataDir).catch(() => undefined));
    const { events } = timeline;
    report({ phase: 'writing' });
    buildDir = await createBuildDir(config.dataDir);
    const files = Object.fromEntries(articles.map((article) => [article.source, article.hash]));
    const manifest: Manifest = {
      version: MANIFEST_VERSION,
      model: { id: embeddings.modelId, dimensions: embeddings.dimensions },
      chunking: config.chunking,
      tokenizer: TOKENIZER_VERSION,
      files,
      stamps,
      skipped,
      counts: { articles: articles.length, chunks: chunkTotal, sentences: sentences.length, events: events.length },
      builtAt: new Date().toISOString(),
      buildMs: Date.now() - startedAt,
    };
    await deps.timeline.save(buildDir, timeline);
    // In a worker thread for the bot: HNSW insertion alone takes minutes at 100,000 chunks.
    const write = deps.writeInWorker ? writeIndexInWorker : saveIndex;
    await write(buildDir, { manifest, articles, chunks, sentenceVectors, textKeys }, deps.hnsw ?? DEFAULT_HNSW, checkpoint);
    await checkpoint('built');
    report({ phase: 'swapping' });
    await lock.assertHeld();
    const dir = await promoteBuild(config.dataDir, buildDir, checkpoint);
    buildDir = undefined;
    const diff = diffCorpus(previous?.files ?? {}, articles);
    report({ phase: 'done' });
    return { dir, summary: { rebuilt: true, ...diff, skipped, chunks: chunkTotal, events: events.length, ms: Date.now() - startedAt } };
  } finally {
    if (buildDir) await rm(buildDir, { recursive: true, force: true }).catch(() => {});
    await lock.release();
  }
}

// One full build, corpus → index directory: what runs in the build thread (build-thread.ts) or, for tests and
// small tools, in-process. It knows nothing of locks, promotion or where it runs: it is handed its settings and
// the few things it asks the outside for (vectors, progress, checkpoints).
import { join } from 'node:path';
import { chunkArticle } from '../corpus/chunk.ts';
import { readArticles } from '../corpus/load.ts';
import type { Chunk, SkippedFile } from '../corpus/types.ts';
import type { ReindexProgress } from './dossier.ts';
import { CorpusError } from '../errors.ts';
import { proseKeys } from '../ingest/duplicate.ts';
import { saveIndex, type StoredArticle, type Yield } from '../index/artifact.ts';
import type { HnswSettings } from '../index/dense.ts';
import { chunkSentenceRanges, chunkVector } from '../index/chunk-vectors.ts';
import { toRows } from '../index/embed-batches.ts';
import { SENTENCE_VECTORS_FILE, VectorFile } from '../index/vector-file.ts';
import { MANIFEST_VERSION, type Manifest } from '../index/manifest.ts';
import type { Config } from '../config.ts';
import type { TimelineModule } from './deps.ts';
import { TOKENIZER_VERSION } from '../text/terms.ts';

/** What a build is made from: plain data, so that it can be posted to a worker thread. */
export interface BuildSettings {
  config: Pick<Config, 'corpusDir' | 'maxFileBytes' | 'chunking'>;
  model: { id: string; dimensions: number };
  hnsw: HnswSettings;
  /** The current index directory, whose per-article timeline extractions are reused; undefined when there is none. */
  reuse?: string;
  startedAt: number;
}

/** What a build asks of whoever runs it. */
export interface BuildIo {
  /** Embeds one batch of sentences (unit vectors, row-major), telling how many of them are done now and then. */
  embed(texts: string[], onBatch: (done: number) => void): Promise<Float32Array | number[][]>;
  timeline: Pick<TimelineModule, 'extract' | 'save'>;
  progress(update: Partial<ReindexProgress>): void;
  warn(message: string): void;
  checkpoint(point: string): unknown;
  /** Creates the (not yet promoted) directory to write the index into, when the build is ready to write. */
  createDir(): Promise<string>;
  /** Gives the event loop a turn in long loops; a worker thread, which answers nothing else, need not. */
  pause: Yield;
}

/** What a finished build reports: enough for the summary and the start-up log. */
export interface BuildOutcome {
  files: Record<string, string>;
  skipped: SkippedFile[];
  chunks: number;
  events: number;
}

/**
 * Sentences are sent to the encoder about this many at a time (whole articles): each batch's vectors are
 * appended to the vector file and summed into its chunks' vectors as they come back, so the build never holds
 * all sentence vectors (about 800 MB at 400,000 sentences), only the chunks' (a quarter of that).
 */
const EMBED_BATCH = 4096;
/** Long loops give the event loop a turn this often when the build runs on the main thread. */
const YIELD_EVERY_MS = 20;

/**
 * Reads the corpus one article at a time (parse, chunk, duplicate keys) keeping only what the index stores of
 * each (the cleaned copy and its per-character offsets are dropped once chunked), embeds the sentences in
 * batches straight into the index directory's vector file, extracts the timeline and writes the rest.
 */
export async function buildIndexDir(settings: BuildSettings, io: BuildIo): Promise<BuildOutcome> {
  const { config, model } = settings;
  const articles: StoredArticle[] = [];
  const chunks: Chunk[][] = [];
  const textKeys: string[][] = [];
  const skipped: SkippedFile[] = [];
  const stamps: NonNullable<Manifest['stamps']> = {};
  let lastYield = performance.now();
  for await (const item of readArticles(config.corpusDir, { maxFileBytes: config.maxFileBytes })) {
    if ('skipped' in item) {
      skipped.push(item.skipped);
      continue;
    }
    const { source, hash, meta, text, sentences } = item.article;
    chunks.push(await chunkArticle(item.article, config.chunking));
    textKeys.push(proseKeys(sentences));
    articles.push({ source, hash, meta, text, sentences });
    if (item.stamp) stamps[source] = item.stamp;
    if (articles.length % 100 === 0) io.progress({ filesTotal: articles.length });
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await io.pause();
      lastYield = performance.now();
    }
  }
  for (const file of skipped) io.warn(`Skipped corpus file ${file.source}: ${file.reason}.`);
  if (articles.length === 0) {
    const why = skipped.length > 0 ? ` (skipped: ${skipped.map((file) => `${file.source}: ${file.reason}`).join('; ')})` : '';
    throw new CorpusError(
      `The corpus folder ${config.corpusDir} has no readable .txt or .md articles${why}. Add articles and reindex; the current index is kept.`,
    );
  }
  const chunkTotal = chunks.reduce((sum, list) => sum + list.length, 0);
  const sentenceTotal = articles.reduce((sum, article) => sum + article.sentences.length, 0);
  io.progress({ phase: 'embedding', filesTotal: articles.length, chunksTotal: chunkTotal });
  const dims = model.dimensions;
  const dir = await io.createDir();
  const chunkVectors = new Float32Array(chunkTotal * dims);
  const vectors = VectorFile.create(join(dir, SENTENCE_VECTORS_FILE), dims);
  try {
    let sentenceRow = 0;
    let chunkRow = 0;
    for (let first = 0; first < articles.length;) {
      // Whole articles, so that each chunk's sentences are embedded together.
      let until = first;
      const texts: string[] = [];
      while (until < articles.length && (texts.length === 0 || texts.length + articles[until]!.sentences.length <= EMBED_BATCH))
        texts.push(...articles[until++]!.sentences.map((sentence) => sentence.text));
      // Progress in chunks: the share of sentences embedded, applied to the chunk count.
      const onBatch = (done: number) => io.progress({ chunksEmbedded: Math.floor((chunkTotal * (sentenceRow + done)) / sentenceTotal) });
      const rows = toRows(await io.embed(texts, onBatch), texts.length, dims);
      vectors.append(sentenceRow, rows);
      const stored = VectorFile.stored(rows);
      let articleRow = 0;
      for (let i = first; i < until; i++) {
        const row = (id: number) => stored.subarray((articleRow + id) * dims, (articleRow + id + 1) * dims);
        for (const range of chunkSentenceRanges(articles[i]!, chunks[i]!))
          chunkVectors.set(chunkVector(row, range, dims), chunkRow++ * dims);
        articleRow += articles[i]!.sentences.length;
      }
      onBatch(texts.length);
      sentenceRow += texts.length;
      first = until;
    }
  } finally {
    vectors.close();
  }
  await io.checkpoint(`written:${SENTENCE_VECTORS_FILE}`);
  io.progress({ phase: 'timeline' });
  const timeline = await io.timeline.extract(articles, settings.reuse);
  io.progress({ phase: 'writing' });
  const files = Object.fromEntries(articles.map((article) => [article.source, article.hash]));
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    model: { id: model.id, dimensions: model.dimensions },
    chunking: config.chunking,
    tokenizer: TOKENIZER_VERSION,
    files,
    stamps,
    skipped,
    counts: { articles: articles.length, chunks: chunkTotal, sentences: sentenceTotal, events: timeline.events.length },
    builtAt: new Date().toISOString(),
    buildMs: Date.now() - settings.startedAt,
  };
  await io.timeline.save(dir, timeline);
  await saveIndex(dir, { manifest, articles, chunks, chunkVectors, textKeys }, settings.hnsw, io.checkpoint, io.pause);
  return { files, skipped, chunks: chunkTotal, events: timeline.events.length };
}

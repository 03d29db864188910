import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Chunk } from '../corpus/types.ts';
import { describeError, IndexError } from '../errors.ts';
import { Bm25Index, LEXICAL_FILE } from './bm25.ts';
import { chunkSentenceRanges } from './chunk-vectors.ts';
import { DENSE_FILE, DenseIndex, type HnswSettings } from './dense.ts';
import type { LocalEmbeddings } from './embeddings/types.ts';
import { tokenize } from '../text/terms.ts';
import { LoadedIndex } from './loaded-index.ts';
import { parseManifest, type Manifest } from './manifest.ts';
import { RECORDS_FILE, RecordStore, type ArticleRecords, type StoredArticle } from './record-store.ts';
import { SENTENCE_VECTORS_FILE, VectorFile } from './vector-file.ts';
import { sha256File, verifyFiles } from './verified-files.ts';

export { sha256File } from './verified-files.ts';

export type { IndexedSentence, StoredArticle } from './record-store.ts';
export type { IndexArtifact, LoadedIndex } from './loaded-index.ts';

/** The files a load checks byte for byte: hnswlib does not validate its file (damaged bytes crash the process). */
const CHECKSUMMED = [DENSE_FILE, LEXICAL_FILE];

/** What a full build produced, ready to be written as an index directory. */
export interface BuiltIndex {
  manifest: Manifest;
  /** In the order their ids are given: sentence ids and chunk ids follow it. */
  articles: StoredArticle[];
  /** Each article's chunks, in `articles` order. */
  chunks: Chunk[][];
  /**
   * Unit vectors of every chunk, row-major, in article then chunk order: the normalised sums of their sentences'
   * stored vectors (`chunkVector`). The sentence vectors themselves are already in the directory's vector file,
   * written as they were embedded (`SentenceVectorWriter`).
   */
  chunkVectors: Float32Array;
  /** Per article, the keys that find it as a duplicate (see `ArticleRecords.textKeys`). */
  textKeys?: string[][];
}

/** Lets a long synchronous stage give the event loop a turn now and then (Discord heartbeats, questions). */
export type Yield = () => Promise<void>;

/**
 * Writes the rest of a full build's index directory, whose sentence vectors are written: the records (a
 * transaction per 200 articles), the HNSW graph of the chunk vectors, the BM25 postings, then their checksums
 * and the manifest. The directory becomes visible only when it is promoted. `checkpoint` lets crash tests stop
 * between files.
 */
export async function saveIndex(
  dir: string,
  built: BuiltIndex,
  hnsw: HnswSettings,
  checkpoint: (point: string) => unknown = () => {},
  pause: Yield = defaultYield,
): Promise<void> {
  const dims = built.manifest.model.dimensions;
  const store = RecordStore.create(join(dir, RECORDS_FILE));
  try {
    const ranges = built.articles.map((article, i) => chunkSentenceRanges(article, built.chunks[i]!));
    // Ids follow insertion, so sentence i of the build is row i of the vector file and chunk j is HNSW label j.
    for (let from = 0; from < built.articles.length;) {
      const until = Math.min(built.articles.length, from + ARTICLES_PER_TRANSACTION);
      store.transaction(() => {
        for (let i = from; i < until; i++)
          store.insertArticle({ ...recordsOf(built.articles[i]!, built.chunks[i]!, ranges[i]!), textKeys: built.textKeys?.[i] });
      });
      from = until;
      await pause();
    }
    await checkpoint(`written:${RECORDS_FILE}`);
    const total = built.chunks.reduce((sum, list) => sum + list.length, 0);
    if (built.chunkVectors.length !== total * dims)
      throw new RangeError(`expected ${total} chunk vectors, got ${built.chunkVectors.length / dims}`);
    const dense = DenseIndex.create(dims, total, hnsw);
    const lexical = new Bm25Index([]);
    let label = 0;
    let lastYield = performance.now();
    for (const chunks of built.chunks) {
      for (const chunk of chunks) {
        dense.add(label, built.chunkVectors.subarray(label * dims, (label + 1) * dims));
        lexical.add(label, chunk.text);
        label++;
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await pause();
          lastYield = performance.now();
        }
      }
    }
    await dense.write(join(dir, DENSE_FILE));
    await checkpoint(`written:${DENSE_FILE}`);
    await writeFile(join(dir, LEXICAL_FILE), lexical.serialize());
    await checkpoint(`written:${LEXICAL_FILE}`);
    const checksums = Object.fromEntries(await Promise.all(CHECKSUMMED.map(async (name) => [name, await sha256File(join(dir, name))])));
    store.transaction(() => {
      store.setMeta('checksums', JSON.stringify(checksums));
      store.setMeta('manifest', JSON.stringify(built.manifest));
    });
  } finally {
    store.close();
  }
}

/** One transaction per this many articles while building: a few ms each, so the event loop gets turns between them. */
const ARTICLES_PER_TRANSACTION = 200;
/** HNSW insertion yields to the event loop this often (insertion takes about 1.4 ms a chunk at 100,000 chunks). */
const YIELD_EVERY_MS = 20;

const defaultYield: Yield = () => new Promise((resolve) => setImmediate(resolve));

/** The rows one article adds: its chunks with their sentence ranges and the distinct words of its whole text. */
export function recordsOf(article: StoredArticle, chunks: Chunk[], ranges = chunkSentenceRanges(article, chunks)): ArticleRecords {
  const { source, hash, meta, text, sentences } = article;
  return { article: { source, hash, meta, text, sentences }, chunks, chunkSentences: ranges, words: [...new Set(tokenize(text))] };
}

/** The graph and postings files the change log starts from: a build's, or the last compaction's. */
export function baseFiles(store: RecordStore): { dense: string; lexical: string } {
  const named = JSON.parse(store.meta('baseFiles') ?? 'null') as { dense: string; lexical: string } | null;
  return named ?? { dense: DENSE_FILE, lexical: LEXICAL_FILE };
}

/** Reads the manifest of an index directory from its record store. @throws IndexError missing/corrupt */
export async function readManifest(dir: string): Promise<Manifest> {
  const store = RecordStore.open(join(dir, RECORDS_FILE), { readonly: true });
  try {
    return manifestOf(store, dir);
  } finally {
    store.close();
  }
}

/** The manifest a store holds. @throws IndexError('corrupt') when it is absent or malformed. */
export function manifestOf(store: RecordStore, dir: string): Manifest {
  const raw = store.meta('manifest');
  if (raw === undefined) throw new IndexError(`The index in ${dir} has no manifest (its build did not finish).`, 'corrupt');
  if (raw === lastParsed?.raw) return lastParsed.manifest;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new IndexError(`The index manifest in ${dir} is not valid JSON (the file is damaged).`, 'corrupt', { cause });
  }
  const manifest = parseManifest(json);
  if (typeof manifest === 'string') throw new IndexError(`The index manifest in ${dir} is malformed: ${manifest}.`, 'corrupt');
  lastParsed = { raw, manifest };
  return manifest;
}

// The manifest last parsed, by its stored text: opening an index reads it twice (the staleness check, then the
// load), and at 100,000 chunks validating its per-file entries takes about 50 ms. Manifests are never mutated.
let lastParsed: { raw: string; manifest: Manifest } | undefined;

/**
 * Compares the checksummed files of an index directory with the sums saved at build time (reading only those
 * changed since they last matched: `verifyFiles`).
 * @throws IndexError('corrupt') naming the damaged files.
 */
async function verifyChecksums(dir: string, store: RecordStore): Promise<void> {
  let expected: Record<string, unknown>;
  try {
    expected = JSON.parse(store.meta('checksums') ?? 'null') as Record<string, unknown>;
    if (!expected || typeof expected !== 'object') throw new Error('no checksums');
  } catch (cause) {
    throw new IndexError(`The index in ${dir} is damaged: its checksums are missing or unreadable.`, 'corrupt', { cause });
  }
  const { damaged } = await verifyFiles(dir, expected as Record<string, string>);
  if (damaged.length > 0) throw new IndexError(`The index in ${dir} is damaged: ${damaged.join('; ')}.`, 'corrupt');
}

/**
 * Opens an index directory: the record store (read on demand), the sentence vectors (read on demand), the HNSW
 * graph and the BM25 postings (read whole), with the changes logged since they were written replayed onto them.
 * @throws IndexError('corrupt') naming what is damaged, 'stale' when the encoder's width differs.
 */
export async function loadIndex(dir: string, embeddings: Pick<LocalEmbeddings, 'modelId' | 'dimensions'>): Promise<LoadedIndex> {
  const store = RecordStore.open(join(dir, RECORDS_FILE));
  let vectors: VectorFile | undefined;
  try {
    const manifest = manifestOf(store, dir);
    const dims = manifest.model.dimensions;
    if (dims !== embeddings.dimensions) {
      throw new IndexError(
        `The index in ${dir} has ${dims}-dimensional vectors but ${embeddings.modelId} makes ${embeddings.dimensions}.`,
        'stale',
      );
    }
    await verifyChecksums(dir, store);
    store.renumberStrandedChanges();
    const baseSeq = Number(store.meta('baseSeq') ?? 0);
    const next = store.nextIds();
    vectors = VectorFile.open(join(dir, SENTENCE_VECTORS_FILE), dims, next.sentence, { writable: true });
    const files = baseFiles(store);
    const [dense, lexical] = await Promise.all([
      DenseIndex.read(join(dir, files.dense), dims),
      readFile(join(dir, files.lexical)).then((bytes) => Bm25Index.deserialize(bytes, `${dir}/${files.lexical}`)),
    ]);
    const index = new LoadedIndex(dir, manifest, store, vectors, dense, lexical, baseSeq);
    index.catchUp();
    index.checkConsistency();
    return index;
  } catch (cause) {
    vectors?.close();
    store.close();
    if (cause instanceof IndexError) throw cause;
    throw new IndexError(`The index in ${dir} is damaged (${describeError(cause)}).`, 'corrupt', { cause });
  }
}

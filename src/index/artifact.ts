import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import hnswlib from 'hnswlib-node';
import { Document } from '@langchain/core/documents';
import type { ArticleMeta, Chunk, Sentence } from '../corpus/types.ts';
import { describeError, IndexError } from '../errors.ts';
import type { LocalEmbeddings } from './embeddings/types.ts';
import { Bm25Index } from './lexical.ts';
import { parseManifest, type Manifest } from './manifest.ts';

/** An article as stored in the index: what answers need to cite and quote it. */
export interface StoredArticle {
  source: string;
  hash: string;
  meta: ArticleMeta;
  text: string;
  sentences: Sentence[];
}

/** A sentence with its place in the index, for the extractive answerer. */
export interface IndexedSentence extends Sentence {
  /** Position in `IndexArtifact.sentences`, and row of `sentenceVectors`. */
  id: number;
  source: string;
}

/** Everything one built index holds, loaded in memory; immutable once loaded. */
export interface IndexArtifact {
  dir: string;
  manifest: Manifest;
  articles: Map<string, StoredArticle>;
  chunks: Chunk[];
  /** Chunk position by chunk id, to map dense hits back to chunks. */
  chunkPositions: Map<string, number>;
  /** Ids of the sentences inside each chunk, by chunk position. */
  chunkSentences: number[][];
  sentences: IndexedSentence[];
  /** Unit vectors of every sentence, row-major, `manifest.model.dimensions` wide. */
  sentenceVectors: Float32Array;
  dense: HNSWLib;
  lexical: Bm25Index;
}

const FILES = { manifest: 'manifest.json', checksums: 'checksums.json', articles: 'articles.json', chunks: 'chunks.json', sentenceVectors: 'sentence-vectors.f32' };

/** What a build produced, ready to be written as an index directory. */
export interface BuiltIndex {
  manifest: Manifest;
  articles: StoredArticle[];
  chunks: Chunk[];
  sentenceVectors: number[][] | Float32Array;
  /** Either the chunks' vectors, to build the HNSW graph from, or a graph already holding them (an incremental change). */
  dense: { vectors: number[][] } | { store: HNSWLib };
}

/**
 * Writes an index directory: the data files, a sha256 of every file in it (those saved by the timeline stage
 * too), then the manifest, so a directory without one is incomplete. `checkpoint` lets crash tests stop between files.
 */
export async function saveIndex(
  dir: string,
  built: BuiltIndex,
  embeddings: LocalEmbeddings,
  hnsw: { efConstruction: number; m: number },
  checkpoint: (point: string) => unknown = () => {},
): Promise<void> {
  if (built.chunks.length > 0) {
    const dense = 'store' in built.dense ? built.dense.store : await buildDense(built.manifest.model.dimensions, built.chunks, built.dense.vectors, embeddings, hnsw);
    await dense.save(dir);
    await checkpoint('written:hnswlib.index');
  }
  const stored: StoredArticle[] = built.articles.map(({ source, hash, meta, text, sentences }) => ({ source, hash, meta, text, sentences }));
  const flat = built.sentenceVectors instanceof Float32Array ? built.sentenceVectors : flatten(built.sentenceVectors, built.manifest.model.dimensions);
  const files: [string, string | Buffer][] = [
    [FILES.articles, JSON.stringify(stored)],
    [FILES.chunks, JSON.stringify(built.chunks)],
    [FILES.sentenceVectors, Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength)],
  ];
  for (const [name, content] of files) {
    await writeFile(join(dir, name), content);
    await checkpoint(`written:${name}`);
  }
  const names = (await readdir(dir)).filter((name) => name !== FILES.manifest && name !== FILES.checksums).sort();
  const checksums = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await sha256File(join(dir, name))])));
  await writeFile(join(dir, FILES.checksums), JSON.stringify(checksums, null, 2));
  await checkpoint(`written:${FILES.checksums}`);
  await writeFile(join(dir, FILES.manifest), JSON.stringify(built.manifest, null, 2));
}

async function buildDense(dimensions: number, chunks: Chunk[], vectors: number[][], embeddings: LocalEmbeddings, hnsw: { efConstruction: number; m: number }): Promise<HNSWLib> {
  // Built by hand rather than by HNSWLib so that M and efConstruction can be set (LangChain uses the defaults).
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  index.initIndex(chunks.length, hnsw.m, hnsw.efConstruction, 100);
  const dense = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dimensions, index });
  await dense.addVectors(vectors, chunks.map((chunk) => new Document({ pageContent: chunk.text, metadata: { id: chunk.id } })));
  return dense;
}

function flatten(rows: number[][], dimensions: number): Float32Array {
  const flat = new Float32Array(rows.length * dimensions);
  rows.forEach((vector, row) => flat.set(vector, row * dimensions));
  return flat;
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('error', reject).on('data', (data) => hash.update(data)).on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Compares every file of an index directory with the checksum saved at build time. hnswlib does not validate its
 * file: damaged bytes inside it crash the process (a segfault) at load or at the first search, so they must be
 * caught here. @throws IndexError('corrupt') naming the damaged files.
 */
async function verifyChecksums(dir: string): Promise<void> {
  let expected: Record<string, unknown>;
  try {
    expected = JSON.parse(await readFile(join(dir, FILES.checksums), 'utf8')) as Record<string, unknown>;
  } catch (cause) {
    throw new IndexError(`The index in ${dir} is damaged: ${FILES.checksums} is missing or unreadable.`, 'corrupt', { cause });
  }
  const damaged: string[] = [];
  for (const [name, sum] of Object.entries(expected)) {
    const actual = await sha256File(join(dir, name)).catch(() => 'missing');
    if (actual !== sum) damaged.push(actual === 'missing' ? `${name} is missing` : `${name} does not match its checksum (truncated or modified)`);
  }
  if (damaged.length > 0) throw new IndexError(`The index in ${dir} is damaged: ${damaged.join('; ')}.`, 'corrupt');
}

/** Reads only the manifest of an index directory. @throws IndexError missing/corrupt */
export async function readManifest(dir: string): Promise<Manifest> {
  const raw = await readFile(join(dir, FILES.manifest), 'utf8').catch((cause: unknown) => {
    throw new IndexError(`No index manifest in ${dir}.`, 'missing', { cause });
  });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new IndexError(`The index manifest in ${dir} is not valid JSON (the file is damaged).`, 'corrupt', { cause });
  }
  const manifest = parseManifest(json);
  if (typeof manifest === 'string') throw new IndexError(`The index manifest in ${dir} is malformed: ${manifest}.`, 'corrupt');
  return manifest;
}

/** Loads and cross-checks an index directory. @throws IndexError('corrupt') naming what is damaged. */
export async function loadIndex(dir: string, embeddings: LocalEmbeddings): Promise<IndexArtifact> {
  const manifest = await readManifest(dir);
  const dims = manifest.model.dimensions;
  if (dims !== embeddings.dimensions) {
    throw new IndexError(`The index in ${dir} has ${dims}-dimensional vectors but ${embeddings.modelId} makes ${embeddings.dimensions}.`, 'stale');
  }
  await verifyChecksums(dir);
  try {
    const [articles, chunks, vectorBytes] = await Promise.all([
      readJson<StoredArticle[]>(dir, FILES.articles),
      readJson<Chunk[]>(dir, FILES.chunks),
      readFile(join(dir, FILES.sentenceVectors)),
    ]);
    const dense = chunks.length > 0 ? await HNSWLib.load(dir, embeddings) : new HNSWLib(embeddings, { space: 'cosine', numDimensions: dims });
    return assembleArtifact(dir, manifest, articles, chunks, float32View(vectorBytes), dense);
  } catch (cause) {
    if (cause instanceof IndexError) throw cause;
    throw new IndexError(`The index in ${dir} is damaged (${describeError(cause)}).`, 'corrupt', { cause });
  }
}

/** An index held in memory, from its parts (as loaded from disk, or as an incremental change made them, BM25 included). @throws IndexError when they disagree. */
export function assembleArtifact(dir: string, manifest: Manifest, articles: StoredArticle[], chunks: Chunk[], sentenceVectors: Float32Array, dense: HNSWLib, lexical?: Bm25Index): IndexArtifact {
  const sentences = articles.flatMap((article) => article.sentences.map((sentence) => ({ ...sentence, source: article.source })))
    .map((sentence, id) => ({ ...sentence, id }));
  const live = chunks.length > 0 ? dense.index.getCurrentCount() - (manifest.deletedVectors ?? 0) : 0;
  checkConsistency(dir, manifest, chunks, sentences.length, sentenceVectors.length, live);
  return {
    dir,
    manifest,
    articles: new Map(articles.map((article) => [article.source, article])),
    chunks,
    chunkPositions: new Map(chunks.map((chunk, position) => [chunk.id, position])),
    chunkSentences: sentencesPerChunk(chunks, sentences),
    sentences,
    sentenceVectors,
    dense,
    lexical: lexical ?? new Bm25Index(chunks.map((chunk) => chunk.text)),
  };
}

async function readJson<T>(dir: string, name: string): Promise<T> {
  const text = await readFile(join(dir, name), 'utf8');
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new Error(`${name} is not valid JSON: ${describeError(cause)}`, { cause });
  }
}

function checkConsistency(dir: string, manifest: Manifest, chunks: Chunk[], sentences: number, vectorValues: number, denseCount: number): void {
  const problems = [
    chunks.length !== manifest.counts.chunks && `${chunks.length} chunks stored, manifest says ${manifest.counts.chunks}`,
    denseCount !== chunks.length && `${denseCount} vectors for ${chunks.length} chunks`,
    sentences !== manifest.counts.sentences && `${sentences} sentences stored, manifest says ${manifest.counts.sentences}`,
    vectorValues !== sentences * manifest.model.dimensions && `sentence vectors truncated (${vectorValues} values for ${sentences} sentences)`,
  ].filter(Boolean);
  if (problems.length > 0) throw new IndexError(`The index in ${dir} is damaged: ${problems.join('; ')}.`, 'corrupt');
}

function sentencesPerChunk(chunks: Chunk[], sentences: IndexedSentence[]): number[][] {
  const bySource = new Map<string, IndexedSentence[]>();
  for (const sentence of sentences) {
    const list = bySource.get(sentence.source);
    if (list) list.push(sentence);
    else bySource.set(sentence.source, [sentence]);
  }
  return chunks.map((chunk) =>
    (bySource.get(chunk.source) ?? []).filter((s) => s.start < chunk.end && s.end > chunk.start).map((s) => s.id),
  );
}

/** The bytes as float32s: a view when aligned (no copy of a large file), else one aligned copy. */
function float32View(bytes: Buffer): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new IndexError(`sentence vectors are truncated (${bytes.byteLength} bytes is not a whole number of floats).`, 'corrupt');
  return bytes.byteOffset % 4 === 0
    ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
    : new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

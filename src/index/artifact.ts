import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import hnswlib from 'hnswlib-node';
import { Document } from '@langchain/core/documents';
import type { Article, ArticleMeta, Chunk, Sentence } from '../corpus/types.ts';
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

const FILES = { manifest: 'manifest.json', articles: 'articles.json', chunks: 'chunks.json', sentenceVectors: 'sentence-vectors.f32' };

/** What a build produced, ready to be written as an index directory. */
export interface BuiltIndex {
  manifest: Manifest;
  articles: Article[];
  chunks: Chunk[];
  chunkVectors: number[][];
  sentenceVectors: number[][];
}

/** Writes an index directory; the manifest goes last, so a directory without one is incomplete. */
export async function saveIndex(dir: string, built: BuiltIndex, embeddings: LocalEmbeddings, hnsw: { efConstruction: number; m: number }): Promise<void> {
  if (built.chunks.length > 0) {
    // Built by hand rather than by HNSWLib so that M and efConstruction can be set (LangChain uses the defaults).
    const index = new hnswlib.HierarchicalNSW('cosine', built.manifest.model.dimensions);
    index.initIndex(built.chunks.length, hnsw.m, hnsw.efConstruction, 100);
    const dense = new HNSWLib(embeddings, { space: 'cosine', numDimensions: built.manifest.model.dimensions, index });
    await dense.addVectors(built.chunkVectors, built.chunks.map((chunk) => new Document({ pageContent: chunk.text, metadata: { id: chunk.id } })));
    await dense.save(dir);
  }
  const stored: StoredArticle[] = built.articles.map(({ source, hash, meta, text, sentences }) => ({ source, hash, meta, text, sentences }));
  const flat = new Float32Array(built.sentenceVectors.length * built.manifest.model.dimensions);
  built.sentenceVectors.forEach((vector, row) => flat.set(vector, row * built.manifest.model.dimensions));
  await writeFile(join(dir, FILES.articles), JSON.stringify(stored));
  await writeFile(join(dir, FILES.chunks), JSON.stringify(built.chunks));
  await writeFile(join(dir, FILES.sentenceVectors), Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength));
  await writeFile(join(dir, FILES.manifest), JSON.stringify(built.manifest, null, 2));
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
  try {
    const [articles, chunks, vectorBytes] = await Promise.all([
      readFile(join(dir, FILES.articles), 'utf8').then((text) => JSON.parse(text) as StoredArticle[]),
      readFile(join(dir, FILES.chunks), 'utf8').then((text) => JSON.parse(text) as Chunk[]),
      readFile(join(dir, FILES.sentenceVectors)),
    ]);
    const dense = chunks.length > 0 ? await HNSWLib.load(dir, embeddings) : new HNSWLib(embeddings, { space: 'cosine', numDimensions: dims });
    const sentences = articles.flatMap((article) => article.sentences.map((sentence) => ({ ...sentence, source: article.source })))
      .map((sentence, id) => ({ ...sentence, id }));
    const sentenceVectors = new Float32Array(vectorBytes.buffer.slice(vectorBytes.byteOffset, vectorBytes.byteOffset + vectorBytes.byteLength));
    checkConsistency(manifest, chunks, sentences.length, sentenceVectors.length, chunks.length > 0 ? dense.index.getCurrentCount() : 0);
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
      lexical: new Bm25Index(chunks.map((chunk) => chunk.text)),
    };
  } catch (cause) {
    if (cause instanceof IndexError) throw cause;
    throw new IndexError(`The index in ${dir} is damaged (${describeError(cause)}).`, 'corrupt', { cause });
  }
}

function checkConsistency(manifest: Manifest, chunks: Chunk[], sentences: number, vectorValues: number, denseCount: number): void {
  const problems = [
    chunks.length !== manifest.counts.chunks && `${chunks.length} chunks stored, manifest says ${manifest.counts.chunks}`,
    denseCount !== chunks.length && `${denseCount} vectors for ${chunks.length} chunks`,
    sentences !== manifest.counts.sentences && `${sentences} sentences stored, manifest says ${manifest.counts.sentences}`,
    vectorValues !== sentences * manifest.model.dimensions && `sentence vectors truncated (${vectorValues} values for ${sentences} sentences)`,
  ].filter(Boolean);
  if (problems.length > 0) throw new IndexError(`The index is damaged: ${problems.join('; ')}.`, 'corrupt');
}

function sentencesPerChunk(chunks: Chunk[], sentences: IndexedSentence[]): number[][] {
  const bySource = new Map<string, IndexedSentence[]>();
  for (const sentence of sentences) bySource.set(sentence.source, [...(bySource.get(sentence.source) ?? []), sentence]);
  return chunks.map((chunk) =>
    (bySource.get(chunk.source) ?? []).filter((s) => s.start < chunk.end && s.end > chunk.start).map((s) => s.id),
  );
}

import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { Document } from '@langchain/core/documents';
import hnswlib from 'hnswlib-node';
import type { Chunk } from '../corpus/types.ts';
import type { LocalEmbeddings } from './embeddings/types.ts';
import type { IndexArtifact, StoredArticle } from './artifact.ts';

/** One article's share of an index: what adding it inserts. */
export interface ArticleRows {
  article: StoredArticle;
  chunks: Chunk[];
  chunkVectors: number[][];
  /** Its sentences' vectors, in sentence order. */
  sentenceVectors: number[][];
}

/** The data files of an index after one article is added or removed, the other articles' rows copied as they are. */
export interface ChangedRows {
  articles: StoredArticle[];
  chunks: Chunk[];
  sentenceVectors: Float32Array;
}

/**
 * The articles, chunks and sentence vectors with `add` inserted or `remove` taken out, in the order a full build
 * writes them (articles by file name), so that the result equals a full rebuild of the changed corpus.
 */
export function changeRows(current: IndexArtifact, change: { add?: ArticleRows; remove?: string }): ChangedRows {
  const dims = current.manifest.model.dimensions;
  const kept = [...current.articles.values()].filter((article) => article.source !== change.remove);
  const articles = change.add ? [...kept, change.add.article].sort((a, b) => a.source.localeCompare(b.source)) : kept;
  const firstRow = new Map<string, number>();
  for (const sentence of current.sentences) if (!firstRow.has(sentence.source)) firstRow.set(sentence.source, sentence.id);
  const chunksOf = new Map<string, Chunk[]>();
  for (const chunk of current.chunks) {
    const list = chunksOf.get(chunk.source);
    if (list) list.push(chunk);
    else chunksOf.set(chunk.source, [chunk]);
  }
  const total = articles.reduce((sum, article) => sum + article.sentences.length, 0);
  const vectors = new Float32Array(total * dims);
  const chunks: Chunk[] = [];
  let row = 0;
  for (const article of articles) {
    const count = article.sentences.length;
    if (change.add && article === change.add.article) {
      change.add.sentenceVectors.forEach((vector, i) => vectors.set(vector, (row + i) * dims));
      chunks.push(...change.add.chunks);
    } else {
      const from = firstRow.get(article.source)! * dims;
      vectors.set(current.sentenceVectors.subarray(from, from + count * dims), row * dims);
      chunks.push(...(chunksOf.get(article.source) ?? []));
    }
    row += count;
  }
  return { articles, chunks, sentenceVectors: vectors };
}

/**
 * A copy of the current HNSW graph (read from its file, so the snapshot answering questions is untouched) with
 * the added article's chunks inserted (`addPoint`) or the removed article's marked deleted (`markDelete`);
 * no other vector is touched. Returns the store and how many points it now holds marked deleted.
 */
export async function changeDense(
  current: IndexArtifact,
  change: { add?: ArticleRows; remove?: string },
  embeddings: LocalEmbeddings,
  hnsw: { efConstruction: number; m: number },
): Promise<{ store: HNSWLib; deleted: number }> {
  const dims = current.manifest.model.dimensions;
  const index = new hnswlib.HierarchicalNSW('cosine', dims);
  if (current.chunks.length > 0) await index.readIndex(join(current.dir, 'hnswlib.index'));
  else index.initIndex(Math.max(1, change.add?.chunks.length ?? 1), hnsw.m, hnsw.efConstruction, 100);
  const docs = new Map(current.dense.docstore._docs);
  let deleted = current.manifest.deletedVectors ?? 0;
  if (change.remove) {
    const removed = new Set(current.chunks.filter((chunk) => chunk.source === change.remove).map((chunk) => chunk.id));
    for (const [label, doc] of docs) {
      if (!removed.has(doc.metadata.id as string)) continue;
      index.markDelete(Number(label));
      docs.delete(label);
      deleted++;
    }
  }
  if (change.add && change.add.chunks.length > 0) {
    const first = index.getCurrentCount();
    if (first + change.add.chunks.length > index.getMaxElements()) index.resizeIndex(first + change.add.chunks.length);
    change.add.chunks.forEach((chunk, i) => {
      index.addPoint(change.add!.chunkVectors[i]!, first + i);
      docs.set(String(first + i), new Document({ pageContent: chunk.text, metadata: { id: chunk.id } }));
    });
  }
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dims, index, docstore: new SynchronousInMemoryDocstore(docs) });
  return { store, deleted };
}

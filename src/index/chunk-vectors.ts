import type { Article, Chunk } from '../corpus/types.ts';
import { normalize } from '../math/vectors.ts';

/** For each chunk, the positions (in article order) of the sentences it holds. */
export function sentencesOfChunks(articles: Article[], chunks: Chunk[]): number[][] {
  const firstOf = new Map<string, number>();
  let position = 0;
  for (const article of articles) {
    firstOf.set(article.source, position);
    position += article.sentences.length;
  }
  const bySource = new Map(articles.map((article) => [article.source, article]));
  return chunks.map((chunk) => {
    const article = bySource.get(chunk.source)!;
    const first = firstOf.get(chunk.source)!;
    return article.sentences.flatMap((s, i) => (s.start < chunk.end && s.end > chunk.start ? [first + i] : []));
  });
}

/**
 * A chunk's vector as the normalised sum of its sentences' vectors: every sentence is embedded once (the
 * answerer needs them anyway), and no chunk text goes through the encoder a second time.
 */
export function chunkVectorsFromSentences(members: number[][], sentenceVectors: number[][], dimensions: number): number[][] {
  return members.map((ids) => {
    const sum = new Array<number>(dimensions).fill(0);
    for (const id of ids) sentenceVectors[id]!.forEach((value, i) => (sum[i]! += value));
    return normalize(sum);
  });
}

import type { Article, Chunk } from '../corpus/types.ts';

/** Which of its article's sentences a chunk holds: `count` consecutive ones from `first` (an index into `article.sentences`). */
export interface SentenceRange {
  first: number;
  count: number;
}

/** For each chunk of one article, the range of the article's sentences that overlap it. */
export function chunkSentenceRanges(article: Pick<Article, 'sentences'>, chunks: Pick<Chunk, 'start' | 'end'>[]): SentenceRange[] {
  return chunks.map((chunk) => {
    const inside = article.sentences.flatMap((s, i) => (s.start < chunk.end && s.end > chunk.start ? [i] : []));
    return inside.length === 0 ? { first: 0, count: 0 } : { first: inside[0]!, count: inside.at(-1)! - inside[0]! + 1 };
  });
}

/**
 * A chunk's vector as the normalised sum of its sentences' vectors: every sentence is embedded once (the
 * answerer needs them anyway), and no chunk text goes through the encoder a second time. `row(i)` is sentence
 * `first + i`'s vector; builds and incremental changes both sum the stored float32 rows, so they agree exactly.
 */
export function chunkVector(row: (id: number) => ArrayLike<number>, range: SentenceRange, dimensions: number): Float32Array {
  const sum = new Float64Array(dimensions);
  for (let id = range.first; id < range.first + range.count; id++) {
    const vector = row(id);
    for (let d = 0; d < dimensions; d++) sum[d]! += vector[d]!;
  }
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += sum[d]! * sum[d]!;
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(sum, (value) => value / norm);
}

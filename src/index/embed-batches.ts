import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/**
 * Embeds texts in batches, reporting how many are done after each and yielding to the event loop between
 * them so that a long build does not starve Discord heartbeats or questions. Texts are batched by length
 * (the encoder pads a batch to its longest text: 1.5x faster on the corpus) and returned in input order.
 */
export async function embedInBatches(
  embeddings: EmbeddingsInterface,
  texts: string[],
  onBatch: (done: number) => void = () => {},
  batchSize = 32,
): Promise<number[][]> {
  const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
  const vectors: number[][] = new Array(texts.length);
  for (let i = 0; i < order.length; i += batchSize) {
    const batch = order.slice(i, i + batchSize);
    const embedded = await embeddings.embedDocuments(batch.map((position) => texts[position]!));
    batch.forEach((position, j) => (vectors[position] = embedded[j]!));
    onBatch(Math.min(texts.length, i + batchSize));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return vectors;
}

/**
 * Embedding results as float32 rows, checked: `count` vectors of `dimensions` each. A Float32Array is used as it
 * is (no copy); arrays of numbers (in-process embedding, test fakes) are packed into one.
 */
export function toRows(vectors: Float32Array | number[][], count: number, dimensions: number): Float32Array {
  if (vectors instanceof Float32Array) {
    if (vectors.length !== count * dimensions)
      throw new RangeError(`expected ${count} vectors of ${dimensions} dimensions, got ${vectors.length / dimensions}`);
    return vectors;
  }
  if (vectors.length !== count) throw new RangeError(`expected ${count} vectors, got ${vectors.length}`);
  const rows = new Float32Array(count * dimensions);
  vectors.forEach((vector, i) => {
    if (vector.length !== dimensions) throw new RangeError(`vector ${i} has ${vector.length} dimensions, not ${dimensions}`);
    rows.set(vector, i * dimensions);
  });
  return rows;
}

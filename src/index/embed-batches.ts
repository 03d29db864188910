import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/**
 * Embeds texts in batches, reporting progress after each and yielding to the event loop between them so
 * that a long build does not starve Discord heartbeats or questions.
 */
export async function embedInBatches(
  embeddings: EmbeddingsInterface,
  texts: string[],
  onBatch: (done: number) => void = () => {},
  batchSize = 32,
): Promise<number[][]> {
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    vectors.push(...(await embeddings.embedDocuments(texts.slice(i, i + batchSize))));
    onBatch(vectors.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return vectors;
}

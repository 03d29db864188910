import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/** A local sentence encoder behind LangChain's Embeddings interface; vectors are L2-normalised. */
export interface LocalEmbeddings extends EmbeddingsInterface {
  /** Identifies the model in the index manifest, e.g. "transformers:Xenova/all-MiniLM-L6-v2" or "use-lite:en". */
  readonly modelId: string;
  readonly dimensions: number;
}

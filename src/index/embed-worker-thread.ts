import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { describeError, ModelError } from '../errors.ts';
import { embedInBatches } from './embed-batches.ts';
import { loadEmbeddings } from './embeddings/load.ts';
import type { LocalEmbeddings } from './embeddings/types.ts';

/** What the embedding worker is started with. */
export interface EmbedWorkerData {
  settings: Config['embeddings'];
  /** The model the main thread answers with; a worker that loads another one refuses to embed. */
  modelId?: string;
}

/** A request to the worker: embed these texts in batches of `batchSize`. */
export interface EmbedRequest {
  id: number;
  texts: string[];
  batchSize: number;
}

/** What the worker posts back. Vectors travel as one transferred Float32Array: the precision the index stores them in. */
export type EmbedReply =
  | { type: 'notice'; message: string }
  | { type: 'progress'; id: number; done: number }
  | { type: 'done'; id: number; dimensions: number; vectors: Float32Array }
  | { type: 'failed'; id: number; name: string; message: string };

const port = parentPort;
if (!port) throw new Error('embed-worker-thread.ts runs only as a worker thread (see embed-worker.ts).');
const { settings, modelId } = workerData as EmbedWorkerData;
const post = (reply: EmbedReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

let model: Promise<LocalEmbeddings> | undefined;

// Loaded once, on the first request; a failed load is forgotten so that the next reindex can retry.
function loadModel(): Promise<LocalEmbeddings> {
  if (!model) {
    model = loadEmbeddings(settings, (message) => post({ type: 'notice', message })).then((embeddings) => {
      if (modelId && embeddings.modelId !== modelId) {
        throw new ModelError(
          `The embedding worker loaded ${embeddings.modelId} but the index uses ${modelId}; check EMBEDDINGS and MODELS_DIR.`,
        );
      }
      return embeddings;
    });
    model.catch(() => (model = undefined));
  }
  return model;
}

port.on('message', async ({ id, texts, batchSize }: EmbedRequest) => {
  try {
    const embeddings = await loadModel();
    // The same batching as in-process embedding, so that the vectors are the same too.
    const rows = await embedInBatches(embeddings, texts, (done) => post({ type: 'progress', id, done }), batchSize);
    const dimensions = rows[0]?.length ?? embeddings.dimensions;
    const vectors = new Float32Array(rows.length * dimensions);
    rows.forEach((row, i) => vectors.set(row, i * dimensions));
    post({ type: 'done', id, dimensions, vectors }, [vectors.buffer]);
  } catch (error) {
    post({ type: 'failed', id, name: error instanceof Error ? error.name : 'Error', message: describeError(error) });
  }
});

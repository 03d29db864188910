import type { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { ModelError } from '../errors.ts';
import type { EmbedReply, EmbedRequest, EmbedWorkerData } from './embed-worker-thread.ts';
import { spawnWorker } from './worker-spawn.ts';

/** An index-time embedding runner (`EmbedRunner` of core/deps.ts) that runs in a worker thread until closed. */
export interface WorkerEmbedder {
  /** Unit vectors of `texts`, row-major (4 bytes a dimension: a 100,000-chunk corpus's come back in ~800 MB, not 3 GB). */
  (texts: string[], onBatch?: (done: number) => void): Promise<Float32Array>;
  /** Terminates the worker; running and later calls reject. */
  close(): Promise<void>;
}

export interface WorkerEmbedderOptions {
  /** The model id the main thread answers with; the worker refuses to embed with any other. */
  modelId?: string;
  /** Texts per model call; progress is reported after each. The in-process default is 32. */
  batchSize?: number;
  /** Model notices from the worker ("Embeddings: use-lite:en …"); ignored by default. */
  onNotice?: (message: string) => void;
}

interface Job {
  resolve(vectors: Float32Array): void;
  reject(error: Error): void;
  onBatch(done: number): void;
}

/**
 * Embeds in one reused worker thread that loads the same model through `loadEmbeddings`, so that the pure-JS
 * encoder never blocks the main thread's event loop (Discord heartbeats, questions) during a reindex. The worker
 * starts on the first call and holds the process open only while a call runs.
 */
export function createWorkerEmbedder(settings: Config['embeddings'], options: WorkerEmbedderOptions = {}): WorkerEmbedder {
  const batchSize = options.batchSize ?? 32;
  const jobs = new Map<number, Job>();
  let worker: Worker | undefined;
  let nextId = 0;
  let closed = false;

  const settle = (id: number): Job | undefined => {
    const job = jobs.get(id);
    jobs.delete(id);
    if (jobs.size === 0) worker?.unref();
    return job;
  };

  const failAll = (error: Error) => {
    for (const id of [...jobs.keys()]) settle(id)?.reject(error);
  };

  const onReply = (reply: EmbedReply) => {
    if (reply.type === 'notice') options.onNotice?.(reply.message);
    else if (reply.type === 'progress') jobs.get(reply.id)?.onBatch(reply.done);
    else if (reply.type === 'done') settle(reply.id)?.resolve(reply.vectors);
    else
      settle(reply.id)?.reject(
        reply.name === 'ModelError'
          ? new ModelError(reply.message)
          : new ModelError(`Embedding in the worker thread failed: ${reply.message}`),
      );
  };

  const start = (): Worker => {
    const data: EmbedWorkerData = { settings, modelId: options.modelId };
    const started = spawnWorker('embed-worker-thread', data);
    started.unref();
    started.on('message', onReply);
    // A crashed worker is dropped; the next call starts a fresh one.
    const lost = (why: string) => {
      if (worker !== started) return;
      worker = undefined;
      failAll(
        new ModelError(
          `The embedding worker thread stopped (${why}). Run the reindex again; set EMBEDDINGS=use-lite if the model cannot load.`,
        ),
      );
    };
    started.on('error', (error) => lost(error.message));
    started.on('exit', (code) => lost(`exit code ${code}`));
    return started;
  };

  const embed = (texts: string[], onBatch: (done: number) => void = () => {}): Promise<Float32Array> => {
    if (closed) return Promise.reject(new ModelError('The embedding worker was closed; open the dossier again to reindex.'));
    if (texts.length === 0) return Promise.resolve(new Float32Array(0));
    worker ??= start();
    const id = nextId++;
    const request: EmbedRequest = { id, texts, batchSize };
    return new Promise<Float32Array>((resolve, reject) => {
      jobs.set(id, { resolve, reject, onBatch });
      worker!.ref();
      worker!.postMessage(request);
    });
  };

  const close = async (): Promise<void> => {
    closed = true;
    const stopping = worker;
    worker = undefined;
    failAll(new ModelError('The embedding worker was closed while embedding.'));
    await stopping?.terminate();
  };

  return Object.assign(embed, { close });
}

/**
 * Several worker embedders behind one: each call's texts are dealt out in turn (so every worker gets as many long
 * texts as the others) and the vectors come back in input order. With one worker per core, index-time embedding
 * uses the whole machine; questions are embedded on the main thread meanwhile.
 */
export function createEmbedderPool(settings: Config['embeddings'], options: WorkerEmbedderOptions & { workers: number }): WorkerEmbedder {
  const count = Math.max(1, Math.floor(options.workers));
  const embedders = Array.from({ length: count }, () => createWorkerEmbedder(settings, options));
  if (count === 1) return embedders[0]!;
  const embed = async (texts: string[], onBatch: (done: number) => void = () => {}): Promise<Float32Array> => {
    const shares = embedders.map((_, w) => texts.filter((_, i) => i % count === w));
    const done = new Array<number>(count).fill(0);
    const parts = await Promise.all(
      embedders.map((one, w) =>
        one(shares[w]!, (n) => {
          done[w] = n;
          onBatch(done.reduce((a, b) => a + b, 0));
        }),
      ),
    );
    if (texts.length === 0) return new Float32Array(0);
    const dims = parts[0]!.length / shares[0]!.length;
    const out = new Float32Array(texts.length * dims);
    parts.forEach((part, w) => {
      for (let j = 0; j < shares[w]!.length; j++) out.set(part.subarray(j * dims, (j + 1) * dims), (j * count + w) * dims);
    });
    return out;
  };
  const close = async () => {
    await Promise.all(embedders.map((one) => one.close()));
  };
  return Object.assign(embed, { close });
}

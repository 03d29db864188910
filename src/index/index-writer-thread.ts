// The worker thread that writes a full build's index directory (see index-writer.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { describeError } from '../errors.ts';
import { saveIndex } from './artifact.ts';
import type { HnswSettings } from './dense.ts';
import type { Manifest } from './manifest.ts';
import type { StoredArticle } from './record-store.ts';
import type { Chunk } from '../corpus/types.ts';

/** What the writer is started with. */
export interface WriterData {
  dir: string;
  manifest: Manifest;
  hnsw: HnswSettings;
}

/** Main thread to writer: the articles in batches, then the sentence vectors (transferred), then checkpoint acks. */
export type WriterRequest =
  | { type: 'articles'; articles: StoredArticle[]; chunks: Chunk[][]; textKeys?: string[][] }
  | { type: 'vectors'; vectors: Float32Array }
  | { type: 'continue' };

/** Writer to main thread. */
export type WriterReply = { type: 'checkpoint'; point: string } | { type: 'done' } | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('index-writer-thread.ts runs only as a worker thread (see index-writer.ts).');
const { dir, manifest, hnsw } = workerData as WriterData;
const articles: StoredArticle[] = [];
const chunks: Chunk[][] = [];
const textKeys: string[][] = [];
let resume: (() => void) | undefined;
const post = (reply: WriterReply) => port.postMessage(reply);

port.on('message', (request: WriterRequest) => {
  if (request.type === 'articles') {
    articles.push(...request.articles);
    chunks.push(...request.chunks);
    textKeys.push(...(request.textKeys ?? request.chunks.map(() => [])));
  } else if (request.type === 'continue') {
    resume?.();
  } else {
    const checkpoint = (point: string) =>
      new Promise<void>((resolve) => {
        resume = resolve;
        post({ type: 'checkpoint', point });
      });
    // No yields needed here: this thread answers nothing else while it writes.
    saveIndex(dir, { manifest, articles, chunks, sentenceVectors: request.vectors, textKeys }, hnsw, checkpoint, async () => {}).then(
      () => post({ type: 'done' }),
      (error: unknown) => post({ type: 'failed', message: describeError(error) }),
    );
  }
});

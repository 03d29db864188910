import type { Chunk } from '../corpus/types.ts';
import { IndexError } from '../errors.ts';
import type { BuiltIndex } from './artifact.ts';
import type { HnswSettings } from './dense.ts';
import type { WriterData, WriterReply, WriterRequest } from './index-writer-thread.ts';
import { spawnWorker } from './worker-spawn.ts';

// Articles go to the writer this many at a time: each message is cloned on the main thread, so small messages
// keep every pause short (a few ms) while 100,000 chunks' worth cross over.
const ARTICLES_PER_MESSAGE = 100;

/**
 * `saveIndex` in a worker thread: HNSW insertion (about 1.4 ms a chunk at 100,000 chunks), the BM25 postings,
 * the record transactions and the file writes all run there, so the main thread (Discord heartbeats, questions)
 * only posts the articles and the vectors (transferred, not copied) and awaits the checkpoints.
 */
export async function writeIndexInWorker(
  dir: string,
  built: BuiltIndex,
  hnsw: HnswSettings,
  checkpoint: (point: string) => unknown = () => {},
): Promise<void> {
  const data: WriterData = { dir, manifest: built.manifest, hnsw };
  const worker = spawnWorker('index-writer-thread', data);
  const send = (request: WriterRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(request, transfer);
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: WriterReply) => {
        if (reply.type === 'done') resolve();
        else if (reply.type === 'failed') reject(new IndexError(`Writing the index failed: ${reply.message}`, 'corrupt'));
        else Promise.resolve(checkpoint(reply.point)).then(() => send({ type: 'continue' }), reject);
      });
      worker.on('error', reject);
      worker.on('exit', (code) =>
        reject(new IndexError(`The index writer thread stopped (exit code ${code}) before it finished.`, 'corrupt')),
      );
      void (async () => {
        for (let from = 0; from < built.articles.length; from += ARTICLES_PER_MESSAGE) {
          const articles = built.articles
            .slice(from, from + ARTICLES_PER_MESSAGE)
            .map(({ source, hash, meta, text, sentences }) => ({ source, hash, meta, text, sentences }));
          send({
            type: 'articles',
            articles,
            chunks: built.chunks.slice(from, from + ARTICLES_PER_MESSAGE) as Chunk[][],
            textKeys: built.textKeys?.slice(from, from + ARTICLES_PER_MESSAGE),
          });
          await new Promise((next) => setImmediate(next));
        }
        const { sentenceVectors } = built;
        send({ type: 'vectors', vectors: sentenceVectors }, [sentenceVectors.buffer as ArrayBuffer]);
      })().catch(reject);
    });
  } finally {
    await worker.terminate();
  }
}

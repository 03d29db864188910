// The worker thread a full build runs in (see build-in-thread.ts): the whole pipeline of build-pipeline.ts, asking
// the main thread only for sentence vectors (its encoder threads) and checkpoint acknowledgements.
import { parentPort, workerData } from 'node:worker_threads';
import { buildIndexDir, type BuildOutcome, type BuildSettings } from './build-pipeline.ts';
import type { ReindexProgress } from './dossier.ts';
import type { TimelineModule } from './deps.ts';
import { IndexError, describeError } from '../errors.ts';

/** What the build thread is started with. */
export interface BuildThreadData {
  settings: BuildSettings;
  /** URL of a module exporting `timelineBuildStage`: the thread imports its timeline stage (functions cannot be posted). */
  timelineStage: string;
}

/** Build thread to main thread. */
export type BuildThreadMessage =
  | { type: 'embed'; id: number; texts: string[] }
  | { type: 'progress'; update: Partial<ReindexProgress> }
  | { type: 'warn'; message: string }
  | { type: 'checkpoint'; id: number; point: string }
  | { type: 'createDir'; id: number }
  | { type: 'done'; outcome: BuildOutcome }
  | { type: 'failed'; name: string; message: string; reason?: string };

/** Main thread to build thread. */
export type BuildThreadReply =
  | { type: 'embedded'; id: number; done: number }
  | { type: 'vectors'; id: number; vectors: Float32Array | number[][] }
  | { type: 'embedFailed'; id: number; name: string; message: string }
  | { type: 'continue'; id: number }
  | { type: 'dir'; id: number; dir: string };

const port = parentPort;
if (!port) throw new Error('build-thread.ts runs only as a worker thread (see build-in-thread.ts).');
const { settings, timelineStage } = workerData as BuildThreadData;
const post = (message: BuildThreadMessage) => port.postMessage(message);

interface Pending {
  resolve(value: Float32Array | number[][] | string | undefined): void;
  reject(error: Error): void;
  onBatch?: (done: number) => void;
}
const pending = new Map<number, Pending>();
let nextId = 0;
type Question = { type: 'embed'; texts: string[] } | { type: 'checkpoint'; point: string } | { type: 'createDir' };
const ask = (message: Question, onBatch?: (done: number) => void) =>
  new Promise<Float32Array | number[][] | string | undefined>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onBatch });
    post({ ...message, id });
  });

port.on('message', (reply: BuildThreadReply) => {
  const waiting = pending.get(reply.id);
  if (!waiting) return;
  if (reply.type === 'embedded') return waiting.onBatch?.(reply.done);
  pending.delete(reply.id);
  if (reply.type === 'vectors') waiting.resolve(reply.vectors);
  else if (reply.type === 'continue') waiting.resolve(undefined);
  else if (reply.type === 'dir') waiting.resolve(reply.dir);
  else waiting.reject(Object.assign(new Error(reply.message), { name: reply.name }));
});

try {
  const { timelineBuildStage } = (await import(timelineStage)) as { timelineBuildStage?: Pick<TimelineModule, 'extract' | 'save'> };
  if (!timelineBuildStage) throw new IndexError(`The timeline stage module ${timelineStage} exports no timelineBuildStage.`, 'corrupt');
  const outcome = await buildIndexDir(settings, {
    embed: async (texts, onBatch) => (await ask({ type: 'embed', texts }, onBatch)) as Float32Array | number[][],
    createDir: async () => (await ask({ type: 'createDir' })) as string,
    timeline: timelineBuildStage,
    progress: (update) => post({ type: 'progress', update }),
    warn: (message) => post({ type: 'warn', message }),
    checkpoint: (point) => ask({ type: 'checkpoint', point }),
    // This thread answers nothing else while it builds.
    pause: async () => {},
  });
  post({ type: 'done', outcome });
} catch (error) {
  const name = error instanceof Error ? error.name : 'Error';
  post({ type: 'failed', name, message: describeError(error), reason: error instanceof IndexError ? error.reason : undefined });
}

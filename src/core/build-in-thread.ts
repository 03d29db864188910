// Runs a full build in a worker thread (build-thread.ts): reading, parsing and chunking the corpus, the timeline
// extraction, HNSW insertion, the postings and the writes all happen there, so the main thread (Discord
// heartbeats, questions) only relays sentence batches to its encoder threads, passes progress on and, when the
// build is done, swaps the index in.
import type { BuildOutcome, BuildSettings } from './build-pipeline.ts';
import type { BuildThreadData, BuildThreadMessage, BuildThreadReply } from './build-thread.ts';
import type { ReindexProgress } from './dossier.ts';
import type { EmbedRunner } from './deps.ts';
import { CorpusError, IndexError, ModelError } from '../errors.ts';
import { toRows } from '../index/embed-batches.ts';
import { spawnWorker } from '../index/worker-spawn.ts';

/** What the main thread does for the build thread. */
export interface ThreadBuildIo {
  embed: EmbedRunner;
  progress(update: Partial<ReindexProgress>): void;
  warn(message: string): void;
  checkpoint(point: string): unknown;
  createDir(): Promise<string>;
}

/** Builds `settings.buildDir` in a worker thread whose timeline stage is the module at `timelineStage` (a URL). */
export async function buildInThread(settings: BuildSettings, timelineStage: string, io: ThreadBuildIo): Promise<BuildOutcome> {
  const data: BuildThreadData = { settings, timelineStage };
  const worker = spawnWorker('build-thread', data, import.meta.url);
  const reply = (message: BuildThreadReply, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  const embed = async (id: number, texts: string[]) => {
    try {
      const rows = ownBuffer(
        toRows(await io.embed(texts, (done) => reply({ type: 'embedded', id, done })), texts.length, settings.model.dimensions),
      );
      reply({ type: 'vectors', id, vectors: rows }, [rows.buffer as ArrayBuffer]);
    } catch (error) {
      reply({
        type: 'embedFailed',
        id,
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  try {
    return await new Promise<BuildOutcome>((resolve, reject) => {
      worker.on('message', (message: BuildThreadMessage) => {
        if (message.type === 'embed') void embed(message.id, message.texts);
        else if (message.type === 'progress') io.progress(message.update);
        else if (message.type === 'warn') io.warn(message.message);
        else if (message.type === 'checkpoint')
          Promise.resolve(io.checkpoint(message.point)).then(() => reply({ type: 'continue', id: message.id }), reject);
        else if (message.type === 'createDir') io.createDir().then((dir) => reply({ type: 'dir', id: message.id, dir }), reject);
        else if (message.type === 'done') resolve(message.outcome);
        else reject(rebuildError(message));
      });
      worker.on('error', (error) => reject(new IndexError(`The build thread failed: ${error.message}`, 'corrupt', { cause: error })));
      worker.on('exit', (code) => reject(new IndexError(`The build thread stopped (exit code ${code}) before it finished.`, 'corrupt')));
    });
  } finally {
    await worker.terminate();
  }
}

/** The typed error the build thread reported, as the in-process build would have thrown it. */
function rebuildError(failure: Extract<BuildThreadMessage, { type: 'failed' }>): Error {
  if (failure.name === 'CorpusError') return new CorpusError(failure.message);
  if (failure.name === 'ModelError') return new ModelError(failure.message);
  if (failure.name === 'IndexError')
    return new IndexError(failure.message, (failure.reason as IndexError['reason'] | undefined) ?? 'corrupt');
  return new IndexError(`Building the index failed: ${failure.message}`, 'corrupt');
}

/** Rows that own their whole buffer, so that transferring it moves exactly them (a view into a larger one is copied). */
function ownBuffer(rows: Float32Array): Float32Array {
  return rows.byteOffset === 0 && rows.byteLength === rows.buffer.byteLength ? rows : rows.slice();
}

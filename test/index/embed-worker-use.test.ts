import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Config } from '../../src/config.ts';
import { embedInBatches, toRows } from '../../src/index/embed-batches.ts';
import { createWorkerEmbedder } from '../../src/index/embed-worker.ts';
import { loadEmbeddings } from '../../src/index/embeddings/load.ts';

const root = new URL('../../', import.meta.url).pathname;

// In a file of its own, so in a process of its own: the USE encoder's TensorFlow.js runtime and the tiny BERT's
// onnxruntime, started and stopped in worker threads of one process, now and then abort it at exit (free():
// invalid pointer). The bot loads one encoder kind per process, so only the tests ever mixed them.
describe('slow: the Universal Sentence Encoder in a worker keeps the event loop responsive', () => {
  const settings: Config['embeddings'] = { kind: 'use-lite', model: 'unused', allowRemote: false };
  const sentences = readdirSync(join(root, 'test/fixtures/corpus'))
    .flatMap((file) => readFileSync(join(root, 'test/fixtures/corpus', file), 'utf8').split(/(?<=[.!?])\s+/))
    .filter((sentence) => sentence.length > 60)
    .slice(0, 24);

  /** Runs `work` while a 10 ms interval ticks; returns the tick count at each progress report. */
  async function ticksPerBatch(
    work: (onBatch: (done: number) => void) => Promise<number[][] | Float32Array>,
  ): Promise<{ marks: number[]; vectors: Float32Array }> {
    let ticks = 0;
    const marks: number[] = [];
    const interval = setInterval(() => ticks++, 10);
    try {
      const vectors = await work(() => marks.push(ticks));
      return { marks, vectors: vectors instanceof Float32Array ? vectors : toRows(vectors, vectors.length, vectors[0]!.length) };
    } finally {
      clearInterval(interval);
    }
  }
  const deltas = (marks: number[]) => marks.map((mark, i) => mark - (marks[i - 1] ?? 0));

  it('GIVEN 24 corpus sentences in batches of 8 WHEN embedded in the worker THEN the interval ticks during every batch, while in-process batches block it', async () => {
    const embed = createWorkerEmbedder(settings, { modelId: 'use-lite:en', batchSize: 8 });
    try {
      const worker = await ticksPerBatch((onBatch) => embed(sentences, onBatch));
      const embeddings = await loadEmbeddings(settings, () => {});
      const inProcess = await ticksPerBatch((onBatch) => embedInBatches(embeddings, sentences, onBatch, 8));

      assert.equal(worker.marks.length, 3);
      assert.ok(
        deltas(worker.marks).every((ticks) => ticks >= 1),
        `ticks per worker batch: ${deltas(worker.marks)}`,
      );
      // The contrast the worker exists for: an in-process batch holds the thread from start to end.
      assert.ok(
        deltas(inProcess.marks).some((ticks) => ticks === 0),
        `ticks per in-process batch: ${deltas(inProcess.marks)}`,
      );
      assert.deepEqual(worker.vectors, inProcess.vectors);
    } finally {
      await embed.close();
    }
  });
});

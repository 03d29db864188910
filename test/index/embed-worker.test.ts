import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Config } from '../../src/config.ts';
import { ModelError } from '../../src/errors.ts';
import { embedInBatches, toRows } from '../../src/index/embed-batches.ts';
import { createEmbedderPool, createWorkerEmbedder, type WorkerEmbedder } from '../../src/index/embed-worker.ts';
import { loadEmbeddings } from '../../src/index/embeddings/load.ts';
import { TINY_BERT_HIDDEN_SIZE, writeTinyBertModel } from '../fixtures/tiny-bert.ts';

const MODEL = 'test/tiny-bert';
const root = new URL('../../', import.meta.url).pathname;
const texts = Array.from({ length: 70 }, (_, i) =>
  i % 3 === 0 ? `viktor bout was arrested in bangkok ${'and '.repeat(i % 5)}` : `pizza in naples ${i}`,
);

describe('createWorkerEmbedder (tiny offline BERT)', () => {
  let dir: string;
  let settings: Config['embeddings'];
  let embed: WorkerEmbedder;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-embed-worker-'));
    writeTinyBertModel(join(dir, 'models'), MODEL);
    settings = { kind: 'transformers', model: MODEL, modelsDir: join(dir, 'models'), allowRemote: false };
    embed = createWorkerEmbedder(settings, { modelId: `transformers:${MODEL}` });
  });
  after(async () => {
    await embed.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN 70 texts WHEN embedded in the worker THEN the vectors equal in-process ones exactly', async () => {
    const inProcess = await embedInBatches(await loadEmbeddings(settings, () => {}), texts);
    assert.deepEqual(await embed(texts), toRows(inProcess, texts.length, inProcess[0]!.length));
  });

  it('GIVEN 70 texts in batches of 32 WHEN embedded THEN progress is reported after each batch: 32, 64, 70', async () => {
    const done: number[] = [];
    const vectors = await embed(texts, (count) => done.push(count));
    assert.deepEqual(done, [32, 64, 70]);
    assert.equal(vectors.length % 70, 0);
  });

  it('GIVEN two calls at once WHEN both run on the one worker THEN each gets its own vectors', async () => {
    const [first, second] = await Promise.all([embed(['viktor bout']), embed(['pizza in naples', 'viktor bout'])]);
    assert.deepEqual(first, second!.subarray(first!.length));
  });

  it('GIVEN no texts WHEN embedded THEN the result is empty', async () => {
    assert.deepEqual(await embed([]), new Float32Array(0));
  });

  it('GIVEN the index uses another model WHEN the worker loads this one THEN it refuses with a ModelError naming both', async () => {
    const other = createWorkerEmbedder(settings, { modelId: 'use-lite:en' });
    try {
      await assert.rejects(
        other(['viktor bout']),
        (error: unknown) =>
          error instanceof ModelError && error.message.includes(`transformers:${MODEL}`) && error.message.includes('use-lite:en'),
      );
    } finally {
      await other.close();
    }
  });

  it('GIVEN a closed embedder WHEN called THEN it rejects with a ModelError', async () => {
    const closed = createWorkerEmbedder(settings);
    await closed.close();
    await assert.rejects(closed(['viktor bout']), ModelError);
  });

  it('GIVEN a script that embeds and never closes WHEN it ends THEN the worker neither cuts the call short nor keeps the process alive', () => {
    const script = join(dir, 'never-closes.mts');
    writeFileSync(
      script,
      [
        `import { createWorkerEmbedder } from ${JSON.stringify(join(root, 'src/index/embed-worker.ts'))};`,
        `const embed = createWorkerEmbedder(${JSON.stringify(settings)});`,
        `embed(['viktor bout', 'pizza in naples']).then((vectors) => console.log('embedded', vectors.length / ${TINY_BERT_HIDDEN_SIZE}));`,
      ].join('\n'),
    );
    // The timeout only guards against a hang; a process kept alive by the worker would hit it.
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(child.signal, null, `the process did not exit by itself: ${child.stderr}`);
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stdout, /^embedded 2$/m);
  });
});

describe('createEmbedderPool (tiny offline BERT)', () => {
  it("GIVEN 70 texts WHEN embedded by a pool of two workers THEN the vectors equal one worker's, in input order, and progress adds up to 70", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-embed-pool-'));
    writeTinyBertModel(join(dir, 'models'), MODEL);
    const settings: Config['embeddings'] = { kind: 'transformers', model: MODEL, modelsDir: join(dir, 'models'), allowRemote: false };
    const one = createWorkerEmbedder(settings);
    const pool = createEmbedderPool(settings, { workers: 2 });
    try {
      const done: number[] = [];
      assert.deepEqual(await pool(texts, (n) => done.push(n)), await one(texts));
      assert.equal(done.at(-1), 70);
    } finally {
      await Promise.all([one.close(), pool.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

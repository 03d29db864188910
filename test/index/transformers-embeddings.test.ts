import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ModelError } from '../../src/errors.ts';
import { loadTransformersEmbeddings, type TransformersEmbeddingsOptions } from '../../src/index/embeddings/transformers.ts';
import type { LocalEmbeddings } from '../../src/index/embeddings/types.ts';
import { TINY_BERT_HIDDEN_SIZE, tinyBertTokenVector, writeTinyBertModel } from '../fixtures/tiny-bert.ts';

const MODEL = 'test/tiny-bert';

const dot = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));

function assertClose(actual: number[], expected: number[], tolerance = 1e-6) {
  assert.equal(actual.length, expected.length);
  actual.forEach((value, index) =>
    assert.ok(Math.abs(value - expected[index]!) < tolerance, `component ${index}: ${value} vs ${expected[index]}`),
  );
}

describe('loadTransformersEmbeddings (tiny offline BERT)', () => {
  let root: string;
  let options: TransformersEmbeddingsOptions;
  let embeddings: LocalEmbeddings;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dossier-transformers-'));
    writeTinyBertModel(join(root, 'models'), MODEL);
    options = { model: MODEL, modelsDir: join(root, 'models'), cacheDir: join(root, 'cache'), allowRemote: false };
    embeddings = await loadTransformersEmbeddings(options);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('GIVEN a hidden size of 8 WHEN loaded THEN dimensions is 8 and modelId names the model', () => {
    assert.equal(embeddings.dimensions, TINY_BERT_HIDDEN_SIZE);
    assert.equal(embeddings.modelId, 'transformers:test/tiny-bert');
  });

  it('GIVEN a sentence WHEN embedded THEN the vector is the unit-length mean of its token vectors', async () => {
    const vector = await embeddings.embedQuery('Viktor Bout arrested');
    // The tokenizer wraps the words in [CLS] … [SEP]; mean pooling averages all five rows, normalising removes the scale.
    const sum = ['[CLS]', 'viktor', 'bout', 'arrested', '[SEP]']
      .map(tinyBertTokenVector)
      .reduce((a, b) => a.map((value, index) => value + b[index]!));
    assertClose(
      vector,
      sum.map((value) => value / norm(sum)),
    );
  });

  it('GIVEN 40 documents WHEN embedded in batches THEN each is unit-length and equals its query embedding', async () => {
    const texts = Array.from({ length: 40 }, (_, index) =>
      index % 2 === 0 ? `viktor bout was arrested in bangkok ${'and '.repeat(index % 7)}` : 'pizza in naples',
    );
    const vectors = await embeddings.embedDocuments(texts);
    assert.equal(vectors.length, 40);
    for (const vector of vectors) assert.ok(Math.abs(norm(vector) - 1) < 1e-6, `norm ${norm(vector)}`);
    // Padding inside a batch must not change a vector.
    assertClose(vectors[38]!, await embeddings.embedQuery(texts[38]!));
    assertClose(vectors[1]!, await embeddings.embedQuery('pizza in naples'));
  });

  it('GIVEN the same text twice WHEN embedded THEN the vectors are identical', async () => {
    assert.deepEqual(
      await embeddings.embedQuery('The trial of the arms dealer'),
      await embeddings.embedQuery('The trial of the arms dealer'),
    );
  });

  it('GIVEN no documents WHEN embedded THEN the result is empty', async () => {
    assert.deepEqual(await embeddings.embedDocuments([]), []);
  });

  it('GIVEN the query "viktor bout arrested" THEN a sentence sharing its words is closer than an unrelated one', async () => {
    const query = await embeddings.embedQuery('viktor bout arrested');
    const [related, unrelated] = await embeddings.embedDocuments([
      'Bout was arrested in Bangkok by police.',
      'The best pizza in Naples has basil.',
    ]);
    const relatedScore = dot(query, related!);
    const unrelatedScore = dot(query, unrelated!);
    assert.ok(relatedScore > 0.9, `related ${relatedScore}`);
    assert.ok(unrelatedScore < 0.2, `unrelated ${unrelatedScore}`);
  });

  it('GIVEN two concurrent loads of one model WHEN both resolve THEN they share one instance (one load)', async () => {
    writeTinyBertModel(join(root, 'models'), 'test/tiny-bert-concurrent');
    const concurrent = { ...options, model: 'test/tiny-bert-concurrent' };
    const [first, second] = await Promise.all([loadTransformersEmbeddings(concurrent), loadTransformersEmbeddings(concurrent)]);
    assert.equal(first, second);
    assert.equal(await loadTransformersEmbeddings(concurrent), first);
    assert.notEqual(first, embeddings);
  });

  it('GIVEN two models in different MODELS_DIRs WHEN loaded concurrently THEN each is found in its own folder', async () => {
    // transformers.js keeps localModelPath in one global env; overlapping loads must not see each other's setting.
    writeTinyBertModel(join(root, 'models-a'), 'test/only-in-a');
    writeTinyBertModel(join(root, 'models-b'), 'test/only-in-b');
    const [a, b] = await Promise.all([
      loadTransformersEmbeddings({ ...options, model: 'test/only-in-a', modelsDir: join(root, 'models-a') }),
      loadTransformersEmbeddings({ ...options, model: 'test/only-in-b', modelsDir: join(root, 'models-b') }),
    ]);
    assert.deepEqual([a.modelId, b.modelId], ['transformers:test/only-in-a', 'transformers:test/only-in-b']);
  });

  it('GIVEN quantized false WHEN loaded THEN onnx/model.onnx is used and modelId says fp32', async () => {
    const modelDir = writeTinyBertModel(join(root, 'models'), 'test/tiny-bert-full');
    rmSync(join(modelDir, 'onnx', 'model_quantized.onnx'));
    const full = await loadTransformersEmbeddings({ ...options, model: 'test/tiny-bert-full', quantized: false });
    assert.equal(full.dimensions, TINY_BERT_HIDDEN_SIZE);
    assert.equal(full.modelId, 'transformers:test/tiny-bert-full:fp32');
    await assert.rejects(loadTransformersEmbeddings({ ...options, model: 'test/tiny-bert-full', quantized: true }), (error: unknown) => {
      assert.ok(error instanceof ModelError);
      assert.match(error.message, /missing .*test\/tiny-bert-full\/onnx\/model_quantized\.onnx/);
      return true;
    });
  });

  it('GIVEN a MODELS_DIR holding only onnx/model.onnx WHEN loaded with no preference THEN that file is used', async () => {
    const modelDir = writeTinyBertModel(join(root, 'models'), 'test/tiny-bert-only-full');
    rmSync(join(modelDir, 'onnx', 'model_quantized.onnx'));
    const full = await loadTransformersEmbeddings({ ...options, model: 'test/tiny-bert-only-full' });
    assert.equal(full.modelId, 'transformers:test/tiny-bert-only-full:fp32');
  });

  it('GIVEN a MODELS_DIR holding both ONNX files WHEN loaded with no preference THEN the quantized one is used', async () => {
    assert.equal(embeddings.modelId, 'transformers:test/tiny-bert');
  });

  it('GIVEN a model absent from MODELS_DIR and remote models off WHEN loaded THEN ModelError names the model and MODELS_DIR', async () => {
    const missing = { ...options, model: 'Xenova/all-MiniLM-L6-v2' };
    await assert.rejects(loadTransformersEmbeddings(missing), (error: unknown) => {
      assert.ok(error instanceof ModelError);
      assert.equal(error.code, 'MODEL');
      assert.ok(
        error.message.startsWith(
          `Could not load embedding model "Xenova/all-MiniLM-L6-v2": not found in MODELS_DIR=${options.modelsDir} and ALLOW_REMOTE_MODELS=false`,
        ),
        error.message,
      );
      assert.match(error.message, /into .*Xenova\/all-MiniLM-L6-v2, or allow remote models\. /);
      assert.ok(
        error.message.endsWith(`To install it offline, run \`MODELS_DIR=${options.modelsDir} npm run models:fetch\`.`),
        error.message,
      );
      return true;
    });
  });

  it('GIVEN a failed load WHEN the model is then written and loaded again THEN the retry succeeds', async () => {
    const late = { ...options, model: 'test/tiny-bert-late' };
    await assert.rejects(loadTransformersEmbeddings(late), ModelError);
    writeTinyBertModel(join(root, 'models'), late.model);
    assert.equal((await loadTransformersEmbeddings(late)).dimensions, TINY_BERT_HIDDEN_SIZE);
  });
});

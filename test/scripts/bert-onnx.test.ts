import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bertToOnnx, type BertConfig } from '../../scripts/models/bert-onnx.ts';
import { readSafetensors, type Tensor } from '../../scripts/models/safetensors.ts';
import { loadTransformersEmbeddings } from '../../src/index/embeddings/transformers.ts';
import type { LocalEmbeddings } from '../../src/index/embeddings/types.ts';
import { TINY_BERT_VOCAB, writeTinyBertModel } from '../fixtures/tiny-bert.ts';

const CONFIG: BertConfig = {
  hidden_size: 8,
  num_hidden_layers: 2,
  num_attention_heads: 2,
  intermediate_size: 16,
  layer_norm_eps: 1e-12,
  hidden_act: 'gelu',
};
const H = CONFIG.hidden_size;

/** Seeded weights of a tiny BertModel, named and shaped as Hugging Face saves them (Linear weights [out, in]). */
function randomBert(seed = 7): Map<string, Tensor> {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  const tensor = (shape: number[], around = 0) => ({
    shape,
    data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => around + next()),
  });
  const weights = new Map<string, Tensor>([
    ['embeddings.word_embeddings.weight', tensor([TINY_BERT_VOCAB.length, H])],
    ['embeddings.position_embeddings.weight', tensor([64, H])],
    ['embeddings.token_type_embeddings.weight', tensor([2, H])],
    ['embeddings.LayerNorm.weight', tensor([H], 1)],
    ['embeddings.LayerNorm.bias', tensor([H])],
  ]);
  for (let l = 0; l < CONFIG.num_hidden_layers; l++) {
    const p = `encoder.layer.${l}`;
    for (const name of ['query', 'key', 'value']) {
      weights.set(`${p}.attention.self.${name}.weight`, tensor([H, H]));
      weights.set(`${p}.attention.self.${name}.bias`, tensor([H]));
    }
    weights.set(`${p}.attention.output.dense.weight`, tensor([H, H]));
    weights.set(`${p}.attention.output.dense.bias`, tensor([H]));
    weights.set(`${p}.attention.output.LayerNorm.weight`, tensor([H], 1));
    weights.set(`${p}.attention.output.LayerNorm.bias`, tensor([H]));
    weights.set(`${p}.intermediate.dense.weight`, tensor([CONFIG.intermediate_size, H]));
    weights.set(`${p}.intermediate.dense.bias`, tensor([CONFIG.intermediate_size]));
    weights.set(`${p}.output.dense.weight`, tensor([H, CONFIG.intermediate_size]));
    weights.set(`${p}.output.dense.bias`, tensor([H]));
    weights.set(`${p}.output.LayerNorm.weight`, tensor([H], 1));
    weights.set(`${p}.output.LayerNorm.bias`, tensor([H]));
  }
  return weights;
}

// --- A plain BERT forward pass, written from the architecture's definition, to check the ONNX graph against. ---
const get = (w: Map<string, Tensor>, name: string) => Array.from(w.get(name)!.data);
const linear = (w: Map<string, Tensor>, prefix: string, x: number[][]) => {
  const weight = get(w, `${prefix}.weight`);
  const bias = get(w, `${prefix}.bias`);
  return x.map((row) => bias.map((b, o) => b + row.reduce((sum, v, i) => sum + v * weight[o * row.length + i]!, 0)));
};
const layerNorm = (w: Map<string, Tensor>, prefix: string, x: number[][]) => {
  const gamma = get(w, `${prefix}.weight`);
  const beta = get(w, `${prefix}.bias`);
  return x.map((row) => {
    const mean = row.reduce((a, b) => a + b, 0) / row.length;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length;
    return row.map((v, i) => ((v - mean) / Math.sqrt(variance + CONFIG.layer_norm_eps)) * gamma[i]! + beta[i]!);
  });
};
// Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough at this tolerance.
const erf = (x: number) => {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
};
const add = (a: number[][], b: number[][]) => a.map((row, i) => row.map((v, j) => v + b[i]![j]!));

/** Mean-pooled, normalized sentence embedding of one unpadded token sequence. */
function referenceEmbedding(w: Map<string, Tensor>, ids: number[]): number[] {
  const word = get(w, 'embeddings.word_embeddings.weight');
  const pos = get(w, 'embeddings.position_embeddings.weight');
  const type = get(w, 'embeddings.token_type_embeddings.weight');
  let x = layerNorm(
    w,
    'embeddings.LayerNorm',
    ids.map((id, t) => Array.from({ length: H }, (_, d) => word[id * H + d]! + pos[t * H + d]! + type[d]!)),
  );
  const heads = CONFIG.num_attention_heads;
  const size = H / heads;
  for (let l = 0; l < CONFIG.num_hidden_layers; l++) {
    const p = `encoder.layer.${l}`;
    const [q, k, v] = ['query', 'key', 'value'].map((name) => linear(w, `${p}.attention.self.${name}`, x));
    const context = x.map((_, i) => {
      const out = new Array<number>(H).fill(0);
      for (let h = 0; h < heads; h++) {
        const scores = x.map((__, j) => {
          let s = 0;
          for (let d = 0; d < size; d++) s += q![i]![h * size + d]! * k![j]![h * size + d]!;
          return s / Math.sqrt(size);
        });
        const top = Math.max(...scores);
        const exp = scores.map((s) => Math.exp(s - top));
        const total = exp.reduce((a, b) => a + b, 0);
        exp.forEach((e, j) => {
          for (let d = 0; d < size; d++) out[h * size + d]! += (e / total) * v![j]![h * size + d]!;
        });
      }
      return out;
    });
    const attended = layerNorm(w, `${p}.attention.output.LayerNorm`, add(linear(w, `${p}.attention.output.dense`, context), x));
    const inner = linear(w, `${p}.intermediate.dense`, attended).map((row) => row.map((v) => 0.5 * v * (1 + erf(v / Math.SQRT2))));
    x = layerNorm(w, `${p}.output.LayerNorm`, add(linear(w, `${p}.output.dense`, inner), attended));
  }
  const mean = Array.from({ length: H }, (_, d) => x.reduce((sum, row) => sum + row[d]!, 0) / x.length);
  const norm = Math.hypot(...mean);
  return mean.map((v) => v / norm);
}

describe('bertToOnnx (the converter behind npm run models:fetch)', () => {
  let root: string;
  let weights: Map<string, Tensor>;
  let embeddings: LocalEmbeddings;
  const id = (token: string) => TINY_BERT_VOCAB.indexOf(token);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dossier-bert-onnx-'));
    weights = randomBert();
    // The tiny model's tokenizer files, with the converted random BERT in place of its one-Gather graph.
    const modelDir = writeTinyBertModel(join(root, 'models'), 'test/random-bert');
    rmSync(join(modelDir, 'onnx', 'model_quantized.onnx'));
    writeFileSync(join(modelDir, 'onnx', 'model.onnx'), bertToOnnx(CONFIG, weights, 'test'));
    embeddings = await loadTransformersEmbeddings({
      model: 'test/random-bert',
      modelsDir: join(root, 'models'),
      cacheDir: join(root, 'cache'),
      allowRemote: false,
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('GIVEN random BERT weights WHEN converted and run by transformers.js THEN the embedding equals a plain forward pass', async () => {
    const vector = await embeddings.embedQuery('viktor bout arrested in bangkok');
    const expected = referenceEmbedding(weights, ['[CLS]', 'viktor', 'bout', 'arrested', 'in', 'bangkok', '[SEP]'].map(id));
    vector.forEach((value, d) => assert.ok(Math.abs(value - expected[d]!) < 1e-5, `dimension ${d}: ${value} vs ${expected[d]}`));
  });

  it('GIVEN sentences of different lengths in one batch WHEN embedded THEN padding changes no vector', async () => {
    const [short, long] = await embeddings.embedDocuments(['pizza', 'the storm and the rain in naples was sunny']);
    const alone = await embeddings.embedQuery('pizza');
    short!.forEach((value, d) => assert.ok(Math.abs(value - alone[d]!) < 1e-5, `dimension ${d}: ${value} vs ${alone[d]}`));
    const expected = referenceEmbedding(
      weights,
      ['[CLS]', 'the', 'storm', 'and', 'the', 'rain', 'in', 'naples', 'was', 'sunny', '[SEP]'].map(id),
    );
    long!.forEach((value, d) => assert.ok(Math.abs(value - expected[d]!) < 1e-5, `dimension ${d}: ${value} vs ${expected[d]}`));
  });

  it('GIVEN quantize WHEN converted THEN the int8 graph embeds within 0.99 cosine of the full-precision one', async () => {
    const modelDir = writeTinyBertModel(join(root, 'models'), 'test/random-bert-q');
    writeFileSync(join(modelDir, 'onnx', 'model.onnx'), bertToOnnx(CONFIG, weights, 'test'));
    writeFileSync(join(modelDir, 'onnx', 'model_quantized.onnx'), bertToOnnx(CONFIG, weights, 'test', { quantize: true }));
    const quantized = await loadTransformersEmbeddings({
      model: 'test/random-bert-q',
      modelsDir: join(root, 'models'),
      cacheDir: join(root, 'cache'),
      allowRemote: false,
    });
    assert.equal(quantized.modelId, 'transformers:test/random-bert-q');
    const text = 'viktor bout arrested in bangkok';
    const [q, full] = [await quantized.embedQuery(text), await embeddings.embedQuery(text)];
    const cosine = q.reduce((sum, value, d) => sum + value * full[d]!, 0);
    assert.ok(cosine > 0.99 && cosine < 1 - 1e-7, `cosine ${cosine}`);
  });

  it('GIVEN a checkpoint missing a tensor WHEN converted THEN the error names it', () => {
    const partial = new Map(weights);
    partial.delete('encoder.layer.1.output.dense.bias');
    assert.throws(() => bertToOnnx(CONFIG, partial, 'test'), { message: 'The checkpoint has no tensor encoder.layer.1.output.dense.bias' });
  });

  it('GIVEN a safetensors file WHEN read THEN float32 tensors come back with their shapes and int64 ones are skipped', () => {
    const header = JSON.stringify({
      __metadata__: { format: 'pt' },
      ids: { dtype: 'I64', shape: [2], data_offsets: [0, 16] },
      w: { dtype: 'F32', shape: [2, 2], data_offsets: [16, 32] },
    });
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(header.length));
    const data = Buffer.concat([Buffer.from(new BigInt64Array([0n, 1n]).buffer), Buffer.from(new Float32Array([1, 2, 3, 4]).buffer)]);
    const file = join(root, 'tiny.safetensors');
    writeFileSync(file, Buffer.concat([length, Buffer.from(header), data]));
    const tensors = readSafetensors(file);
    assert.deepEqual([...tensors.keys()], ['w']);
    assert.deepEqual(tensors.get('w')!.shape, [2, 2]);
    assert.deepEqual(Array.from(tensors.get('w')!.data), [1, 2, 3, 4]);
  });
});

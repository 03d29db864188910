// `npm run bench:encoder-speed [-- --rounds N]`: the query-embedding time of each encoder, measured head to head in
// one process (each question goes through every encoder in turn, the order rotating), so that the machine's load
// weighs on all of them alike; then index-time throughput over the real corpus's sentences, interleaved the same
// way. Encoders: the packaged one, and the transformers.js model in MODELS_DIR (each ONNX file it holds).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../src/corpus/load.ts';
import { embedInBatches } from '../src/index/embed-batches.ts';
import { loadTransformersEmbeddings } from '../src/index/embeddings/transformers.ts';
import { loadUseLiteEmbeddings } from '../src/index/embeddings/use-lite.ts';
import type { LocalEmbeddings } from '../src/index/embeddings/types.ts';
import { DEV_QUESTIONS, ROOT } from './lib/setup.ts';
import { round, summarize } from './lib/stats.ts';
import { table } from './lib/table.ts';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const modelsDir = resolve(process.env.MODELS_DIR?.trim() || 'models');
const model = process.env.EMBEDDING_MODEL?.trim() || 'Xenova/all-MiniLM-L6-v2';

const encoders: LocalEmbeddings[] = [await loadUseLiteEmbeddings()];
for (const quantized of [false, true]) {
  if (existsSync(join(modelsDir, model, 'onnx', quantized ? 'model_quantized.onnx' : 'model.onnx'))) {
    encoders.push(await loadTransformersEmbeddings({ model, modelsDir, allowRemote: false, quantized }));
  }
}
if (encoders.length === 1)
  console.error(`No ${model} in MODELS_DIR=${modelsDir}: run \`MODELS_DIR=${modelsDir} npm run models:fetch\` to compare with it.`);

const times = encoders.map(() => [] as number[]);
for (const encoder of encoders) for (const question of DEV_QUESTIONS.slice(0, 3)) await encoder.embedQuery(question);
for (let r = 0; r < rounds; r++) {
  for (const [q, question] of DEV_QUESTIONS.entries()) {
    for (let k = 0; k < encoders.length; k++) {
      const e = (q + r + k) % encoders.length;
      const started = performance.now();
      await encoders[e]!.embedQuery(question);
      times[e]!.push(performance.now() - started);
    }
  }
}

const { articles } = await loadCorpus(join(ROOT, 'corpus'), { maxFileBytes: 20_000_000 });
const sentences = articles.flatMap((article) => article.sentences.map((sentence) => sentence.text));
const batchMs = encoders.map(() => 0);
// Batches of 32, as the index build embeds them, each batch through every encoder in turn.
for (let start = 0; start < sentences.length; start += 32) {
  const batch = sentences.slice(start, start + 32);
  for (let k = 0; k < encoders.length; k++) {
    const e = (start / 32 + k) % encoders.length;
    const started = performance.now();
    await embedInBatches(encoders[e]!, batch, () => {}, 32);
    batchMs[e]! += performance.now() - started;
  }
}

const rows = encoders.map((encoder, e) => {
  const s = summarize(times[e]!);
  return [
    encoder.modelId,
    String(encoder.dimensions),
    `${round(s.p50)} / ${round(s.p95)} / ${round(s.mean)} ms`,
    `${round(sentences.length / (batchMs[e]! / 1000))}`,
  ];
});
console.log(
  `Query embedding, ${DEV_QUESTIONS.length} dev questions × ${rounds} rounds, interleaved; ${sentences.length} corpus sentences in batches of 32`,
);
console.log(table(['encoder', 'dimensions', 'query embed p50 / p95 / mean', 'sentences/s (batches of 32)'], rows));

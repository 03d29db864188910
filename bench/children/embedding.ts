// Ways to run the offline encoder over the real corpus's sentences: batch sizes, length-sorted batches, SIMD or
// not, one or two worker threads (this machine has two cores).
import './wasm-paths.ts';
import { join } from 'node:path';
import { childInput, report } from '../lib/child.ts';
import { benchConfig, ROOT } from '../lib/setup.ts';
import { round, timed } from '../lib/stats.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { embedInBatches } from '../../src/index/embed-batches.ts';
import { createWorkerEmbedder } from '../../src/index/embed-worker.ts';
import { loadEmbeddings } from '../../src/index/embeddings/load.ts';

interface Variant {
  label: string;
  batch: number;
  sorted?: boolean;
  workers?: number;
}
const { simd, sentences: limit, variants } = childInput<{ simd?: boolean; sentences: number; variants: Variant[] }>();
const config = benchConfig('unused');
const { articles } = await loadCorpus(join(ROOT, 'corpus'), { maxFileBytes: config.maxFileBytes });
const texts = articles.flatMap((article) => article.sentences.map((sentence) => sentence.text)).slice(0, limit);
const embeddings = await loadEmbeddings(config.embeddings, () => {});
await embeddings.embedDocuments(texts.slice(0, 4));

async function run(variant: Variant): Promise<number> {
  const list = variant.sorted ? [...texts].sort((a, b) => a.length - b.length) : texts;
  if (!variant.workers) return (await timed(() => embedInBatches(embeddings, list, () => {}, variant.batch))).ms;
  const pool = Array.from({ length: variant.workers }, () => createWorkerEmbedder(config.embeddings, { batchSize: variant.batch }));
  await Promise.all(pool.map((embed) => embed(texts.slice(0, 4))));
  // Interleaved shares, so that each worker gets as many long sentences as the other.
  const shares = pool.map((_, w) => list.filter((_, i) => i % pool.length === w));
  const { ms } = await timed(() => Promise.all(pool.map((embed, w) => embed(shares[w]!))));
  await Promise.all(pool.map((embed) => embed.close()));
  return ms;
}

const results = [];
for (const variant of variants) {
  const ms = await run(variant);
  results.push({ ...variant, simd: simd !== false, texts: texts.length, ms, perS: round(texts.length / (ms / 1000)) });
}
report({ meanChars: round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length), results });

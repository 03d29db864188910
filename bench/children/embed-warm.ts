// Index-time embedding as a build runs it (the worker pool), start-up timed apart from warm throughput.
import { join } from 'node:path';
import { childInput, report } from '../lib/child.ts';
import { benchConfig, ROOT } from '../lib/setup.ts';
import { round } from '../lib/stats.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { createWorkerEmbedder } from '../../src/index/embed-worker.ts';

const { sentences: wanted, workers } = childInput<{ sentences: number; workers: number }>();
const config = benchConfig('unused');
const { articles } = await loadCorpus(join(ROOT, 'corpus'), { maxFileBytes: config.maxFileBytes });
const pool = articles.flatMap((article) => article.sentences.map((sentence) => sentence.text));
// The corpus is small: its sentences repeat until `wanted` texts (the encoder caches nothing across calls).
const texts = Array.from({ length: wanted }, (_, i) => pool[i % pool.length]!);
const embedders = Array.from({ length: workers }, () => createWorkerEmbedder(config.embeddings));
const started = performance.now();
await Promise.all(embedders.map((embed) => embed(pool.slice(0, 8))));
const startUpMs = performance.now() - started;
const shares = embedders.map((_, w) => texts.filter((_, i) => i % embedders.length === w));
const warmStart = performance.now();
await Promise.all(embedders.map((embed, w) => embed(shares[w]!)));
const warmMs = performance.now() - warmStart;
await Promise.all(embedders.map((embed) => embed.close()));
report({
  workers,
  texts: texts.length,
  startUpMs: round(startUpMs, 0),
  warmMs: round(warmMs, 0),
  perSWarm: round(texts.length / (warmMs / 1000)),
});

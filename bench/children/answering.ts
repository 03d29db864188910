// Warm latencies on a built index: ask (split into embed/retrieve/compose), search, timeline; then throughput
// with 1, 4 and 16 concurrent callers.
import { childInput, report } from '../lib/child.ts';
import { benchConfig, DEV_QUESTIONS, openBenchDossier } from '../lib/setup.ts';
import { peakRssMb, round, summarize, timed } from '../lib/stats.ts';
import type { Dossier } from '../../src/core/dossier.ts';

const { dataDir, corpusDir, rounds, concurrency } = childInput<{
  dataDir: string;
  corpusDir?: string;
  rounds: number;
  concurrency: number[];
}>();
const { dossier, embeddings, close } = await openBenchDossier(benchConfig(dataDir, corpusDir), { worker: false });
const questions = Array.from({ length: rounds }, () => DEV_QUESTIONS).flat();
const TIMELINE_QUERIES = [{ topic: 'Bout extradition' }, { from: '2008', to: '2010' }, { topic: 'prisoner swap' }, {}, { from: '2012-04' }];

// Warm-up, one pass: the encoder is slower the first time it sees a length of input (the WebAssembly backend
// sizes its buffers per shape), and so are the first BM25 and HNSW searches.
for (const question of DEV_QUESTIONS) await dossier.ask(question);

const parts = { embed: [] as number[], retrieve: [] as number[], compose: [] as number[], total: [] as number[] };
for (const question of questions) {
  const { value, ms } = await timed(() => dossier.ask(question));
  parts.embed.push(value.timingsMs.embed);
  parts.retrieve.push(value.timingsMs.retrieve);
  parts.compose.push(value.timingsMs.compose);
  parts.total.push(ms);
}
const search: number[] = [];
for (const question of questions) search.push((await timed(() => dossier.search(question))).ms);
const embedOnly: number[] = [];
for (const question of questions) embedOnly.push((await timed(() => embeddings.embedQuery(question))).ms);
const timeline: number[] = [];
for (let i = 0; i < rounds; i++) for (const query of TIMELINE_QUERIES) timeline.push((await timed(() => dossier.timeline(query))).ms);

/** `callers` loops share one queue of questions; questions per second and the latency each one saw. */
async function throughput(target: Dossier, callers: number) {
  const queue = Array.from({ length: Math.max(2, Math.ceil((callers * 4) / DEV_QUESTIONS.length)) }, () => DEV_QUESTIONS).flat();
  const total = queue.length;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let question = queue.pop(); question; question = queue.pop()) latencies.push((await timed(() => target.ask(question))).ms);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { callers, questions: total, perSecond: round(total / seconds), latency: summarize(latencies) };
}
const concurrent = [];
for (const callers of concurrency) concurrent.push(await throughput(dossier, callers));
await close();

report({
  chunks: dossier.info().chunks,
  ask: {
    embed: summarize(parts.embed),
    retrieve: summarize(parts.retrieve),
    compose: summarize(parts.compose),
    total: summarize(parts.total),
  },
  search: summarize(search),
  embedQuery: summarize(embedOnly),
  timeline: summarize(timeline),
  concurrent,
  peakRssMb: peakRssMb(),
});

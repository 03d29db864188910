// Indexing the real corpus: a forced reindex measured alone (throughput, event-loop delay), then optionally one
// while questions keep coming (their latency), with index-time embedding in-process or in the worker thread.
import { childInput, report } from '../lib/child.ts';
import { benchConfig, DEV_QUESTIONS, openBenchDossier } from '../lib/setup.ts';
import { LoopDelay, peakRssMb, round, summarize, timed } from '../lib/stats.ts';
import type { Dossier, ReindexProgress } from '../../src/core/dossier.ts';
import { readManifest } from '../../src/index/artifact.ts';
import { currentIndexDir } from '../../src/index/location.ts';

type Phase = ReindexProgress['phase'];

const { dataDir, worker, withAsks } = childInput<{ dataDir: string; worker: boolean; withAsks: boolean }>();
const opened = await timed(() => openBenchDossier(benchConfig(dataDir), { worker }));
const { dossier, close } = opened.value;
const { chunks } = dossier.info();

/** One forced reindex: its phases and the event-loop delay in each. */
async function measuredReindex(target: Dossier) {
  const delay = new LoopDelay();
  const starts: Partial<Record<Phase, number>> = {};
  delay.start('scanning');
  const run = await timed(() =>
    target.reindex({
      force: true,
      onProgress: ({ phase }) => {
        starts[phase] ??= performance.now();
        delay.split(phase);
      },
    }),
  );
  const loopDelay = delay.stop();
  const between = (from: Phase, to: Phase) => round((starts[to] ?? NaN) - (starts[from] ?? NaN));
  const phasesMs = {
    scan: between('scanning', 'embedding'),
    embed: between('embedding', 'timeline'),
    timeline: between('timeline', 'writing'),
    write: between('writing', 'swapping'),
  };
  return { ms: run.ms, summary: run.value, phasesMs, loopDelay };
}

const quiet = await measuredReindex(dossier);
const { counts } = await readManifest((await currentIndexDir(dataDir))!);
// Only sentences go through the encoder; chunk vectors are sums of their sentences' vectors.
const texts = counts.sentences;

let busy: { ms: number; asks: ReturnType<typeof summarize>; loopDelay: unknown } | undefined;
if (withAsks) {
  const asks: number[] = [];
  let running = true;
  // One question every 250 ms while the reindex runs: what a user waits meanwhile.
  const asking = (async () => {
    for (let i = 0; running; i++) {
      asks.push((await timed(() => dossier.ask(DEV_QUESTIONS[i % DEV_QUESTIONS.length]!))).ms);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const run = await measuredReindex(dossier);
  running = false;
  await asking;
  busy = { ms: run.ms, asks: summarize(asks), loopDelay: run.loopDelay };
}
await close();

report({
  worker,
  openMs: opened.ms,
  chunks,
  texts,
  reindexMs: quiet.ms,
  phasesMs: quiet.phasesMs,
  chunksPerS: round(chunks / (quiet.phasesMs.embed / 1000)),
  textsPerS: round(texts / (quiet.phasesMs.embed / 1000)),
  loopDelay: quiet.loopDelay,
  withAsks: busy,
  peakRssMb: peakRssMb(),
});

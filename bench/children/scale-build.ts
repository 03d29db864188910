// Builds the index of a synthetic corpus through the real reindex path, with vectors from the pool of real
// sentences instead of the encoder: phases, event-loop delay, peak memory, size on disk; and the timeline
// extraction rate on a sample of its articles.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { childInput, report } from '../lib/child.ts';
import { benchConfig } from '../lib/setup.ts';
import { LoopDelay, mb, peakRssMb, round, timed } from '../lib/stats.ts';
import { loadPool, poolEmbedder, poolEmbeddings, poolModel, writeSyntheticCorpus } from '../lib/synthetic.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { ReindexProgress } from '../../src/core/dossier.ts';
import { reindex } from '../../src/core/build.ts';
import { extractEvents } from '../../src/timeline/extract.ts';
import { saveTimelineBuild } from '../../src/timeline/stage.ts';

const input = childInput<{
  poolDataDir: string;
  corpusDir: string;
  dataDir: string;
  chunks: number;
  timelineSample: number;
  inProcess?: boolean;
}>();
const model = await poolModel(input.poolDataDir);
const embeddings = poolEmbeddings(model.id, model.dimensions);
const pool = await loadPool(input.poolDataDir, embeddings.modelId, embeddings.dimensions);
const written = await timed(() => writeSyntheticCorpus(input.corpusDir, pool, input.chunks));

const config = benchConfig(input.dataDir, input.corpusDir);
const { embed, misses } = poolEmbedder(pool);
const starts: Partial<Record<ReindexProgress['phase'], number>> = {};
const delay = new LoopDelay();
delay.start('scanning');
// The timeline stage is left out of the build (it would take minutes at 100,000 chunks); its rate is measured below.
const built = await timed(() =>
  reindex(
    {
      config,
      embeddings,
      embed,
      writeInWorker: !input.inProcess,
      timeline: {
        extract: async () => ({ events: [], records: [], extracted: [], ms: { extract: 0, assemble: 0 }, computed: 0 }),
        save: saveTimelineBuild,
      },
    },
    undefined,
    ({ phase }) => {
      starts[phase] ??= performance.now();
      delay.split(phase);
    },
  ),
);
const loopDelay = delay.stop();
const peakBuildRssMb = peakRssMb();
const between = (from: ReindexProgress['phase'], to: ReindexProgress['phase']) => round((starts[to] ?? NaN) - (starts[from] ?? NaN), 0);

const files = await readdir(built.value.dir);
const sizes = Object.fromEntries(
  await Promise.all(files.map(async (file) => [file, (await stat(join(built.value.dir, file))).size] as const)),
);
const diskBytes = Object.values(sizes).reduce((sum, size) => sum + size, 0);

// Timeline extraction over a sample of the synthetic articles, per article.
const sample =
  input.timelineSample > 0
    ? (await loadCorpus(input.corpusDir, { maxFileBytes: config.maxFileBytes })).articles.slice(0, input.timelineSample)
    : [];
const extraction = await timed(() => extractEvents(sample));

report({
  target: input.chunks,
  articles: written.value.articles,
  chunks: built.value.summary.chunks,
  poolSentences: pool.texts.length,
  undecomposedTexts: misses(),
  buildMs: built.ms,
  phasesMs: {
    scanAndChunk: between('scanning', 'embedding'),
    poolVectors: between('embedding', 'timeline'),
    writeAndInsert: between('writing', 'swapping'),
  },
  loopDelay,
  peakBuildRssMb,
  heapLimitMb: mb(getHeapStatistics().heap_size_limit),
  diskMb: round(diskBytes / 2 ** 20),
  diskFilesMb: Object.fromEntries(Object.entries(sizes).map(([file, size]) => [file, round(size / 2 ** 20)])),
  timelineMsPerArticle: sample.length ? round(extraction.ms / sample.length, 2) : undefined,
});

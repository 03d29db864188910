// Time to add one article to an index of N chunks, incrementally, against a full rebuild of the same corpus.
// Usage: npm run bench:corpus-add [-- --sizes 1000,10000] [--no-timeline]
// Synthetic corpora as in the scale benchmark (bench/lib/synthetic.ts: real sentences with their real vectors), so
// the full rebuild below does not run the encoder; the encoder time it would add is estimated from the measured rate.
// The added article goes through the real encoder (use-lite), as on a real bot.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { changeCorpus, prepareCorpusChange } from '../src/core/corpus-change.ts';
import { loadEmbeddings } from '../src/index/embeddings/load.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import { timelineModule } from '../src/core/open-dossier.ts';
import { openIndexDir } from '../src/core/open-index.ts';
import { reindex } from '../src/core/build.ts';
import type { BuildDeps } from '../src/core/deps.ts';
import { benchConfig } from './lib/setup.ts';
import { loadPool, poolEmbedder, writeSyntheticCorpus } from './lib/synthetic.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000' }, 'no-timeline': { type: 'boolean', default: false } },
});
const sizes = values.sizes.split(',').map(Number);
const noTimeline = {
  extract: async () => ({ events: [], records: [], extracted: [], ms: { extract: 0, assemble: 0 }, computed: 0 }),
  save: async () => {},
};
const timeline = values['no-timeline'] ? noTimeline : timelineModule;
const ARTICLE = readArticle();

const root = mkdtempSync(join(tmpdir(), 'dossier-bench-corpus-add-'));
try {
  const realData = join(root, 'real-data');
  const embeddings = await loadEmbeddings(benchConfig(realData).embeddings, () => {});
  // The pool of real sentence vectors comes from an index of the real corpus.
  const real = await reindex({ config: benchConfig(realData), embeddings, timeline: noTimeline }, undefined);
  const pool = await loadPool(realData, embeddings.modelId, embeddings.dimensions);
  const encoderRate = real.summary.chunks > 0 ? pool.texts.length / ((real.summary.ms - 0) / 1000) : NaN;
  console.log(
    `load ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )} · encoder: ${pool.texts.length} sentences embedded in ${(real.summary.ms / 1000).toFixed(1)} s (${encoderRate.toFixed(1)}/s) · timeline ${values['no-timeline'] ? 'off' : 'on'}`,
  );
  console.log(
    'chunks  articles  full rebuild (pool vectors)  + encoder (est.)  incremental add  of which: read+embed  vectors  timeline  write+swap  load',
  );
  for (const size of sizes) {
    const corpusDir = join(root, `corpus-${size}`);
    const dataDir = join(root, `data-${size}`);
    const written = await writeSyntheticCorpus(corpusDir, pool, size);
    const config = benchConfig(dataDir, corpusDir);
    const { embed } = poolEmbedder(pool);
    const deps: BuildDeps = { config, embeddings, embed, timeline };
    const full = await reindex(deps, undefined);
    const current = await openIndexDir({ embeddings, timeline: { load: timelineLoader } }, full.dir);
    const sentences = current.artifact.sentenceCount;
    const prepared = await prepareArticle(
      { kind: 'file', name: 'lighthouse.md', bytes: Buffer.from(ARTICLE) },
      { maxFileBytes: config.maxFileBytes, urlFetch: config.urlFetch },
    );
    const marks: Record<string, number> = {};
    const started = performance.now();
    // The added article is embedded by the real encoder: only its sentences.
    const result = await changeCorpus(
      { ...deps, embed: undefined, checkpoint: (point) => (marks[point] = performance.now()) },
      current,
      { kind: 'add', prepared },
      { via: 'cli', id: 'bench' },
    );
    const total = performance.now() - started;
    const span = (from: string, to: string) => `${((marks[to]! - marks[from]!) / 1000).toFixed(2)} s`;
    const load = (total - (marks.swapped! - started)) / 1000;
    console.log(
      [
        String(result.summary.totalChunks).padEnd(7),
        String(written.articles + 1).padEnd(9),
        `${(full.summary.ms / 1000).toFixed(1)} s`.padEnd(28),
        `+${(sentences / encoderRate / 60).toFixed(1)} min`.padEnd(17),
        `${(total / 1000).toFixed(2)} s`.padEnd(16),
        span('locked', 'corpus-written').padEnd(7),
        span('corpus-written', 'vectors').padEnd(8),
        span('vectors', 'timeline').padEnd(9),
        span('timeline', 'swapped').padEnd(11),
        `${load.toFixed(2)} s`,
      ].join('  '),
    );
    // The timeline span's parts: extracting the added article, assembling and merging every article's stored
    // extraction, and the rest (listing the articles, reading the stored extractions: the first change after
    // opening the index reads them from its database).
    const { extracted, ms, refitted } = result.summary.timeline;
    const spanMs = marks.timeline! - marks.vectors!;
    console.log(
      `        timeline: ${extracted.length} article extracted in ${ms.extract} ms, assembly + merge ${ms.assemble} ms (word weights ${refitted ? 'fitted again' : 'kept'}), the rest (listing the articles, reading the stored extractions; writing them and the ${result.summary.events} events back is in write+swap) ${Math.round(spanMs - ms.extract - ms.assemble)} ms`,
    );
    // Removing the article again: the same path the other way, nothing to embed.
    const removal = await changeCorpus(deps, result, { kind: 'remove', source: prepared.source }, { via: 'cli', id: 'bench' });
    const removed = removal.summary.timeline;
    console.log(
      `        remove it again: ${(removal.summary.ms / 1000).toFixed(2)} s, of which timeline assembly + merge ${removed.ms.assemble} ms (word weights ${removed.refitted ? 'fitted again' : 'kept'})`,
    );
    // The first change after opening reads the stored extractions; a bot then holds what its last change saved
    // (`OpenIndex.extractions`), so the next add reads nothing of them: the add a running bot makes.
    const next = await prepareArticle(
      { kind: 'file', name: 'lighthouse-2.md', bytes: Buffer.from(ARTICLE.replaceAll('lighthouse keeper', 'harbour pilot')) },
      { maxFileBytes: config.maxFileBytes, urlFetch: config.urlFetch },
    );
    const again = await changeCorpus({ ...deps, embed: undefined }, removal, { kind: 'add', prepared: next }, { via: 'cli', id: 'bench' });
    console.log(
      `        add another (extractions held from the last change): ${(again.summary.ms / 1000).toFixed(2)} s, of which timeline extraction ${again.summary.timeline.ms.extract} ms, assembly + merge ${again.summary.timeline.ms.assemble} ms`,
    );
    // A bot restarted on this index readies its first change in the background once the index is open
    // (`Dossier.prepareChanges`): read the extractions, make the assembly's held state. Then a moderator adds.
    const reopened = await openIndexDir({ embeddings, timeline: { load: timelineLoader } }, again.artifact.dir);
    const readying = performance.now();
    const { value: extractions, longestWaitMs } = await withLongestWait(() => prepareCorpusChange(deps, reopened));
    const readied = performance.now() - readying;
    const third = await prepareArticle(
      { kind: 'file', name: 'lighthouse-3.md', bytes: Buffer.from(ARTICLE.replaceAll('lighthouse keeper', 'ferry captain')) },
      { maxFileBytes: config.maxFileBytes, urlFetch: config.urlFetch },
    );
    const readiedAdd = await changeCorpus(
      { ...deps, embed: undefined },
      { ...reopened, ...(extractions ? { extractions } : {}) },
      { kind: 'add', prepared: third },
      { via: 'cli', id: 'bench' },
    );
    console.log(
      `        reopened, its first change readied in the background (${Math.round(readied)} ms, the event loop's longest wait meanwhile ${Math.round(longestWaitMs)} ms), then an add: ${(readiedAdd.summary.ms / 1000).toFixed(2)} s, of which timeline assembly + merge ${readiedAdd.summary.timeline.ms.assemble} ms`,
    );
    reopened.artifact.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

/**
 * What `run` gives, and the longest the event loop went without a turn meanwhile (what a question arriving then
 * would wait), by a timer due every millisecond. (perf_hooks' delay monitor records nothing when `run` ends within
 * the loop turn that its last long step ran in.)
 */
async function withLongestWait<T>(run: () => Promise<T>): Promise<{ value: T; longestWaitMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    const value = await run();
    // One more turn of the timer, so that a step just before the end is counted.
    await new Promise((resolve) => setTimeout(resolve, 2));
    return { value, longestWaitMs: longest };
  } finally {
    clearInterval(timer);
  }
}

async function timelineLoader(dir: string) {
  return values['no-timeline'] ? [] : timelineModule.load(dir);
}

function readArticle(): string {
  return [
    '# Lighthouse keeper testifies at the cargo hearing',
    'Source: Harbour Gazette',
    'date 2021-06-04',
    '',
    'A lighthouse keeper from the northern cape told the court on Tuesday that he saw the cargo plane land at night without its lights.',
    '',
    'The lighthouse keeper said that six men unloaded the wooden crates and drove them away in two grey lorries before dawn.',
    '',
    'The judge adjourned the hearing until the following Monday so that the defence could question the lighthouse keeper again.',
    '',
  ].join('\n');
}

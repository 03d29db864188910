// Timeline timings: full extraction of each corpus, an incremental update (one article added or removed: only
// it is read, the rest come from the per-article store, then everything is re-merged), and how merging grows.
// Run: npm run bench:timeline. Each corpus runs in a fresh process so that one's warm caches do not flatter another.
import { spawnSync } from 'node:child_process';
import { loadCorpus } from '../src/corpus/load.ts';
import { MemoryArticleTimelines } from '../src/timeline/article-store.ts';
import { assembleTimeline } from '../src/timeline/assemble.ts';
import { extractArticles } from '../src/timeline/extract.ts';
import { mergeEvents, type MergeInput } from '../src/timeline/merge.ts';
import { round, timed } from './lib/stats.ts';

const CORPORA = ['eval/corpus-a', 'eval/corpus-b'];

async function measureCorpus(dir: string): Promise<void> {
  const { articles } = await loadCorpus(dir, { maxFileBytes: 2_000_000 });
  const full = await timed(() => assembleTimeline(extractArticles(articles).records));
  // A warm process (a running bot): the corpus without its last article is stored, then that article is added.
  const store = new MemoryArticleTimelines();
  const rest = articles.slice(0, -1);
  assembleTimeline(extractArticles(rest, store).records);
  const added = articles.at(-1)!;
  // Compromise keeps sentences it has read: a new article is one it has not.
  const fresh = {
    ...added,
    hash: `${added.hash}-fresh`,
    sentences: added.sentences.map((sentence) => ({ ...sentence, text: `${sentence.text} ` })),
  };
  const extract = await timed(() => extractArticles([...rest, fresh], store));
  const assemble = await timed(() => assembleTimeline(extract.value.records));
  const removal = await timed(() => assembleTimeline(extractArticles(rest, store).records));
  console.log(
    JSON.stringify({
      corpus: dir,
      articles: articles.length,
      events: full.value.length,
      fullMs: full.ms,
      add: { read: extract.value.extracted, extractMs: extract.ms, assembleMs: assemble.ms },
      removeMs: removal.ms,
    }),
  );
}

/**
 * Merge time for n synthetic reports, doubling n: over a fixed span of years (events per month grow with n:
 * still quadratic within a month) and at a fixed density (a longer timeline: linear when the time doubles too).
 */
function measureMerge(): void {
  const verbs = ['arrested', 'sentenced', 'released', 'visited', 'signed', 'opened', 'closed', 'appealed'];
  const rows: { n: number; years: number; ms: number }[] = [];
  for (const [n, span] of [500, 1000, 2000, 4000, 8000].flatMap(
    (n) =>
      [
        [n, 40],
        [n, n / 25],
      ] as const,
  )) {
    // The first size warms the JIT up and is not reported.
    const events: MergeInput[] = Array.from({ length: n }, (_, i) => {
      const year = 1800 + (i % span);
      const clause = `Person${i % 97} ${verbs[i % verbs.length]} the council of Town${i % 31} over item${i}`;
      return {
        id: `e${i}`,
        date: `${year}-${String((i % 12) + 1).padStart(2, '0')}`,
        precision: 'month',
        approximate: false,
        summary: clause,
        kind: 'occurred',
        people: [],
        places: [],
        sources: [{ source: `s${i % 50}.txt`, quote: clause, start: i, end: i + 10 }],
        clause,
        verbs: [verbs[i % verbs.length]!.replace(/ed$/, '')],
      };
    });
    const ms = timedSync(() => mergeEvents(events));
    if (n > 500) rows.push({ n, years: span, ms });
  }
  console.log(JSON.stringify({ merge: rows }));
}

function timedSync(task: () => unknown): number {
  const started = performance.now();
  task();
  return round(performance.now() - started);
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'corpus') await measureCorpus(arg!);
else if (mode === 'merge') measureMerge();
else {
  for (const dir of CORPORA) spawnSync(process.execPath, ['--import', 'tsx', 'bench/timeline.ts', 'corpus', dir], { stdio: 'inherit' });
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/timeline.ts', 'merge'], { stdio: 'inherit' });
}

// An incremental assembly keeps the word weights of the last fit, dates again only the articles a change can
// affect and re-merges only the years whose reports changed: its timeline must be exactly a full assembly's with
// those weights, after any sequence of removals and additions.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { ArticleTimeline } from '../../src/timeline/article-timeline.ts';
import { assembleTimeline, linkSurnames } from '../../src/timeline/assemble.ts';
import { AssemblyMemo } from '../../src/timeline/assembly-memo.ts';
import { assembleIncrementally, assembleWithWeights, REFIT_FRACTION, type AssemblyState } from '../../src/timeline/assembly-state.ts';
import { dateAcrossArticles } from '../../src/timeline/date-across.ts';
import { HeldAssembly } from '../../src/timeline/held-assembly.ts';
import type { SentenceEvent } from '../../src/timeline/sentence-event.ts';
import { extractArticle } from '../../src/timeline/read-article.ts';
import { buildTimeline, saveTimelineBuild } from '../../src/timeline/stage.ts';
import { makeArticle } from './make-article.ts';

const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const bySource = (a: ArticleTimeline, b: ArticleTimeline) => a.source.localeCompare(b.source);

async function records(dir: string): Promise<ArticleTimeline[]> {
  const { articles } = await loadCorpus(dir, { maxFileBytes: 10_000_000 });
  return articles.map(extractArticle);
}

/**
 * One assembly as a corpus change runs it: records, memo and state as the previous one stored them, and the
 * state an index holds in memory when given (every record read back is new to it: it files each anew).
 */
function change(
  kept: ArticleTimeline[],
  previous: AssemblyState,
  removed: ArticleTimeline[] = [],
  refitFraction = Infinity,
  held?: HeldAssembly,
) {
  const input = stored(kept);
  const memo = new AssemblyMemo(input);
  const assembly = assembleIncrementally(input, memo, stored(previous), {
    removed: stored(removed),
    refitFraction,
    ...(held ? { held } : {}),
  });
  return { ...assembly, records: stored(memo.records()) };
}

/** The years whose reports (dated across articles, with the given weights) differ between two corpora. */
function yearsChanged(before: ArticleTimeline[], after: ArticleTimeline[], weights: AssemblyState['weights']): Set<string> {
  const reports = (records: ArticleTimeline[]) =>
    new Set(linkSurnames(records, dateAcrossArticles(stored(records), undefined, weights).events).map((event) => JSON.stringify(event)));
  const [a, b] = [reports(before), reports(after)];
  return new Set(
    [...a, ...b]
      .filter((report) => !a.has(report) || !b.has(report))
      .map((report) => (JSON.parse(report) as { date: string }).date.slice(0, 4)),
  );
}

for (const dir of ['corpus', 'eval/corpus-b']) {
  test(`GIVEN ${dir} WHEN each article is removed and then added back with the weights kept THEN each timeline is a full assembly's with those weights, re-merging only the years whose reports changed`, async () => {
    let current = await records(dir);
    const first = assembleIncrementally(current, new AssemblyMemo(current));
    assert.equal(first.refitted, true);
    assert.deepEqual(stored(first.events), stored(assembleTimeline(current)));
    let state = first.state;
    let reused = 0;
    for (const article of [...current]) {
      const without = current.filter((record) => record.source !== article.source);
      const removed = change(without, state, [article]);
      assert.equal(removed.refitted, false);
      assert.deepEqual(
        stored(removed.events),
        stored(assembleWithWeights(stored(without), state.weights)),
        `after removing ${article.source}`,
      );
      const back = [...removed.records, article].sort(bySource);
      const added = change(back, removed.state);
      assert.equal(added.refitted, false);
      assert.deepEqual(
        stored(added.events),
        stored(assembleWithWeights(stored(back), state.weights)),
        `after adding ${article.source} back`,
      );
      const years = yearsChanged(removed.records, back, state.weights);
      const merged = Object.entries(added.state.merge.years).filter(([year, kept]) => removed.state.merge.years[year]?.key !== kept.key);
      assert.deepEqual(
        merged.map(([year]) => year).filter((year) => !years.has(year)),
        [],
        `adding ${article.source} back re-merged only changed years`,
      );
      reused += Object.keys(added.state.merge.years).length - merged.length;
      [current, state] = [added.records, added.state];
    }
    assert.ok(reused > 0, 'some years were recalled, not merged again');
  });
}

test('GIVEN eval/corpus-b WHEN articles are removed and added in a longer sequence with the weights kept THEN every timeline is a full assembly’s with those weights', async () => {
  const all = await records('eval/corpus-b');
  const { state: fitted } = assembleIncrementally(all, new AssemblyMemo(all));
  let current = all;
  let state = fitted;
  // Remove three, add two back in another order, remove one more, add everything back.
  const steps: [string, number][] = [
    ['-', 0],
    ['-', 3],
    ['-', 5],
    ['+', 3],
    ['+', 0],
    ['-', 1],
    ['+', 5],
    ['+', 1],
  ];
  for (const [sign, at] of steps) {
    const article = all[at]!;
    const next = sign === '-' ? current.filter((record) => record.checksum !== article.checksum) : [...current, article].sort(bySource);
    const step = change(next, state, sign === '-' ? [article] : []);
    assert.deepEqual(stored(step.events), stored(assembleWithWeights(stored(next), fitted.weights)), `${sign}${article.source}`);
    [current, state] = [step.records, step.state];
  }
  assert.deepEqual(stored(state.weights), stored(fitted.weights));
  assert.deepEqual(
    stored(assembleWithWeights(stored(current), state.weights)),
    stored(assembleTimeline(all)),
    'back to the corpus the weights were fitted on',
  );
});

test('GIVEN a fitted assembly WHEN the articles changed since hold more than REFIT_FRACTION of its clauses THEN the weights are fitted again and the timeline is the full rebuild’s', async () => {
  const all = await records('eval/corpus-b');
  const without = all.slice(1);
  const { state } = assembleIncrementally(without, new AssemblyMemo(without));
  const size = all[0]!.events.length + all[0]!.pending.length;
  assert.ok(size > REFIT_FRACTION * state.fitted, 'one article of seven is more than the drift allowed');
  const refit = change(all, state, [], REFIT_FRACTION);
  assert.equal(refit.refitted, true);
  assert.equal(refit.state.drift, 0);
  assert.equal(refit.state.fitted, state.fitted + size);
  assert.deepEqual(stored(refit.events), stored(assembleTimeline(all)));
  // Under the drift the weights are kept, and the drift counts the change.
  const kept = change(all, state, [], size / state.fitted);
  assert.equal(kept.refitted, false);
  assert.equal(kept.state.drift, size);
  assert.deepEqual(kept.state.weights, stored(state.weights));
});

for (const held of [undefined, new HeldAssembly()])
  test(`GIVEN a yearless dateline no other article dates WHEN an article dating its event is added, the corpus naming the same years THEN its year is inferred again, as a full assembly with the kept weights does${held ? ' (a state held in memory)' : ''}`, () => {
    const earlier = extractArticle(makeArticle('x.txt', 'The ministry published its report on 5 January 2009.', '2009-01-06'));
    const port = extractArticle(makeArticle('y.txt', 'The port reopened on 1 May 2008.', '2008-05-02'));
    const wire = extractArticle(
      makeArticle('w.txt', 'MOSCOW, March 7. Police arrested Viktor Bout in Bangkok on Thursday. The law passed in May 2008.'),
    );
    const arrest = extractArticle(makeArticle('b.txt', 'Police arrested Viktor Bout in Bangkok on March 6, 2008.', '2008-03-07'));
    assert.ok(wire.monthDay);
    const before = [earlier, wire, port].sort(bySource);
    const { state } = assembleIncrementally(stored(before), new AssemblyMemo(stored(before)));
    const wireDates = (events: { date: string; sources: { source: string }[] }[]) =>
      events.filter((event) => event.sources.some((cited) => cited.source === 'w.txt')).map((event) => event.date);
    const after = [...before, arrest].sort(bySource);
    // Alone, its own May 2008 puts the dateline in the year after; the added arrest puts it in 2008.
    assert.ok(wireDates(assembleWithWeights(stored(before), state.weights)).includes('2009-03-05'));
    const added = change(after, state, [], Infinity, held);
    assert.equal(added.refitted, false);
    assert.ok(wireDates(added.events).includes('2008-03-06'));
    assert.deepEqual(stored(added.events), stored(assembleWithWeights(stored(after), state.weights)));
    assert.deepEqual(
      stored(change(before, added.state, [arrest], Infinity, held).events),
      stored(assembleWithWeights(stored(before), state.weights)),
    );
  });

test('GIVEN an index of 30 articles WHEN one is added and another removed through the build stage THEN the weights are kept, the stored state carries over, and each timeline is a full assembly’s with the fitted weights', async () => {
  const towns = ['Tromso', 'Bergen', 'Narvik', 'Bodo', 'Alta', 'Molde'];
  const verbs = ['approved', 'rejected', 'delayed', 'opened', 'closed'];
  const articles = Array.from({ length: 30 }, (_, i) =>
    makeArticle(
      `a${String(i).padStart(2, '0')}.txt`,
      `The council of ${towns[i % 6]} ${verbs[i % 5]} the harbour plan on ${1 + (i % 27)} March ${2015 + (i % 4)}. It met again on Friday.`,
      `${2015 + (i % 4)}-03-${String(2 + (i % 27)).padStart(2, '0')}`,
    ),
  );
  // One report only a01 makes: the undated article's evidence.
  articles[1] = makeArticle('a01.txt', 'The mayor of Bergen resigned over the ferry contract on 2 March 2016.', '2016-03-03');
  const undated = makeArticle('u.txt', 'The mayor of Bergen resigned over the ferry contract on Wednesday.');
  const dir = mkdtempSync(join(tmpdir(), 'assembly-state-'));
  try {
    const first = await buildTimeline(articles, dir);
    await saveTimelineBuild(dir, first);
    const fitted = first.assembly!;
    const withUndated = [...articles, undated];
    const added = await buildTimeline(withUndated, dir, { incremental: true });
    assert.equal(added.refitted, false);
    assert.deepEqual(added.extracted, ['u.txt']);
    assert.deepEqual(stored(added.events), stored(assembleWithWeights(stored(added.records), fitted.weights)));
    // The undated article is pinned by the one report of the same happening, and unpinned when that report goes.
    const cites = (events: { date: string; sources: { source: string }[] }[]) =>
      events.filter((event) => event.sources.some((cited) => cited.source === 'u.txt')).map((event) => event.date);
    assert.deepEqual(cites(added.events), ['2016-03-02']);
    await saveTimelineBuild(dir, added);
    const kept = withUndated.filter((article) => article.source !== 'a01.txt');
    const removed = await buildTimeline(kept, dir, { incremental: true });
    assert.equal(removed.refitted, false);
    assert.deepEqual(removed.extracted, []);
    assert.deepEqual(stored(removed.events), stored(assembleWithWeights(stored(removed.records), fitted.weights)));
    assert.ok(removed.assembly!.drift > added.assembly!.drift);
    assert.deepEqual(cites(removed.events), []);
    // A full build (not incremental) fits the weights again.
    assert.equal((await buildTimeline(kept, dir)).refitted, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const held of [undefined, new HeldAssembly()])
  test(`GIVEN a yearless dateline WHEN an article names a year the corpus did not (a new candidate) and dates its event THEN the year is inferred again, and again when it is removed${held ? ' (a state held in memory)' : ''}`, () => {
    const early = extractArticle(makeArticle('x.txt', 'The ministry published its report on 5 January 2009.', '2009-01-06'));
    const late = extractArticle(makeArticle('y.txt', 'The port reopened on 1 May 2015.', '2015-05-02'));
    const wire = extractArticle(makeArticle('w.txt', 'MOSCOW, March 7. Police arrested Viktor Bout in Bangkok on Thursday.'));
    const arrest = extractArticle(makeArticle('b.txt', 'Police arrested Viktor Bout in Bangkok on March 1, 2012.', '2012-03-02'));
    const before = [early, wire, late].sort(bySource);
    const { state } = assembleIncrementally(stored(before), new AssemblyMemo(stored(before)));
    const wireDates = (events: { date: string; sources: { source: string }[] }[]) =>
      events.filter((event) => event.sources.some((cited) => cited.source === 'w.txt')).map((event) => event.date);
    assert.deepEqual(wireDates(assembleWithWeights(stored(before), state.weights)), ['2009-03-05']);
    const after = [...before, arrest].sort(bySource);
    const added = change(after, state, [], Infinity, held);
    assert.equal(added.refitted, false);
    assert.deepEqual(wireDates(added.events), ['2012-03-01']);
    assert.deepEqual(stored(added.events), stored(assembleWithWeights(stored(after), state.weights)));
    const removed = change(before, added.state, [arrest], Infinity, held);
    assert.deepEqual(wireDates(removed.events), ['2009-03-05']);
    assert.deepEqual(stored(removed.events), stored(assembleWithWeights(stored(before), state.weights)));
  });

test('GIVEN a yearless dateline dated by an assembly WHEN a change leaves its year as it was THEN its dated events are the same objects (what merging keeps by event), and when the year changes they are made anew', () => {
  const early = extractArticle(makeArticle('x.txt', 'The ministry published its report on 5 January 2009.', '2009-01-06'));
  const wire = extractArticle(makeArticle('w.txt', 'MOSCOW, March 7. Police arrested Viktor Bout in Bangkok on Thursday.'));
  const port = extractArticle(makeArticle('y.txt', 'The port reopened on 1 May 2009.', '2009-05-02'));
  const arrest = extractArticle(makeArticle('b.txt', 'Police arrested Viktor Bout in Bangkok on March 1, 2012.', '2012-03-02'));
  const before = [early, wire].sort(bySource);
  const first = assembleIncrementally(before, new AssemblyMemo(before));
  // Each dating recalls the readings the one before kept with the records, as a corpus change does.
  const dating = (records: ArticleTimeline[], state: AssemblyState) => {
    const memo = new AssemblyMemo(records);
    const dated = dateAcrossArticles(records, memo, state.weights, {
      previous: state.dating,
      known: new Set(Object.keys(state.sizes)),
      removed: [],
    });
    return { ...dated, records: memo.records() };
  };
  const wireEvents = (events: SentenceEvent[]) => events.filter((event) => event.sources[0]!.source === 'w.txt');
  const kept = [early, port, wire].sort(bySource);
  const same = dating(kept, first.state);
  assert.deepEqual(
    wireEvents(same.events).map((event) => event.date),
    ['2009-03-05'],
  );
  assert.equal(same.state.yearless[wire.checksum], first.state.dating.yearless[wire.checksum]);
  const again = dating(same.records, first.state);
  assert.equal(wireEvents(again.events)[0], wireEvents(same.events)[0]);
  // The arrest of 2012 puts the dateline in 2012: its events are dated anew.
  const moved = dating([...again.records, arrest].sort(bySource), first.state);
  assert.deepEqual(
    wireEvents(moved.events).map((event) => event.date),
    ['2012-03-01'],
  );
  assert.notEqual(wireEvents(moved.events)[0], wireEvents(same.events)[0]);
});

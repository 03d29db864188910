// What an index's assembly holds in memory between its changes (`HeldAssembly`, carried by the snapshot of its
// stored extractions) belongs to that index: two indexes changed in turn in one process each count only their
// own change, and an index reopened (no snapshot held) starts a new one and gives the same timeline.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import { assembleTimeline } from '../../src/timeline/assemble.ts';
import type { ArticleTimeline } from '../../src/timeline/article-timeline.ts';
import { AssemblyMemo } from '../../src/timeline/assembly-memo.ts';
import { assembleIncrementally, assembleWithWeights } from '../../src/timeline/assembly-state.ts';
import { HeldAssembly } from '../../src/timeline/held-assembly.ts';
import { extractArticle } from '../../src/timeline/read-article.ts';
import Database from 'better-sqlite3';
import { ARTICLE_STORE_FILE } from '../../src/timeline/article-store-db.ts';
import { readTimelineRows } from '../../src/timeline/event-rows.ts';
import { buildTimeline, prepareTimelineChange, saveTimelineBuild, type ArticleStoreSnapshot } from '../../src/timeline/stage.ts';
import type { TimelineArticleRef } from '../../src/timeline/types.ts';
import { makeArticle } from './make-article.ts';
import { stored } from './tunnel-articles.ts';

interface Index {
  articles: Article[];
  dir: string;
  held: ArticleStoreSnapshot;
  fullRebuild: (kept: Article[]) => unknown;
}

async function openIndex(corpus: string): Promise<Index> {
  const { articles } = await loadCorpus(corpus, { maxFileBytes: 10_000_000 });
  const fresh = new Map(articles.map((article) => [article.source, extractArticle(article)]));
  const dir = mkdtempSync(join(tmpdir(), 'held-assembly-'));
  await saveTimelineBuild(dir, await buildTimeline(articles));
  // The first build from the index directory starts the index's held assembly (counting every article).
  const { snapshot: held } = await saveTimelineBuild(dir, await buildTimeline(articles, dir, { incremental: true }));
  return { articles, dir, held, fullRebuild: (kept) => stored(assembleTimeline(kept.map((article) => fresh.get(article.source)!))) };
}

/** One change of `index` to `articles` from its held snapshot; the snapshot it leaves is held for the next. */
async function change(index: Index, articles: Article[]) {
  const build = await buildTimeline(articles, index.dir, { incremental: true, held: index.held });
  index.held = (await saveTimelineBuild(index.dir, build)).snapshot;
  return build;
}

test('GIVEN two indexes open in one process WHEN they are changed in turn THEN each timeline equals a full rebuild and each held tally counts only its own change', async () => {
  const indexes = [await openIndex('corpus'), await openIndex('eval/corpus-b')];
  try {
    const [a, b] = indexes as [Index, Index];
    assert.ok(a.held.heldAssembly && b.held.heldAssembly);
    assert.notEqual(a.held.heldAssembly, b.held.heldAssembly);
    for (let round = 0; round < 3; round++) {
      for (const index of indexes) {
        const tally = index.held.heldAssembly!.surnames;
        const counted = tally.counted;
        const gone = index.articles[round]!;
        const without = index.articles.filter((article) => article !== gone);
        const removed = await change(index, without);
        assert.deepEqual(stored(removed.events), index.fullRebuild(without), `removing ${gone.source}`);
        const added = await change(index, index.articles);
        assert.deepEqual(stored(added.events), index.fullRebuild(index.articles), `adding ${gone.source} back`);
        // The same held state throughout, which counted the article taken out and the one put back, nothing else.
        assert.equal(index.held.heldAssembly!.surnames, tally);
        assert.equal(tally.counted - counted, 2, `${gone.source}: the other index's changes were not counted here`);
      }
    }
  } finally {
    for (const index of indexes) rmSync(index.dir, { recursive: true, force: true });
  }
});

test('GIVEN an index changed from its held state WHEN it is reopened (no snapshot held) and changed again THEN the change starts a new held state and gives the timeline the held one gives', async () => {
  const index = await openIndex('eval/corpus-b');
  try {
    const without = index.articles.slice(1);
    const viaHeld = await buildTimeline(without, index.dir, { incremental: true, held: index.held });
    const reopened = await buildTimeline(without, index.dir, { incremental: true });
    assert.ok(reopened.held);
    assert.notEqual(reopened.held, index.held.heldAssembly);
    assert.deepEqual(stored(reopened.events), stored(viaHeld.events));
    assert.deepEqual(stored(reopened.events), index.fullRebuild(without));
    // The reopened index's next change holds what this one left.
    const { snapshot } = await saveTimelineBuild(index.dir, reopened);
    assert.equal(snapshot.heldAssembly, reopened.held);
    const next = await buildTimeline(index.articles, index.dir, { incremental: true, held: snapshot });
    assert.equal(next.held, reopened.held);
    assert.deepEqual(stored(next.events), index.fullRebuild(index.articles));
  } finally {
    rmSync(index.dir, { recursive: true, force: true });
  }
});

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const refsOf = (articles: Article[]): TimelineArticleRef[] => articles.map((article) => ({ ...article, read: () => article }));

/** The event rows of index `dir` in timeline order, as stored. */
function storedRows(dir: string): string[] {
  const db = new Database(join(dir, ARTICLE_STORE_FILE));
  try {
    return readTimelineRows(db) ?? [];
  } finally {
    db.close();
  }
}

for (const corpus of ['corpus', 'eval/corpus-b']) {
  test(`GIVEN ${corpus} reopened (no snapshot held) WHEN its next changes are readied ahead and then made THEN each reads nothing, updates the held state readied, writes only the events it alters, and stores the full rebuild's timeline byte for byte`, async () => {
    const index = await openIndex(corpus);
    try {
      const prepared = await prepareTimelineChange(index.dir, refsOf(index.articles), nextTurn);
      assert.ok(prepared?.heldAssembly);
      assert.notEqual(prepared.heldAssembly, index.held.heldAssembly);
      // Every stored event is bound to the very event the readied assembly gave: the save compares by identity.
      assert.ok([...prepared.events.values()].every((row) => row.value !== undefined));
      let held = prepared;
      for (const articles of [index.articles.slice(1), index.articles, index.articles.slice(0, -1)]) {
        const before = new Set(storedRows(index.dir));
        const build = await buildTimeline(articles, index.dir, { incremental: true, held });
        assert.equal(build.base, held);
        assert.equal(build.held, prepared.heldAssembly);
        const { report, snapshot } = await saveTimelineBuild(index.dir, build);
        const rows = storedRows(index.dir);
        assert.deepEqual(
          rows,
          (index.fullRebuild(articles) as unknown[]).map((event) => JSON.stringify(event)),
        );
        assert.equal(report.sections.events ?? 0, rows.filter((row) => !before.has(row)).length);
        held = snapshot;
      }
    } finally {
      rmSync(index.dir, { recursive: true, force: true });
    }
  });
}

test('GIVEN an index whose stored extractions lack an article WHEN its next change is readied THEN nothing is extracted or assembled: the stored snapshot alone is given', async () => {
  const index = await openIndex('eval/corpus-b');
  try {
    const [extra] = (await loadCorpus('eval/corpus-a', { maxFileBytes: 10_000_000 })).articles;
    const unread: TimelineArticleRef = {
      ...extra!,
      read: () => assert.fail('readying a change never reads an article'),
    };
    const prepared = await prepareTimelineChange(index.dir, [...refsOf(index.articles), unread], nextTurn);
    assert.equal(prepared?.token, index.held.token);
    assert.equal(prepared?.heldAssembly, undefined);
  } finally {
    rmSync(index.dir, { recursive: true, force: true });
  }
});

// As a running bot changes its corpus: the records and state the last assembly gave (the same objects, not read
// back from disk), one held state throughout, the weights kept whatever the drift.
for (const corpus of ['corpus', 'eval/corpus-b']) {
  test(`GIVEN ${corpus} assembled with a held state WHEN articles are removed and added in turn with the weights kept THEN each timeline is a full assembly's with those weights`, async () => {
    const { articles } = await loadCorpus(corpus, { maxFileBytes: 10_000_000 });
    const all = articles.map(extractArticle);
    const held = new HeldAssembly();
    const first = assembleIncrementally(all, new AssemblyMemo(all), undefined, { held });
    const { weights } = first.state;
    let [current, state] = [all, first.state];
    const bySource = (a: ArticleTimeline, b: ArticleTimeline) => a.source.localeCompare(b.source);
    const steps = all.flatMap((_, at) => [['-', at] as const, ['+', at] as const]);
    // Then three out, two back in another order, and the rest back.
    steps.push(['-', 0], ['-', 2], ['-', 1], ['+', 2], ['+', 0], ['+', 1]);
    for (const [sign, at] of steps) {
      const article = all[at]!;
      const next = sign === '-' ? current.filter((record) => record.checksum !== article.checksum) : [...current, article].sort(bySource);
      const memo = new AssemblyMemo(next);
      const step = assembleIncrementally(next, memo, state, { removed: sign === '-' ? [article] : [], refitFraction: Infinity, held });
      assert.equal(step.refitted, false);
      assert.deepEqual(stored(step.events), stored(assembleWithWeights(stored(next), weights)), `${sign}${article.source}`);
      [current, state] = [memo.records(), step.state];
    }
  });
}

test('GIVEN a held state WHEN an article is read against a date of writing twice THEN it is read once, and again for another reference or file name', () => {
  const held = new HeldAssembly();
  const record = extractArticle(makeArticle('w.txt', 'MOSCOW, March 7. Police arrested Viktor Bout in Bangkok on Thursday.'));
  let reads = 0;
  const read = () => (reads++, []);
  held.reading(record, '2012-03-07', read);
  held.reading(record, '2012-03-07', read);
  assert.equal(reads, 1);
  held.reading(record, '2013-03-07', read);
  held.reading({ ...record, source: 'renamed.txt' }, '2012-03-07', read);
  assert.equal(reads, 3);
});

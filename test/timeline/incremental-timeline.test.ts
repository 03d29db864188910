// A corpus change assembles the timeline from the stored extractions and the date readings they keep: the result
// must be the timeline a full rebuild extracts, on both corpora, whichever article is removed and added back.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import { assembleTimeline } from '../../src/timeline/assemble.ts';
import type { ArticleTimeline } from '../../src/timeline/article-timeline.ts';
import { extractEvents } from '../../src/timeline/extract.ts';
import { extractArticle } from '../../src/timeline/read-article.ts';
import { buildTimeline, saveTimelineBuild } from '../../src/timeline/stage.ts';
import { makeArticle } from './make-article.ts';

const stored = (value: unknown) => JSON.parse(JSON.stringify(value));

for (const [name, dir] of [
  ['corpus/ (the Bout articles)', 'corpus'],
  ['eval/corpus-b (the fictional case)', 'eval/corpus-b'],
] as const) {
  test(`GIVEN ${name} WHEN each article is removed and then added back incrementally THEN every timeline equals a full rebuild's`, async () => {
    const { articles } = await loadCorpus(dir, { maxFileBytes: 10_000_000 });
    assert.ok(articles.length >= 5);
    // A full rebuild reads every article afresh: extractions without stored date readings, assembled from nothing.
    const fresh = new Map<string, ArticleTimeline>(articles.map((article) => [article.source, extractArticle(article)]));
    const fullRebuild = (kept: Article[]) => stored(assembleTimeline(kept.map((article) => fresh.get(article.source)!)));
    const index = mkdtempSync(join(tmpdir(), 'incremental-timeline-'));
    try {
      const first = await buildTimeline(articles);
      let held = (await saveTimelineBuild(index, first)).snapshot;
      const computedByFullBuild = first.computed;
      for (const article of articles) {
        const without = articles.filter((other) => other !== article);
        // The removal recalls what the last save left (`held`), the addition reads the database that save wrote
        // only the changed rows of: both must give what a full rebuild gives.
        const removed = await buildTimeline(without, index, { held });
        assert.deepEqual(removed.extracted, [], `removing ${article.source} reads no article`);
        assert.deepEqual(stored(removed.events), fullRebuild(without), `after removing ${article.source}`);
        assert.equal((await saveTimelineBuild(index, removed)).report.whole, false);
        const added = await buildTimeline(articles, index);
        // The stored extraction of the removed article is gone with it: adding it back reads it, and only it.
        assert.deepEqual(added.extracted, [article.source]);
        assert.deepEqual(stored(added.events), fullRebuild(articles), `after adding ${article.source} back`);
        assert.ok(
          added.computed <= computedByFullBuild,
          `adding ${article.source} computed ${added.computed} date readings; the full build ${computedByFullBuild}`,
        );
        held = (await saveTimelineBuild(index, added)).snapshot;
      }
    } finally {
      rmSync(index, { recursive: true, force: true });
    }
  });
}

test('GIVEN an undated article pinned by a dated report WHEN that report is replaced by one of another date THEN the stored readings give the new date, as a full rebuild does', async () => {
  const undated = makeArticle('c.txt', 'Police arrested Viktor Bout in Bangkok on Thursday. He will appear in court on Monday.');
  const in2008 = makeArticle('a.txt', 'Police arrested Viktor Bout in Bangkok on March 6, 2008.', '2008-03-07');
  const in2009 = makeArticle('b.txt', 'Police arrested Viktor Bout in Bangkok on May 7, 2009.', '2009-05-08');
  const index = mkdtempSync(join(tmpdir(), 'incremental-timeline-'));
  const arrest = (events: { date: string; sources: { source: string }[] }[]) =>
    events.filter((event) => event.sources.some((cited) => cited.source === 'c.txt')).map((event) => event.date);
  try {
    const before = await buildTimeline([in2008, undated]);
    assert.deepEqual(arrest(before.events), ['2008-03-06', '2008-03-10']);
    await saveTimelineBuild(index, before);
    const after = await buildTimeline([in2009, undated], index);
    assert.deepEqual(after.extracted, ['b.txt']);
    assert.deepEqual(arrest(after.events), ['2009-05-07', '2009-05-11']);
    assert.deepEqual(stored(after.events), stored(extractEvents([in2009, undated])));
  } finally {
    rmSync(index, { recursive: true, force: true });
  }
});

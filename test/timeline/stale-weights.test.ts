// Between refits a corpus change keeps word weights fitted on a slightly different corpus. How good the timeline
// stays with stale weights, far staler than the drift allowed (5%): with the weights fitted without one article
// of an evaluation corpus (a seventh or a fifth of its clauses), the timeline of the whole corpus must find every
// gold event a full rebuild finds, with every quote verbatim.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.ts';
import { assembleTimeline } from '../../src/timeline/assemble.ts';
import { AssemblyMemo } from '../../src/timeline/assembly-memo.ts';
import { assembleIncrementally, assembleWithWeights } from '../../src/timeline/assembly-state.ts';
import { extractArticle } from '../../src/timeline/read-article.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

interface Gold {
  id: string;
  date: string;
  sources: { source: string; quote: string }[];
}

for (const [gold, dir] of [
  ['eval/timeline/corpus-a.json', 'eval/corpus-a'],
  ['eval/timeline/corpus-b.json', 'eval/corpus-b'],
] as const) {
  test(`GIVEN ${dir} WHEN its timeline is assembled with the weights fitted without any one article THEN it finds the gold events a full rebuild finds, quotes verbatim`, async () => {
    const { articles } = await loadCorpus(dir, { maxFileBytes: 10_000_000 });
    const text = new Map(articles.map((article) => [article.source, article.text]));
    const events = (JSON.parse(readFileSync(gold, 'utf8')) as { events: Gold[] }).events;
    const cites = (event: TimelineEvent, item: Gold) =>
      item.sources.some((wanted) => {
        const at = text.get(wanted.source)!.indexOf(wanted.quote);
        return event.sources.some((cited) => cited.source === wanted.source && cited.start < at + wanted.quote.length && cited.end > at);
      });
    const found = (timeline: TimelineEvent[]) =>
      events.filter((item) => timeline.some((event) => event.date.startsWith(item.date) && cites(event, item))).map((item) => item.id);
    const records = articles.map(extractArticle);
    const full = found(assembleTimeline(records));
    assert.ok(full.length >= events.length * 0.9);
    for (const left of records) {
      const without = records.filter((record) => record !== left);
      const { weights } = assembleIncrementally(without, new AssemblyMemo(without)).state;
      const timeline = assembleWithWeights(records, weights);
      assert.deepEqual(found(timeline), full, `weights fitted without ${left.source}`);
      for (const cited of timeline.flatMap((event) => event.sources))
        assert.equal(text.get(cited.source)!.slice(cited.start, cited.end), cited.quote);
    }
  });
}

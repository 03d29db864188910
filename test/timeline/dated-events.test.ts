// The dated articles' events an index holds for year inference's match counts (`DatedEvents`, layered with the
// events added since by `LayeredEvents`) must hold what `OtherEvents` over the whole corpus holds, after any
// sequence of articles added and removed: the same years, the same events on every date and of every source.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { ArticleTimeline } from '../../src/timeline/article-timeline.ts';
import { DatedEvents, LayeredEvents } from '../../src/timeline/dated-events.ts';
import { extractArticle } from '../../src/timeline/read-article.ts';
import type { SentenceEvent } from '../../src/timeline/sentence-event.ts';
import { Similarity } from '../../src/timeline/similarity.ts';
import { OtherEvents, type YearContext } from '../../src/timeline/year.ts';

const ids = (events: readonly SentenceEvent[]) => events.map((event) => `${event.sources[0]!.source}#${event.id}`).sort();

function assertSame(held: YearContext, whole: OtherEvents, dates: string[], sources: string[], label: string): void {
  assert.deepEqual([...held.years].sort(), [...whole.years].sort(), `${label}: years`);
  for (const date of dates) assert.deepEqual(ids(held.fineOn(date)), ids(whole.fineOn(date)), `${label}: ${date}`);
  for (const source of sources) assert.deepEqual(ids(held.fineFrom(source)), ids(whole.fineFrom(source)), `${label}: ${source}`);
  assert.deepEqual([...held.looked].sort(), [...whole.looked].sort(), `${label}: dates looked up`);
}

test('GIVEN the events of corpus/ and eval/corpus-b held for year inference WHEN articles are removed and added back in turn, and events added on top THEN they are those of OtherEvents over the corpus', async () => {
  const all: ArticleTimeline[] = [];
  for (const dir of ['corpus', 'eval/corpus-b'])
    all.push(...(await loadCorpus(dir, { maxFileBytes: 10_000_000 })).articles.map(extractArticle));
  const dates = [...new Set(all.flatMap((record) => record.events.map((event) => event.date)))];
  const sources = all.map((record) => record.source);
  const frozen = new Similarity(all.flatMap((record) => record.events)).counts();
  const held = new DatedEvents();
  const corpora = all.flatMap((gone) => [all.filter((record) => record !== gone), all]);
  // Two articles out at once, one of them back, then all.
  corpora.push(all.slice(2), all.slice(1), all);
  for (const [at, corpus] of corpora.entries()) {
    const [base, top] = [corpus.slice(0, -1), corpus.at(-1)!];
    const layered = new LayeredEvents(held.sync(base.map((record) => record.events)), frozen, Similarity.fromCounts(frozen));
    const whole = new OtherEvents(
      base.flatMap((record) => record.events),
      frozen,
    );
    assertSame(layered, whole, dates, sources, `corpus ${at}`);
    // The last article's events added on top, as the yearless articles' are when they are dated in turn.
    layered.add(top.events);
    whole.add(top.events);
    assertSame(layered, whole, dates, sources, `corpus ${at}, with ${top.source} on top`);
  }
});

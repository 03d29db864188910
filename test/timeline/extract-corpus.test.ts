import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load.ts';
import { extractEvents } from '../../src/timeline/extract.ts';
import { selectEvents } from '../../src/timeline/query.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

// The five Viktor Bout articles shipped in corpus/: 000 dated 2023-04-09, 004 dated 2012-04-08, 001-003 undated.
const { articles } = await loadCorpus(fileURLToPath(new URL('../fixtures/corpus', import.meta.url)), { maxFileBytes: 2_000_000 });
const events = extractEvents(articles);
const files = (event: TimelineEvent) => [...new Set(event.sources.map((source) => source.source.slice(0, 3)))];
const find = (date: string, pattern: RegExp) => {
  const found = events.filter((event) => event.date === date && event.sources.some((source) => pattern.test(source.quote)));
  assert.equal(found.length, 1, `one event on ${date} matching ${pattern}, got ${JSON.stringify(found.map((event) => event.summary))}`);
  return found[0]!;
};

test('GIVEN the five articles WHEN the timeline is built THEN the 2008 arrest cites 000, 001, 002 and 003, and Kuznetsov’s 2008 release stays apart', () => {
  assert.deepEqual(files(find('2008', /arrest|detained/)), ['000', '001', '002', '003']);
  assert.deepEqual(files(find('2008', /Kuznetsov/)), ['004']);
});

test('GIVEN the five articles WHEN the timeline is built THEN it has the 2010 extradition and the November 2011 conviction', () => {
  assert.deepEqual(files(find('2010', /extradited/)), ['003', '004']);
  assert.deepEqual(files(find('2011-11', /convicted/)), ['002']);
});

test("GIVEN the article of 2012-04-08 WHEN it says 'sentencing Thursday' THEN the sentencing is dated 2012-04-05 and merged with 002 and 003", () => {
  const sentencing = find('2012-04-05', /sentenc/);
  assert.equal(sentencing.precision, 'day');
  assert.deepEqual(files(sentencing), ['002', '003', '004']);
  assert.match(sentencing.resolution!, /“Thursday”: the Thursday before 2012-04-08/);
});

test('GIVEN the five articles WHEN the timeline is built THEN it has the September 2019 swap offer and the December 2022 Griner swap, noting the spellings', () => {
  assert.deepEqual(files(find('2019-09', /In September 2019/)), ['002']);
  const swap = find('2022-12', /Griner/);
  assert.deepEqual(files(swap), ['000', '001']);
  assert.match(swap.conflict!, /Britney \(000_538beb675e1a6ae0\.txt\) vs Brittney \(001_8cf058473a78eb62\.txt\)/);
});

test("GIVEN 000 dated 2023-04-09 and undated 001 WHEN both report the Friday message to Trump THEN it is dated 2023-04-07 with both sources", () => {
  const message = find('2023-04-07', /Trump/);
  assert.deepEqual(files(message), ['000', '001']);
  assert.match(message.resolution!, /dated by 000_538beb675e1a6ae0\.txt \(published 2023-04-09\), which reports the same event on Friday/);
});

test('GIVEN undated 003 WHEN it says "On Monday" and "A year and a half ago" THEN no event is dated from them', () => {
  const from003 = events.flatMap((event) => event.sources.filter((source) => source.source.startsWith('003')).map((source) => source.quote));
  assert.ok(!from003.some((quote) => /On Monday|A year and a half ago|November 22/.test(quote)), JSON.stringify(from003));
});

test('GIVEN every event WHEN checked against the files THEN quotes are verbatim and each date is stated or explained', () => {
  const texts = new Map(articles.map((article) => [article.source, article.text]));
  for (const event of events) {
    for (const source of event.sources) assert.equal(texts.get(source.source)!.slice(source.start, source.end), source.quote);
    const stated = event.sources.some((source) => source.quote.includes(event.date.slice(0, 4)));
    assert.ok(stated || event.resolution, `${event.date} ${event.summary} has neither its year in a quote nor a resolution`);
  }
});

test('GIVEN no options WHEN the timeline is looked up THEN the main events are the case’s seven milestones', () => {
  assert.deepEqual(
    selectEvents(events).map((event) => event.date),
    ['2008', '2010', '2011-11', '2012-04-05', '2019-09', '2022-12', '2023-04-07'],
  );
});

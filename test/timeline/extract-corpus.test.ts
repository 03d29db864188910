import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load.ts';
import { evaluateTimeline } from '../../src/eval/timeline-eval.ts';
import { extractEvents } from '../../src/timeline/extract.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

// The two corpora as copied into eval/ (the Bout articles and the fictional Varelidis case), with their gold lists.
const path = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
const load = async (dir: string) => extractEvents((await loadCorpus(path(dir), { maxFileBytes: 2_000_000 })).articles);
const [bout, varelidis] = await Promise.all([load('eval/corpus-a'), load('eval/corpus-b')]);
const from = (events: TimelineEvent[], prefix: string) =>
  events.filter((event) => event.sources.some((source) => source.source.startsWith(prefix)));

for (const [name, gold, dir] of [
  ['Bout', 'eval/timeline/corpus-a.json', 'eval/corpus-a'],
  ['Varelidis', 'eval/timeline/corpus-b.json', 'eval/corpus-b'],
] as const) {
  test(`GIVEN the ${name} corpus and its gold list WHEN the timeline is built THEN at least 85% of dated events are found, none is undated by its quote, every quote is verbatim`, async () => {
    const figures = await evaluateTimeline(path(gold), path(dir));
    assert.ok(figures.recallAll >= 0.85, `recall ${figures.recallAll}; missed ${figures.misses.map((miss) => miss.id).join(', ')}`);
    assert.equal(figures.recallDefault, figures.recallAll);
    assert.deepEqual(
      figures.invented.map((event) => event.summary),
      [],
    );
    assert.equal(figures.quoteValidity, 1);
  });
}

test('GIVEN the TASS article whose dateline "November 22" has no year and no other article dates its events WHEN built THEN its events are kept, marked approximate, and say why', () => {
  const tass = from(bout, '003').filter((event) => event.approximate);
  assert.deepEqual(
    tass.map((event) => event.date),
    ['2011', '2012-11-19', '2012-11-22'],
  );
  assert.match(tass[1]!.resolution!, /the dateline “MOSCOW, November 22” gives no year and no other article dates the same events/);
});

test('GIVEN the wire story dated "Nov. 9" without a year WHEN another article dates the same arrest November 8, 2013 THEN its Friday is 2013-11-08 and its Saturday 2013-11-09', () => {
  const wire = from(varelidis, '001');
  const arrest = wire.find((event) => event.date === '2013-11-08')!;
  assert.deepEqual(
    arrest.sources.map((source) => source.source.slice(0, 3)),
    ['000', '001', '002', '003', '004', '006'],
  );
  assert.match(
    wire.find((event) => event.date === '2013-11-09')!.resolution!,
    /2013 is the only year that puts its events on the dates other articles give them/,
  );
});

test('GIVEN two reports of the 2022 exchange spelling Griner differently WHEN built THEN they are one event that names both spellings', () => {
  const swap = bout.filter((event) => event.date === '2022-12');
  assert.equal(swap.length, 1);
  assert.deepEqual(
    swap[0]!.sources.map((source) => source.source.slice(0, 3)),
    ['000', '001'],
  );
  assert.match(swap[0]!.conflict!, /Britney \(000_538beb675e1a6ae0\.txt\) vs Brittney \(001_8cf058473a78eb62\.txt\)/);
});

test('GIVEN the Bout corpus WHEN built THEN history before the 2008 arrest is background and statements are said', () => {
  assert.deepEqual(
    bout.filter((event) => event.kind === 'background').map((event) => event.date),
    ['1905', '1983', '2000-04', '2000-12'],
  );
  const lavrov = bout.find((event) => event.date === '2012-04-06' && event.people.includes('Sergei Lavrov'))!;
  assert.equal(lavrov.kind, 'said');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeEvents, mergeWithMemo } from '../../src/timeline/merge.ts';
import { Similarity, type Comparable } from '../../src/timeline/similarity.ts';
import { mergeReport as report } from './merge-report.ts';

const OTHERS = [
  report('x.txt', '1905', 'The Varyag, a cruiser destroyed by the Japanese navy'),
  report('x.txt', '1983', 'The convention was signed by both countries'),
  report('y.txt', '2019-09', 'Russian embassy officials asked the U.S. to send Bout back to Moscow'),
];

test('GIVEN articles reporting the 2008 arrest WHEN merged THEN reports sharing its words merge, and one in other words (“detained”) stays apart', () => {
  const events = mergeEvents([
    report('000.txt', '2008', 'The Russian arms dealer was arrested in Thailand in a US sting operation'),
    report('001.txt', '2008', 'Viktor Bout was arrested in Thailand'),
    report('003.txt', '2008', 'Bout was held by police at the request of the US'),
  ]);
  assert.deepEqual(
    events.map((event) => event.sources.map((source) => source.source)),
    [['000.txt', '001.txt'], ['003.txt']],
  );
  assert.equal(events[0]!.conflict, undefined);
});

test('GIVEN a year, a month and a day report of one sentencing WHEN merged THEN the event takes the most precise date and its resolution', () => {
  const events = mergeEvents([
    report('002.txt', '2012', 'Bout was sentenced to 25 years'),
    report('003.txt', '2012-04', 'Bout was sentenced to 25 years in prison', { people: ['Viktor Bout'] }),
    report('004.txt', '2012-04-05', 'Bout was sentenced in New York', {
      resolution: '004.txt: “Thursday”: the Thursday before 2012-04-08',
      people: ['Viktor Bout'],
    }),
  ]);
  assert.equal(events.length, 1);
  assert.deepEqual([events[0]!.date, events[0]!.precision], ['2012-04-05', 'day']);
  assert.equal(events[0]!.resolution, '004.txt: “Thursday”: the Thursday before 2012-04-08');
});

test('GIVEN the same year but different kinds of event about different people WHEN merged THEN they stay apart', () => {
  const events = mergeEvents([
    report('001.txt', '2008', 'Viktor Bout was arrested in Thailand'),
    report('004.txt', '2008', 'U.S. authorities released a former UN official, Vladimir Kuznetsov'),
  ]);
  assert.equal(events.length, 2);
});

test('GIVEN one kind of event about different people in one year WHEN merged THEN they stay apart', () => {
  const events = mergeEvents([
    report('a.txt', '2023', 'Evan Gershkovich was arrested in Yekaterinburg by the FSB'),
    report('b.txt', '2023', 'Paul Whelan was arrested in Moscow by the FSB'),
  ]);
  assert.equal(events.length, 2);
});

test('GIVEN two reports of one arrest in different months WHEN merged THEN both versions are kept and the conflict names the dates', () => {
  const events = mergeEvents([
    report('a.txt', '2008-03', 'Viktor Bout was arrested in Bangkok in a US sting operation'),
    report('b.txt', '2008-05', 'Viktor Bout was arrested in Bangkok in a US sting operation'),
  ]);
  assert.equal(events.length, 1);
  assert.deepEqual(
    events[0]!.sources.map((source) => source.source),
    ['a.txt', 'b.txt'],
  );
  assert.equal(events[0]!.conflict, 'the date differs: 2008-03 (a.txt) vs 2008-05 (b.txt)');
});

test('GIVEN two reports of one swap in one month, in other words but involving the same two people, WHEN merged THEN they merge and the conflict names both spellings', () => {
  // Other events of the corpus, so that words shared by the two reports weigh as rare words do.
  const events = mergeEvents([
    ...OTHERS,
    report(
      '000.txt',
      '2022-12',
      'Bout was released in a swap for US basketball star Britney Griner in a high-profile prisoner exchange between Moscow and Washington',
      { people: ['Viktor Bout', 'Britney Griner'] },
    ),
    report('001.txt', '2022-12', 'Viktor Bout was handed over to Russia in exchange for basketball player Brittney Griner', {
      people: ['Viktor Bout', 'Britney Griner'],
    }),
  ]);
  const swap = events.filter((event) => event.date === '2022-12');
  assert.equal(swap.length, 1);
  assert.equal(swap[0]!.conflict, 'the spelling differs: Britney (000.txt) vs Brittney (001.txt)');
});

test('GIVEN two reports of one sentence with different terms WHEN merged THEN the conflict names both figures', () => {
  const events = mergeEvents([
    report('a.txt', '2012-04', 'Bout was sentenced to 25 years in prison in New York'),
    report('b.txt', '2012-04', 'Bout was sentenced to 20 years in prison in New York'),
  ]);
  assert.equal(events.length, 1);
  assert.equal(events[0]!.conflict, 'the figures differ: 25 years (a.txt) vs 20 years (b.txt)');
});

test('GIVEN reports of one event with scheduled and occurred kinds WHEN merged THEN the event occurred', () => {
  const events = mergeEvents([
    report('a.txt', '2012-04-11', 'Lavrov’s visit to Washington starts', { kind: 'scheduled' }),
    report('b.txt', '2012-04-11', 'Lavrov’s visit to Washington started'),
  ]);
  assert.deepEqual(
    events.map((event) => event.kind),
    ['occurred'],
  );
});

test('GIVEN merged events WHEN listed THEN they are chronological with stable ids', () => {
  const input = [report('a.txt', '2010', 'Bout was extradited to the US'), report('a.txt', '2008', 'Bout was arrested in Thailand')];
  const first = mergeEvents(input);
  assert.deepEqual(
    first.map((event) => event.date),
    ['2008', '2010'],
  );
  assert.deepEqual(
    mergeEvents(input).map((event) => event.id),
    first.map((event) => event.id),
  );
  assert.match(first[0]!.id, /^ev-[0-9a-f]{12}$/);
});

test('GIVEN the memo of a merge WHEN a report is added to one month of a year with reports of other months and of the year alone THEN only that month is clustered again and the events are those of a merge from nothing', () => {
  const before = [
    report('a.txt', '2012-04-05', 'Viktor Bout was sentenced to 25 years in prison in New York'),
    report('b.txt', '2012-04', 'Viktor Bout was sentenced to 25 years in prison by a New York court'),
    report('c.txt', '2012-06-11', 'The defence lawyers filed an appeal against the conviction'),
    report('d.txt', '2012', 'Bout was sentenced to 25 years in prison in New York'),
    ...OTHERS,
  ];
  const added = report('e.txt', '2012-06-12', 'The defence lawyers filed an appeal against the conviction in Manhattan');
  const similarity = new Similarity([...before, added] as Comparable[]);
  const first = mergeWithMemo(before, { similarity });
  // Copies: what is recalled is found by the reports' content, not by the objects.
  const after = [...structuredClone(before), added];
  const previous = structuredClone(first.memo);
  const second = mergeWithMemo(after, { similarity, previous });
  const months = (memo: typeof first.memo) => memo.years['2012']!.months!;
  assert.deepEqual(Object.keys(months(second.memo)), ['2012-04', '2012-06']);
  // April is recalled (the very entry of the memo given), June clustered again.
  assert.equal(months(second.memo)['2012-04'], months(previous)['2012-04']);
  assert.notDeepEqual(months(second.memo)['2012-06'], months(previous)['2012-06']);
  assert.deepEqual(second.events, mergeWithMemo(structuredClone(after), { similarity }).events);
  // The year-precise report joined April's sentencing; the appeals of June merged.
  assert.deepEqual(
    second.events.filter((event) => event.date.startsWith('2012')).map((event) => event.sources.map((source) => source.source)),
    [
      ['a.txt', 'b.txt', 'd.txt'],
      ['c.txt', 'e.txt'],
    ],
  );
  // A year whose reports are all as they were is recalled whole.
  assert.equal(second.memo.years['1983'], previous.years['1983']);
});

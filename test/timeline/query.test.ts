import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../src/errors.ts';
import { aroundWindow, describeSelection, peopleOf, selectEvents } from '../../src/timeline/query.ts';
import { isoDay } from '../../src/timeline/calendar.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

const event = (
  date: string,
  summary: string,
  sources: [string, number][],
  people: string[] = [],
  places: string[] = [],
): TimelineEvent => ({
  id: `${date}-${summary}`,
  date,
  precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day',
  approximate: false,
  summary,
  kind: 'occurred',
  people,
  places,
  sources: sources.map(([source, start]) => ({ source, quote: `${summary}.`, start, end: start + 50 })),
});

const events = [
  event(
    '2012-04-05',
    'Bout sentenced to 25 years in prison',
    [
      ['003.txt', 300],
      ['004.txt', 800],
    ],
    ['Viktor Bout'],
  ),
  event(
    '2008',
    'Viktor Bout arrested in Thailand',
    [
      ['000.txt', 100],
      ['001.txt', 100],
      ['002.txt', 900],
      ['003.txt', 100],
    ],
    ['Viktor Bout'],
    ['Thailand', 'Bangkok'],
  ),
  event('2010', 'Bout extradited to the US', [
    ['003.txt', 200],
    ['004.txt', 600],
  ]),
  event('2012-04-11', 'Lavrov’s visit to Washington starts', [['004.txt', 200]], ['Sergei Lavrov'], ['Washington']),
  event('2011-11', 'Bout convicted on four conspiracy counts', [['002.txt', 600]]),
  event('2019-09', 'Russian officials asked the U.S. to swap Bout for Americans', [['002.txt', 1700]]),
  event('2022-12', 'Viktor Bout handed over to Russia in exchange for Brittney Griner', [
    ['000.txt', 400],
    ['001.txt', 1500],
  ]),
  event('1905', 'The Varyag, a cruiser destroyed by the Japanese navy', [['004.txt', 3300]]),
  event('2023', 'Evan Gershkovich arrested for espionage', [
    ['000.txt', 1900],
    ['001.txt', 1900],
  ]),
];
const dates = (selected: TimelineEvent[]) => selected.map((item) => item.date);

test('GIVEN from 2010 and to 2012 WHEN selecting THEN events of those years are returned in chronological order', () => {
  assert.deepEqual(dates(selectEvents(events, { from: '2010', to: '2012' })), ['2010', '2011-11', '2012-04-05', '2012-04-11']);
});

test('GIVEN from 2012-04-06 WHEN an event is only dated to the year 2012 THEN it is kept, compared at its own precision', () => {
  const withYear = [...events, event('2012', 'Bout transferred to prison after being sentenced', [['002.txt', 900]])];
  assert.deepEqual(dates(selectEvents(withYear, { from: '2012-04-06', to: '2012-04' })), ['2012', '2012-04-11']);
});

test('GIVEN to 2012-04-05 WHEN selecting THEN the bound is inclusive', () => {
  assert.deepEqual(dates(selectEvents(events, { from: '2012-04-05', to: '2012-04-05' })), ['2012-04-05']);
});

test('GIVEN a from that is neither a year nor a date WHEN selecting THEN a UserError says what is expected', () => {
  assert.throws(
    () => selectEvents(events, { from: 'last spring' }),
    (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, /^from must be a year like 2010 or a date like 2012-04-05/);
      return true;
    },
  );
  assert.throws(() => selectEvents(events, { to: '2012-02-30' }), /^UserError: to must be a year like 2010/);
});

test('GIVEN from after to WHEN selecting THEN a UserError asks to swap them', () => {
  assert.throws(
    () => selectEvents(events, { from: '2012', to: '2010' }),
    (error: unknown) => error instanceof UserError && /swap them/.test(error.message),
  );
});

test('GIVEN a source file name WHEN selecting THEN only events that file reports are returned', () => {
  assert.deepEqual(dates(selectEvents(events, { source: '002.txt' })), ['2008', '2011-11', '2019-09']);
});

test('GIVEN a topic WHEN a retrieved passage holds an event quote THEN that event is returned, plus lexical matches', () => {
  const hits = [{ source: '004.txt', start: 150, end: 400, score: 0.8 }];
  assert.deepEqual(dates(selectEvents(events, { topic: 'Lavrov trip' }, hits)), ['2012-04-11']);
  assert.deepEqual(dates(selectEvents(events, { topic: 'exchange' })), ['2022-12']);
  assert.deepEqual(dates(selectEvents(events, { topic: 'extradition' })), ['2010']);
  assert.deepEqual(dates(selectEvents(events, { topic: 'Griner' })), ['2022-12']);
});

test('GIVEN no options WHEN selecting THEN the whole timeline is returned, chronologically', () => {
  assert.deepEqual(dates(selectEvents(events, {})), [
    '1905',
    '2008',
    '2010',
    '2011-11',
    '2012-04-05',
    '2012-04-11',
    '2019-09',
    '2022-12',
    '2023',
  ]);
});

test('GIVEN a person WHEN selecting THEN events involving them are returned, by any part of the name or by a quote naming them', () => {
  assert.deepEqual(dates(selectEvents(events, { person: 'Lavrov' })), ['2012-04-11']);
  assert.deepEqual(dates(selectEvents(events, { person: 'viktor bout' })), ['2008', '2012-04-05', '2022-12']);
  assert.deepEqual(dates(selectEvents(events, { person: 'Gershkovich' })), ['2023']);
});

test('GIVEN a place WHEN selecting THEN events involving it are returned', () => {
  assert.deepEqual(dates(selectEvents(events, { place: 'Bangkok' })), ['2008']);
});

test('GIVEN around a day, a month or a year WHEN selecting THEN the week, the month either side or the year either side is searched', () => {
  assert.deepEqual(dates(selectEvents(events, { around: '2012-04-05' })), ['2012-04-05', '2012-04-11']);
  assert.deepEqual(dates(selectEvents(events, { around: 'December 2011' })), ['2011-11']);
  assert.deepEqual(dates(selectEvents(events, { around: '2011' })), ['2010', '2011-11', '2012-04-05', '2012-04-11']);
  const window = aroundWindow('5 April 2012');
  assert.deepEqual([isoDay(window.first), isoDay(window.last)], ['2012-03-29', '2012-04-12']);
  assert.throws(() => selectEvents(events, { around: 'soon' }), /^UserError: around must be a date like 2012-04-05/);
});

test('GIVEN a lookup WHEN described THEN it says how many events the filters left out, or that it is the whole timeline', () => {
  assert.equal(
    describeSelection(2, 9, { person: 'Lavrov', from: '2010' }),
    '2 of 9 events (7 left out by the filters: from 2010, person “Lavrov”)',
  );
  assert.equal(describeSelection(9, 9, {}), '9 events (the whole timeline)');
});

test('GIVEN events naming people WHEN listing them for autocomplete THEN the most often named come first', () => {
  assert.deepEqual(peopleOf(events), ['Viktor Bout', 'Sergei Lavrov']);
});

test('GIVEN several filters WHEN selecting THEN every one applies', () => {
  assert.deepEqual(dates(selectEvents(events, { from: '2009', source: '004.txt', topic: 'Bout' })), ['2010', '2012-04-05']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareEvents, comparePlaces, placeOf } from '../../src/timeline/event-order.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

function event(date: string, ...sources: [string, number][]): TimelineEvent {
  return {
    id: `ev-${date}`,
    date,
    precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day',
    approximate: false,
    summary: 'Something happened',
    kind: 'occurred',
    people: [],
    places: [],
    sources: sources.map(([source, start]) => ({ source, quote: 'q', start, end: start + 1 })),
  };
}

test('GIVEN events of several dates and sources WHEN sorted THEN they run by date, then by their first source and where in it', () => {
  const events = [
    event('2010-05-01', ['b.txt', 5]),
    event('2010', ['a.txt', 3]),
    event('2010-05-01', ['a.txt', 90], ['b.txt', 1]),
    event('2009-12', ['c.txt', 0]),
    event('2010-05-01', ['a.txt', 12]),
  ];
  const sorted = [...events].sort(compareEvents).map((one) => `${one.date} ${placeOf(one).source}:${placeOf(one).start}`);
  assert.deepEqual(sorted, ['2009-12 c.txt:0', '2010 a.txt:3', '2010-05-01 a.txt:12', '2010-05-01 a.txt:90', '2010-05-01 b.txt:5']);
});

test('GIVEN two events of one date whose first source is the same clause WHEN compared THEN neither comes first', () => {
  const a = event('2010-05-01', ['a.txt', 12]);
  const b = event('2010-05-01', ['a.txt', 12], ['b.txt', 4]);
  assert.equal(compareEvents(a, b), 0);
  assert.equal(comparePlaces(placeOf(b), { date: '2010-05-01', source: 'a.txt', start: 12 }), 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markBackground, toEvent, type Report } from '../../src/timeline/merged-event.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

const report = (source: string, date: string, summary: string): Report => ({
  date,
  precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
  approximate: false,
  summary,
  kind: 'occurred',
  people: ['Viktor Bout'],
  places: [],
  sources: [{ source, quote: summary, start: 0, end: summary.length }],
  clause: summary,
});

test('GIVEN two reports dated November 2010 and one dated 16 November 2010 WHEN merged into one event THEN it is dated 2010-11-16, cites all three in file order and opens with the person', () => {
  const event = toEvent([
    report('c.txt', '2010-11', 'He was extradited in November 2010.'),
    report('a.txt', '2010-11-16', 'Viktor Bout was extradited to the United States on 16 November 2010.'),
    report('b.txt', '2010-11', 'The extradition took place in November 2010.'),
  ]);
  assert.equal(event.date, '2010-11-16');
  assert.equal(event.precision, 'day');
  assert.deepEqual(
    event.sources.map((cited) => cited.source),
    ['a.txt', 'b.txt', 'c.txt'],
  );
  assert.equal(event.summary, 'Viktor Bout was extradited to the United States on 16 November 2010.');
  assert.equal(event.conflict, undefined);
});

test('GIVEN reports of one happening dated 2016 and 2015 WHEN merged THEN the conflict names both dates', () => {
  const event = toEvent([
    report('a.txt', '2016', 'Bout was convicted in 2016.'),
    report('b.txt', '2015-11', 'Bout was convicted in November 2015.'),
  ]);
  assert.match(event.conflict ?? '', /the date differs: 2015-11 \(b\.txt\) vs 2016 \(a\.txt\)/);
});

test('GIVEN an event several articles report in 2008 WHEN background is marked THEN what occurred in earlier years is background and the rest keeps its kind', () => {
  const event = (date: string, sources: string[]): TimelineEvent => ({
    ...toEvent(sources.map((source) => report(source, date, `Something happened in ${date}.`))),
  });
  const marked = markBackground([event('1995', ['a.txt']), event('2008-03-06', ['a.txt', 'b.txt']), event('2008-01', ['c.txt'])]);
  assert.deepEqual(
    marked.map((item) => item.kind),
    ['background', 'occurred', 'occurred'],
  );
});

test('GIVEN background marked with a kept map WHEN the same events are marked again THEN each background event is the copy made the first time, and the marks are those made without the map', () => {
  const event = (date: string, sources: string[]): TimelineEvent => ({
    ...toEvent(sources.map((source) => report(source, date, `Something happened in ${date}.`))),
  });
  const events = [event('1995', ['a.txt']), event('2008-03-06', ['a.txt', 'b.txt']), event('2008-01', ['c.txt'])];
  const kept = new WeakMap<TimelineEvent, TimelineEvent>();
  const [first, again] = [markBackground(events, kept), markBackground(events, kept)];
  assert.equal(again[0], first[0]);
  assert.notEqual(first[0], events[0]);
  assert.equal(again[1], events[1]);
  assert.deepEqual(again, markBackground(events));
});

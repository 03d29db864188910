import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAxis, splitRuns } from '../../src/timeline-image/axis.ts';
import { periodOf, utc } from '../../src/timeline-image/calendar.ts';

const GEOMETRY = { x0: 0, x1: 600, breakWidth: 10, minSegment: 32, minMonth: 24 };
const periods = (...dates: string[]) =>
  dates.map((date) => periodOf({ date, precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day' }));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

test('GIVEN an event in 1905 and a cluster in 2008–2012 WHEN the axis is built THEN the empty century is left out between two segments', () => {
  const axis = buildAxis(periods('1905', '2008', '2010', '2011-11', '2012-04-05'), GEOMETRY);
  assert.deepEqual(
    axis.segments.map((s) => [iso(s.start), iso(s.end), s.unit]),
    [
      ['1905-01-01', '1906-01-01', 'year'],
      ['2008-01-01', '2013-01-01', 'year'],
    ],
  );
  assert.equal(axis.segments[1]!.x0 - axis.segments[0]!.x1, 10, 'a break between them');
  assert.equal(axis.segments.at(-1)!.x1, 600);
});

test('GIVEN dates within one season WHEN the axis is built THEN it is one segment drawn in months', () => {
  const axis = buildAxis(periods('2020-03-02', '2020-03-20', '2020-05-11'), GEOMETRY);
  assert.deepEqual(
    axis.segments.map((s) => [iso(s.start), iso(s.end), s.unit]),
    [['2020-03-01', '2020-06-01', 'month']],
  );
});

test('GIVEN any two instants WHEN placed on the axis THEN the later one is never to the left', () => {
  const axis = buildAxis(periods('1905', '1983', '2000-04', '2008', '2012-04-05', '2019-09', '2024'), GEOMETRY);
  let previous = -Infinity;
  for (let year = 1900; year <= 2026; year += 0.25) {
    const x = axis.x(utc(Math.floor(year), Math.round((year % 1) * 12)));
    assert.ok(x >= previous, `${year}: ${x} < ${previous}`);
    previous = x;
  }
});

test('GIVEN a gap under a year WHEN runs are split THEN it is not cut (both sides would show the same year)', () => {
  assert.equal(splitRuns(periods('2001-01', '2001-11')).length, 1);
  assert.equal(splitRuns(periods('1990', '2001-11')).length, 2);
});

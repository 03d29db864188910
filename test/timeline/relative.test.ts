import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayNumber, isoDay } from '../../src/timeline/calendar.ts';
import { findRelative, type Reference } from '../../src/timeline/relative.ts';

const APRIL_8_2012: Reference = { year: 2012, month: 4, day: dayNumber(2012, 4, 8), label: '2012-04-08' };
const resolved = (sentence: string, reference = APRIL_8_2012) =>
  findRelative(sentence).map((m) => {
    const span = m.resolve?.(reference);
    return [m.text, span ? `${isoDay(span.first)}..${isoDay(span.last)}` : undefined];
  });

test('GIVEN an article of Sunday 2012-04-08 THEN "two years ago", "last month" and "yesterday" resolve to 2010, March 2012 and April 7', () => {
  assert.deepEqual(resolved('Two years ago he was arrested, last month he spoke and yesterday he left.'), [
    ['Two years ago', '2010-01-01..2010-12-31'],
    ['last month', '2012-03-01..2012-03-31'],
    ['yesterday', '2012-04-07..2012-04-07'],
  ]);
});

test('GIVEN "next week" in an article of Sunday 2012-04-08 THEN it is Monday April 9 to Sunday April 15', () => {
  assert.deepEqual(resolved('The talks resume next week.'), [['next week', '2012-04-09..2012-04-15']]);
});

test('GIVEN a bounded count ("over a decade ago") THEN it is found but dates nothing', () => {
  assert.deepEqual(resolved('Over a decade ago he flew there.'), [['Over a decade ago', undefined]]);
});

test('GIVEN a reference of only a year THEN "yesterday" cannot be resolved', () => {
  assert.deepEqual(resolved('He left yesterday.', { year: 2012, label: '2012' }), [['yesterday', undefined]]);
});

test('GIVEN "that year" or "the following month" THEN they point back to a date of the article, with the shift', () => {
  assert.deepEqual(
    findRelative('That year he moved; the following month he spoke.').map((m) => [m.text, m.anaphora]),
    [
      ['That year', { unit: 'year', shift: 0 }],
      ['the following month', { unit: 'month', shift: 1 }],
    ],
  );
});

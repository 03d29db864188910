import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/terms.ts';
import { passageDates } from '../../src/timeline/date-lookup.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

const event = (date: string, approximate: boolean): TimelineEvent => ({
  id: date,
  date,
  precision: 'day',
  approximate,
  summary: 'The court denied a retrial',
  kind: 'occurred',
  people: [],
  places: [],
  sources: [{ source: 'a.txt', quote: 'On Monday, the court denied a retrial.', start: 0, end: 38 }],
});

test('GIVEN a passage whose only dated event has a guessed year WHEN an answer asks for its date THEN none is offered', () => {
  assert.equal(passageDates([event('2012-11-19', true)])('a.txt', 0, 38, ['retrial']), undefined);
  assert.deepEqual(passageDates([event('2016-11-21', false)])('a.txt', 0, 38, ['retrial']), { date: '2016-11-21', precision: 'day' });
});

test('GIVEN a passage holding two dated events WHEN the question shares words with one THEN that one gives the date', () => {
  const other: TimelineEvent = { ...event('2016-11-22', false), id: 'other', summary: 'Bout told the agency he expects help' };
  const lookup = passageDates([event('2016-11-21', false), other]);
  assert.deepEqual(lookup('a.txt', 0, 38, tokenize('agency help')), { date: '2016-11-22', precision: 'day' });
  assert.deepEqual(lookup('a.txt', 0, 38, tokenize('court retrial')), { date: '2016-11-21', precision: 'day' });
});

test('GIVEN a passage of two happenings WHEN the question is about the one dated by its year only THEN no other date is offered', () => {
  // "After being sentenced in 2012 … his 2008 arrest": the sentencing resolved to April 2012, the arrest to 2008.
  const sentencing: TimelineEvent = { ...event('2012-04', false), id: 'sentencing', precision: 'month', summary: 'He was sentenced' };
  const arrest: TimelineEvent = { ...event('2008', false), id: 'arrest', precision: 'year', summary: 'His arrest in Bangkok' };
  const lookup = passageDates([sentencing, arrest]);
  assert.equal(lookup('a.txt', 0, 38, tokenize('when was he arrested')), undefined);
  assert.deepEqual(lookup('a.txt', 0, 38, tokenize('when was he sentenced')), { date: '2012-04', precision: 'month' });
  assert.equal(lookup('a.txt', 0, 38, tokenize('what happened')), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passageDates } from '../../src/timeline/date-lookup.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

// Any tokenizer the caller uses for the question; the lookup only compares its terms.
const words = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);
const event = (date: string, approximate: boolean, summary = 'The court denied a retrial'): TimelineEvent => ({
  id: date,
  date,
  precision: 'day',
  approximate,
  summary,
  kind: 'occurred',
  people: [],
  places: [],
  sources: [{ source: 'a.txt', quote: 'On Monday, the court denied a retrial.', start: 0, end: 38 }],
});

test('GIVEN a passage whose only dated event has a guessed year WHEN an answer asks for its date THEN none is offered', () => {
  assert.equal(passageDates([event('2012-11-19', true)], words)('a.txt', 0, 38, ['retrial']), undefined);
  assert.deepEqual(passageDates([event('2016-11-21', false)], words)('a.txt', 0, 38, ['retrial']), { date: '2016-11-21', precision: 'day' });
});

test('GIVEN a passage holding two dated events WHEN the question shares words with one THEN that one gives the date', () => {
  const lookup = passageDates([event('2016-11-21', false), event('2016-11-22', false, 'Bout told the agency he expects help')], words);
  assert.deepEqual(lookup('a.txt', 0, 38, ['bout', 'agency']), { date: '2016-11-22', precision: 'day' });
  assert.deepEqual(lookup('a.txt', 0, 38, ['court', 'retrial']), { date: '2016-11-21', precision: 'day' });
});

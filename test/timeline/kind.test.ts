import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectTense, isReporting } from '../../src/timeline/kind.ts';

const tenseAt = (sentence: string, date: string) => detectTense(sentence, sentence.indexOf(date));

test('GIVEN a date governed by a plan ("which starts", "scheduled for", "could open in") THEN it is scheduled', () => {
  assert.equal(tenseAt('The trial, which starts Wednesday, is the first.', 'Wednesday'), 'scheduled');
  assert.equal(tenseAt('The hearing is scheduled for May 3.', 'May 3'), 'scheduled');
  assert.equal(tenseAt('The bridge could open in 2024.', '2024'), 'scheduled');
});

test('GIVEN a past fact, a hedged past or the month May THEN it occurred', () => {
  assert.equal(tenseAt('He was arrested on Friday.', 'Friday'), 'occurred');
  assert.equal(tenseAt('He may have been arrested in December.', 'December'), 'occurred');
  assert.equal(tenseAt('The trial, which starts Wednesday, follows his arrest on Friday.', 'Friday'), 'occurred');
  assert.equal(tenseAt('The law passed in May 2019.', '2019'), 'occurred');
});

test('GIVEN verb lemmas THEN only verbs of saying are reporting verbs', () => {
  assert.deepEqual(['say', 'testify', 'arrest', undefined].map(isReporting), [true, true, false, false]);
});

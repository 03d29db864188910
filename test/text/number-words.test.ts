import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NUMBER_WORDS, numberWordValue } from '../../src/text/number-words.ts';

test('GIVEN number words in any case WHEN valued THEN they give their number, and other words undefined', () => {
  assert.deepEqual(['zero', 'Twelve', 'fifteen', 'NINETEEN', 'forty', 'ninety'].map(numberWordValue), [0, 12, 15, 19, 40, 90]);
  assert.deepEqual(['dozen', 'hundred', 'once', 'twenty-one'].map(numberWordValue), [undefined, undefined, undefined, undefined]);
});

test('GIVEN the table WHEN counted THEN it holds the 28 one-word numbers from zero to ninety', () => {
  assert.equal(NUMBER_WORDS.size, 28);
});

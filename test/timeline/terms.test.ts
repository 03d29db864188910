import { test } from 'node:test';
import assert from 'node:assert/strict';
import { names } from '../../src/timeline/terms.ts';

test('GIVEN a sentence WHEN names are read THEN leading function words, months and weekdays are not names', () => {
  assert.deepEqual(names('In April 2012, Viktor Bout met Hillary Clinton on Friday in New York.'), [
    'Viktor Bout',
    'Hillary Clinton',
    'New York',
  ]);
});

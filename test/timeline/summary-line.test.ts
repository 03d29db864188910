import assert from 'node:assert/strict';
import { test } from 'node:test';
import { finish } from '../../src/timeline/summary-line.ts';

test('GIVEN a long clause THEN the summary is cut at a word with an ellipsis and capitalised', () => {
  assert.equal(finish('the court met'), 'The court met');
  const long = finish(`the court ${'heard the appeal again '.repeat(10)}`);
  assert.ok(long.length <= 121 && long.endsWith('…') && !long.includes('  '), long);
});

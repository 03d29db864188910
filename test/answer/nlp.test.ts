import assert from 'node:assert/strict';
import { test } from 'node:test';
import { englishNlp, numericEntities, tagTokens } from '../../src/answer/nlp.ts';

test('GIVEN a sentence WHEN tagged THEN each token has its text, lower-case form and universal part of speech', () => {
  assert.deepEqual(tagTokens('Bout flew to Bangkok.'), [
    { text: 'Bout', lower: 'bout', pos: 'PROPN' },
    { text: 'flew', lower: 'flew', pos: 'VERB' },
    { text: 'to', lower: 'to', pos: 'ADP' },
    { text: 'Bangkok', lower: 'bangkok', pos: 'PROPN' },
    { text: '.', lower: '.', pos: 'PUNCT' },
  ]);
});

test('GIVEN dates, money and durations THEN their entities are found with their types', () => {
  const types = numericEntities('On March 3, 2019 the council paid $4 million for six weeks of work.').map((e) => e.type);
  assert.ok(types.includes('DATE') && types.includes('MONEY') && types.includes('DURATION'), types.join(','));
});

test('GIVEN repeated use THEN the English model is loaded once', () => {
  assert.equal(englishNlp(), englishNlp());
});

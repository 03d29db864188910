import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25Index, stem, tokenize } from '../../src/index/lexical.ts';

test('GIVEN inflected words WHEN stemmed THEN forms of one word meet', () => {
  assert.equal(stem('arrested'), stem('arrest'));
  assert.equal(stem('prisons'), stem('prison'));
  assert.equal(stem('agencies'), stem('agency'));
});

test('GIVEN "US" the country WHEN tokenized THEN it is not dropped as the pronoun "us"', () => {
  assert.deepEqual(tokenize('The U.S. and the US told us'), ['usa', 'usa', 'tell']);
});

test('GIVEN three passages WHEN searched with BM25 THEN the one sharing the rare term ranks first', () => {
  const index = new Bm25Index(['Bout was arrested in Bangkok', 'Bout was extradited to the United States', 'Bout was sentenced in New York']);
  assert.equal(index.search('where was he extradited', 3)[0]?.doc, 1);
  assert.equal(index.search('pizza', 3).length, 0);
  assert.equal(index.documentFrequency('bout'), 3);
});

test('GIVEN irregular past forms WHEN stemmed THEN they meet their present forms', () => {
  assert.equal(stem('told'), stem('tell'));
  assert.equal(stem('held'), stem('hold'));
  assert.equal(stem('sought'), stem('seeks'));
});

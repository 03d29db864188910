import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25Index } from '../../src/index/lexical.ts';

const TEXTS = [
  'Viktor Bout was arrested in Bangkok in 2008.',
  'The court in New York sentenced him to 25 years.',
  'Russia asked for his release on health grounds.',
  'He was exchanged for an American basketball player.',
  'The lawyer said the prison in Marion was harsh.',
];
const ADDED = ['A lighthouse keeper saw the cargo plane land in Bangkok.', 'Six men unloaded the crates from the plane.'];
const QUERIES = ['Bangkok arrest', 'plane cargo crates', 'prison lawyer', 'release Russia health', 'years court sentenced'];

const results = (index: Bm25Index) => QUERIES.map((query) => index.search(query, 4));

test('GIVEN a BM25 index WHEN two documents are inserted in the middle THEN every search equals a fresh build over the changed documents', () => {
  const changed = new Bm25Index(TEXTS).withChange(2, 0, ADDED);
  const fresh = new Bm25Index([...TEXTS.slice(0, 2), ...ADDED, ...TEXTS.slice(2)]);
  assert.deepEqual(results(changed), results(fresh));
  assert.equal(changed.size, 7);
  assert.equal(changed.idf('plane'), fresh.idf('plane'));
});

test('GIVEN a BM25 index WHEN two documents are taken out THEN every search equals a fresh build without them, and their terms are gone', () => {
  const changed = new Bm25Index(TEXTS).withChange(1, 2, []);
  const fresh = new Bm25Index([TEXTS[0]!, ...TEXTS.slice(3)]);
  assert.deepEqual(results(changed), results(fresh));
  assert.equal(changed.documentFrequency('sentenc'), 0);
});

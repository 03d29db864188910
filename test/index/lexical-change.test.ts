import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25Index } from '../../src/index/bm25.ts';

const TEXTS = [
  'Viktor Bout was arrested in Bangkok in 2008.',
  'The court in New York sentenced him to 25 years.',
  'Russia asked for his release on health grounds.',
  'He was exchanged for an American basketball player.',
  'The lawyer said the prison in Marion was harsh.',
];
const ADDED = ['A lighthouse keeper saw the cargo plane land in Bangkok.', 'Six men unloaded the crates from the plane.'];
const QUERIES = ['Bangkok arrest', 'plane cargo crates', 'prison lawyer', 'release Russia health', 'years court sentenced'];

/** Every query's hits as (text, score): document numbers differ between a changed index and a fresh one. */
const results = (index: Bm25Index, texts: (string | undefined)[]) =>
  QUERIES.map((query) => index.search(query, 4).map((hit) => [texts[hit.doc], hit.score]));

test('GIVEN a BM25 index WHEN two documents are added THEN every search equals a fresh build over all the documents', () => {
  const changed = new Bm25Index(TEXTS);
  ADDED.forEach((text, i) => changed.add(TEXTS.length + i, text));
  const fresh = new Bm25Index([...TEXTS, ...ADDED]);
  assert.deepEqual(results(changed, [...TEXTS, ...ADDED]), results(fresh, [...TEXTS, ...ADDED]));
  assert.equal(changed.size, 7);
  assert.equal(changed.idf('plane'), fresh.idf('plane'));
});

test('GIVEN a BM25 index WHEN two documents are removed THEN every search equals a fresh build without them, and their terms are gone', () => {
  const changed = new Bm25Index(TEXTS);
  changed.remove(1, TEXTS[1]!);
  changed.remove(2, TEXTS[2]!);
  const kept = [TEXTS[0]!, ...TEXTS.slice(3)];
  assert.deepEqual(results(changed, TEXTS), results(new Bm25Index(kept), kept));
  assert.equal(changed.size, 3);
  assert.equal(changed.documentFrequency('sentenc'), 0);
});

test('GIVEN a changed BM25 index WHEN serialized and read back THEN searches are the same and removed documents stay out', () => {
  const changed = new Bm25Index(TEXTS);
  changed.remove(0, TEXTS[0]!);
  ADDED.forEach((text, i) => changed.add(TEXTS.length + i, text));
  const all = [...TEXTS, ...ADDED];
  const read = Bm25Index.deserialize(changed.serialize());
  assert.deepEqual(results(read, all), results(changed, all));
  assert.equal(read.size, 6);
  assert.equal(read.documentFrequency('bangkok'), 1);
  read.add(7, 'Bangkok again.');
  assert.equal(read.documentFrequency('bangkok'), 2);
});

test('GIVEN bytes that are not a postings file WHEN read THEN an IndexError(corrupt) says so', () => {
  const bytes = new Bm25Index(TEXTS).serialize();
  assert.throws(() => Bm25Index.deserialize(bytes.subarray(0, bytes.length - 3)), {
    name: 'IndexError',
    message: 'lexical.bin is damaged (its length does not match its header).',
  });
  assert.throws(() => Bm25Index.deserialize(Buffer.alloc(64)), {
    name: 'IndexError',
    message: 'lexical.bin is damaged (not a BM25 postings file).',
  });
});

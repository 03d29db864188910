import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25Index } from '../../src/index/bm25.ts';
import { tokenize } from '../../src/text/terms.ts';

test('GIVEN three passages WHEN searched with BM25 THEN the one sharing the rare term ranks first', () => {
  const index = new Bm25Index([
    'Bout was arrested in Bangkok',
    'Bout was extradited to the United States',
    'Bout was sentenced in New York',
  ]);
  assert.equal(index.search('where was he extradited', 3)[0]?.doc, 1);
  assert.equal(index.search('pizza', 3).length, 0);
  assert.equal(index.documentFrequency('bout'), 3);
});

test('GIVEN 500 random passages WHEN searched THEN the bounded top-k equals a full sort of naive BM25 scores', () => {
  const words = 'arrest bangkok sting extradite sentence prison swap griner trump tass lavrov court appeal moscow'.split(' ');
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const texts = Array.from({ length: 500 }, () =>
    Array.from({ length: 3 + Math.floor(random() * 12) }, () => words[Math.floor(random() * words.length)]).join(' '),
  );
  const index = new Bm25Index(texts);
  const docs = texts.map((text) => tokenize(text));
  const average = docs.reduce((sum, d) => sum + d.length, 0) / docs.length;
  for (const query of ['arrest in bangkok', 'court appeal', 'swap griner trump moscow', 'tass']) {
    const terms = [...new Set(tokenize(query))];
    const naive = docs
      .map((tokens, doc) => ({
        doc,
        score: terms.reduce((sum, term) => {
          const tf = tokens.filter((t) => t === term).length;
          return tf === 0 ? sum : sum + (index.idf(term) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * tokens.length) / average));
        }, 0),
      }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, 10);
    const fast = index.search(query, 10);
    assert.deepEqual(
      fast.map((hit) => hit.doc),
      naive.map((hit) => hit.doc),
      query,
    );
    fast.forEach((hit, i) => assert.ok(Math.abs(hit.score - naive[i]!.score) < 1e-9));
  }
});

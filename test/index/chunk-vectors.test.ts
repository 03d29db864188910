import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArticle } from '../../src/corpus/article.ts';
import { chunkArticle } from '../../src/corpus/chunk.ts';
import { chunkSentenceRanges, chunkVector } from '../../src/index/chunk-vectors.ts';

test('GIVEN an article in two chunks WHEN chunk vectors are made from sentence vectors THEN each chunk sums only its own sentences, normalised', async () => {
  const article = parseArticle('a.txt', 'First sentence here. Second sentence here.\n\nThird sentence of a.');
  const chunks = await chunkArticle(article, { size: 45, overlap: 0 });
  const ranges = chunkSentenceRanges(article, chunks);
  assert.deepEqual(ranges, [
    { first: 0, count: 2 },
    { first: 2, count: 1 },
  ]);
  const vectors = [
    [1, 0],
    [0, 1],
    [1, 0],
  ];
  const chunkVectors = ranges.map((range) => chunkVector((id) => vectors[id]!, range, 2));
  assert.deepEqual(
    chunkVectors.map((v) => Array.from(v, (x) => Number(x.toFixed(4)))),
    [
      [0.7071, 0.7071],
      [1, 0],
    ],
  );
});

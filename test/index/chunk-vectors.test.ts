import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArticle } from '../../src/corpus/article.ts';
import { chunkArticle } from '../../src/corpus/chunk.ts';
import { chunkVectorsFromSentences, sentencesOfChunks } from '../../src/index/chunk-vectors.ts';

test('GIVEN two articles WHEN chunk vectors are made from sentence vectors THEN each chunk sums only its own sentences, normalised', async () => {
  const articles = [
    parseArticle('a.txt', 'First sentence here. Second sentence here.\n\nThird sentence of a.'),
    parseArticle('b.txt', 'Only sentence of b.'),
  ];
  const chunks = (await Promise.all(articles.map((article) => chunkArticle(article, { size: 45, overlap: 0 })))).flat();
  const members = sentencesOfChunks(articles, chunks);
  assert.deepEqual(members, [[0, 1], [2], [3]]);
  const vectors = [[1, 0], [0, 1], [1, 0], [0, 1]];
  const chunkVectors = chunkVectorsFromSentences(members, vectors, 2);
  assert.deepEqual(chunkVectors.map((v) => v.map((x) => Number(x.toFixed(4)))), [[0.7071, 0.7071], [1, 0], [0, 1]]);
});

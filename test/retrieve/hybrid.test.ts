import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { retrieve } from '../../src/retrieve/hybrid.ts';
import { buildSmallIndex, WordAxisEmbeddings, type SmallIndex } from '../fixtures/small-index.ts';

// Each paragraph is a chunk of its own (the filler sentence keeps two from fitting in one 200-character chunk);
// the filler has no vocabulary word, so it only dilutes the chunk's vector.
const FILLER = 'Witnesses on the quay described the weather, the noise and the crowd in some detail afterwards.';
const paragraphs = (...sentences: string[]) => sentences.map((s) => `${s} ${FILLER}`).join('\n\n') + '\n';
const ARTICLES = {
  'a.txt': paragraphs(
    'The ferry left the harbour at dawn.',
    'The ferry returned late.',
    'A ferry and a second ferry waited by the harbour.',
  ),
  'b.txt': paragraphs('The storm closed the bridge.', 'The harbour stayed open while the bridge was shut.'),
};
const QUERY = 'ferry harbour';
// Reciprocal rank fusion: a chunk at rank r (from 0) of a ranking gets 1 / (60 + r) from it.
const rrf = (...ranks: number[]) => ranks.reduce((sum, rank) => sum + 1 / (60 + rank), 0);

describe('retrieve (hybrid retrieval and diversification)', () => {
  let small: SmallIndex;
  const search = async (options: Parameters<typeof retrieve>[2], text = QUERY) =>
    retrieve(small.index, { text, vector: await small.embeddings.embedQuery(text) }, options);
  before(async () => {
    small = await buildSmallIndex(ARTICLES, new WordAxisEmbeddings(['ferry', 'harbour', 'storm', 'bridge']));
  });
  after(() => small.cleanup());

  it('GIVEN the fixture WHEN it is chunked THEN every paragraph is one chunk', () => {
    assert.deepEqual(
      Array.from({ length: small.index.chunkCount }, (_, id) => small.index.chunk(id)!.id),
      ['a.txt#0', 'a.txt#1', 'a.txt#2', 'b.txt#0', 'b.txt#1'],
    );
  });

  it('GIVEN mode dense WHEN searched THEN every chunk comes back in cosine order, with its cosine', async () => {
    const hits = await search({ k: 10, mode: 'dense' });
    assert.deepEqual(
      hits.map((h) => h.chunk.id),
      ['a.txt#0', 'a.txt#2', 'a.txt#1', 'b.txt#1', 'b.txt#0'],
    );
    // "The ferry left the harbour" + filler: (1,1,0,0,0)/√2 + (0,0,0,0,1), normalised, against (1,1,0,0,0)/√2.
    assert.ok(Math.abs(hits[0]!.dense! - 1 / Math.SQRT2) < 1e-6, String(hits[0]!.dense));
    assert.ok(Math.abs(hits[4]!.dense!) < 1e-6, 'a chunk without a query word is orthogonal to the query');
    assert.deepEqual(
      hits.map((h) => h.score),
      [0, 1, 2, 3, 4].map((rank) => rrf(rank)),
    );
    assert.ok(hits.every((h) => h.lexical === undefined));
  });

  it('GIVEN mode lexical WHEN searched THEN only chunks holding a query word come back, by BM25', async () => {
    const hits = await search({ k: 10, mode: 'lexical' });
    assert.deepEqual(hits.map((h) => h.chunk.id).slice(0, 2), ['a.txt#2', 'a.txt#0']);
    assert.deepEqual(new Set(hits.map((h) => h.chunk.id)), new Set(['a.txt#0', 'a.txt#1', 'a.txt#2', 'b.txt#1']));
    assert.ok(hits.every((h, i) => h.dense === undefined && h.lexical! > 0 && h.score === rrf(i)));
  });

  it('GIVEN both rankings WHEN fused THEN scores add 1/(60 + rank) of each, ties go to the earlier chunk, and a chunk only one ranking finds gets one term', async () => {
    const dense = await search({ k: 10, mode: 'dense' });
    const lexical = await search({ k: 10, mode: 'lexical' });
    const hits = await search({ k: 10 });
    const rankIn = (list: typeof hits, id: string) => list.findIndex((h) => h.chunk.id === id);
    for (const hit of hits) {
      const ranks = [rankIn(dense, hit.chunk.id), rankIn(lexical, hit.chunk.id)].filter((rank) => rank >= 0);
      assert.equal(hit.score, rrf(...ranks), hit.chunk.id);
    }
    // a.txt#0 is first by cosine and second by BM25, a.txt#2 the reverse: equal scores, the earlier chunk first.
    assert.deepEqual(hits.map((h) => h.chunk.id).slice(0, 2), ['a.txt#0', 'a.txt#2']);
    assert.equal(hits[0]!.score, hits[1]!.score);
    assert.equal(hits.at(-1)!.chunk.id, 'b.txt#0');
    assert.equal(hits.at(-1)!.lexical, undefined);
    assert.equal(hits.at(-1)!.score, rrf(4));
  });

  it('GIVEN perSource 1 WHEN one article fills the top of the ranking THEN the other article comes second and the rest follow in rank order', async () => {
    const hits = await search({ k: 4, perSource: 1 });
    assert.deepEqual(
      hits.map((h) => h.chunk.id),
      ['a.txt#0', 'b.txt#1', 'a.txt#2', 'a.txt#1'],
    );
  });

  it('GIVEN perSource 2 WHEN k is 3 THEN the third place goes to the other article; with the default of 3 an article may hold three of four', async () => {
    const hits = await search({ k: 4 });
    assert.deepEqual(
      hits.map((h) => h.chunk.id),
      ['a.txt#0', 'a.txt#2', 'a.txt#1', 'b.txt#1'],
    );
    assert.deepEqual(
      (await search({ k: 3, perSource: 2 })).map((h) => h.chunk.id),
      ['a.txt#0', 'a.txt#2', 'b.txt#1'],
    );
  });

  it('GIVEN candidates 1 WHEN fused THEN only the first of each ranking is considered', async () => {
    const hits = await search({ k: 10, candidates: 1 });
    assert.deepEqual(
      hits.map((h) => [h.chunk.id, h.score]),
      [
        ['a.txt#0', rrf(0)],
        ['a.txt#2', rrf(0)],
      ],
    );
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseArticle } from '../../src/corpus/article.ts';
import { chunkArticle } from '../../src/corpus/chunk.ts';
import { loadIndex, saveIndex, type BuiltIndex } from '../../src/index/artifact.ts';
import { writeIndexInWorker } from '../../src/index/index-writer.ts';
import { MANIFEST_VERSION } from '../../src/index/manifest.ts';

const DIMS = 4;

async function built(): Promise<BuiltIndex> {
  const articles = [
    parseArticle(
      'a.txt',
      'Viktor Bout was arrested in Bangkok in 2008. He was extradited two years later.\n\nThe trial began in New York.',
    ),
    parseArticle('b.txt', 'Russia asked for his release. He was exchanged in 2022.'),
  ];
  const chunks = await Promise.all(articles.map((article) => chunkArticle(article, { size: 60, overlap: 0 })));
  const sentences = articles.reduce((sum, article) => sum + article.sentences.length, 0);
  const sentenceVectors = Float32Array.from({ length: sentences * DIMS }, (_, i) => ((i * 7919) % 13) / 13 + 0.01);
  const manifest = {
    version: MANIFEST_VERSION as typeof MANIFEST_VERSION,
    model: { id: 'fake:test', dimensions: DIMS },
    chunking: { size: 60, overlap: 0 },
    files: { 'a.txt': articles[0]!.hash, 'b.txt': articles[1]!.hash },
    skipped: [],
    counts: { articles: 2, chunks: chunks.flat().length, sentences, events: 0 },
    builtAt: '2024-01-01T00:00:00.000Z',
    buildMs: 1,
  };
  return { manifest, articles, chunks, sentenceVectors };
}

test('GIVEN the same build WHEN written in the worker thread and in-process THEN both load with the same records, vectors and search results', async () => {
  const root = mkdtempSync(join(tmpdir(), 'dossier-writer-'));
  try {
    const points: string[] = [];
    for (const name of ['worker', 'here']) mkdirSync(join(root, name));
    await writeIndexInWorker(join(root, 'worker'), await built(), { m: 8, efConstruction: 50 }, (point) => points.push(point));
    await saveIndex(join(root, 'here'), await built(), { m: 8, efConstruction: 50 });
    assert.deepEqual(points, ['written:records.sqlite', 'written:sentence-vectors.f32', 'written:hnswlib.index', 'written:lexical.bin']);
    const embeddings = { modelId: 'fake:test', dimensions: DIMS };
    const [worker, here] = await Promise.all([loadIndex(join(root, 'worker'), embeddings), loadIndex(join(root, 'here'), embeddings)]);
    assert.deepEqual([...worker.articles.values()], [...here.articles.values()]);
    assert.equal(worker.chunkCount, here.chunkCount);
    assert.deepEqual(
      worker.sentenceIds().map((id) => Array.from(worker.sentenceVector(id))),
      here.sentenceIds().map((id) => Array.from(here.sentenceVector(id))),
    );
    assert.deepEqual(worker.lexical.search('Bangkok arrested', 3), here.lexical.search('Bangkok arrested', 3));
    assert.deepEqual(
      worker.dense.search(Array.from(here.sentenceVector(0)), 2, 16, 2),
      here.dense.search(Array.from(here.sentenceVector(0)), 2, 16, 2),
    );
    worker.close();
    here.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

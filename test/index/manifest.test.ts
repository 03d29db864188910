import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStale, MANIFEST_VERSION, parseManifest, type Manifest } from '../../src/index/manifest.ts';
import { TOKENIZER_VERSION } from '../../src/text/terms.ts';

const chunking = { size: 800, overlap: 100 };
const manifest: Manifest = {
  version: MANIFEST_VERSION,
  model: { id: 'use-lite:en', dimensions: 512 },
  chunking,
  tokenizer: TOKENIZER_VERSION,
  files: {},
  skipped: [],
  counts: { articles: 0, chunks: 0, sentences: 0, events: 0 },
  builtAt: '2031-03-04T00:00:00.000Z',
  buildMs: 1,
};
const unchanged = { added: [], changed: [], removed: [], unchanged: 0 };

test('GIVEN an index built with the current tokenizer WHEN nothing else changed THEN it is not stale', () => {
  assert.equal(isStale(manifest, unchanged, 'use-lite:en', chunking), false);
});

test('GIVEN an index built with another tokenizer, or before one was recorded, WHEN checked THEN it is stale and rebuilt', () => {
  assert.equal(isStale({ ...manifest, tokenizer: 'light-suffix/0' }, unchanged, 'use-lite:en', chunking), true);
  const { tokenizer: _, ...older } = manifest;
  const parsed = parseManifest(older);
  assert.equal(typeof parsed, 'object');
  assert.equal(isStale(parsed as Manifest, unchanged, 'use-lite:en', chunking), true);
});

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus, scanCorpus } from '../../src/corpus/load.ts';

test('GIVEN a file left empty by cleaning WHEN the corpus is scanned THEN it is skipped like the build skips it, so the index never looks stale forever', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-scan-'));
  try {
    await writeFile(join(dir, 'article.txt'), 'Bout was arrested in Bangkok in 2008.');
    await writeFile(join(dir, 'chrome.txt'), 'Stay Connected\nMust Read\nLEAVE A REPLY\n');
    const scan = await scanCorpus(dir, { maxFileBytes: 10_000 });
    const load = await loadCorpus(dir, { maxFileBytes: 10_000 });
    assert.deepEqual(scan.files.map((f) => f.source), load.articles.map((a) => a.source));
    assert.deepEqual(scan.files.map((f) => f.source), ['article.txt']);
    assert.deepEqual(scan.skipped, [{ source: 'chrome.txt', reason: 'no article text after removing boilerplate' }]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
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

test('GIVEN files hashed long enough ago WHEN the corpus is scanned with their stamps THEN none is read again and each keeps its indexed hash', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-scan-'));
  try {
    await writeFile(join(dir, 'a.txt'), 'Bout was arrested in Bangkok in 2008.');
    await writeFile(join(dir, 'b.txt'), 'He was extradited to the United States in 2010.');
    await settle(dir, ['a.txt', 'b.txt']);
    const built = await loadCorpus(dir, { maxFileBytes: 10_000 });
    assert.deepEqual(Object.keys(built.stamps).sort(), ['a.txt', 'b.txt']);
    const indexed = Object.fromEntries(built.articles.map((a) => [a.source, a.hash]));
    const scan = await scanCorpus(dir, { maxFileBytes: 10_000, indexed, stamps: built.stamps });
    assert.equal(scan.read, 0);
    assert.deepEqual(scan.files, built.articles.map((a) => ({ source: a.source, hash: a.hash })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('GIVEN a file edited to the same size with its modification time set back WHEN the corpus is scanned THEN its change time gives it away and its new hash is read', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-scan-'));
  try {
    const path = join(dir, 'a.txt');
    await writeFile(path, 'Bout was arrested in Bangkok in 2008.');
    await settle(dir, ['a.txt']);
    const built = await loadCorpus(dir, { maxFileBytes: 10_000 });
    const before = await stat(path);
    await writeFile(path, 'Bout was arrested in Bangkok in 2009.');
    await utimes(path, before.atime, before.mtime);
    const after = await stat(path);
    assert.equal(after.size, before.size);
    assert.equal(after.mtimeMs, before.mtimeMs);
    const scan = await scanCorpus(dir, { maxFileBytes: 10_000, indexed: { 'a.txt': built.articles[0]!.hash }, stamps: built.stamps });
    assert.equal(scan.read, 1);
    assert.notEqual(scan.files[0]!.hash, built.articles[0]!.hash);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('GIVEN a file written just before the build read it WHEN the corpus is loaded THEN it gets no stamp, so the next scan hashes it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-scan-'));
  try {
    await writeFile(join(dir, 'a.txt'), 'Bout was arrested in Bangkok in 2008.');
    const built = await loadCorpus(dir, { maxFileBytes: 10_000 });
    assert.deepEqual(built.stamps, {});
    const scan = await scanCorpus(dir, { maxFileBytes: 10_000, indexed: { 'a.txt': built.articles[0]!.hash }, stamps: built.stamps });
    assert.equal(scan.read, 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * Makes files look changed long ago: the change time (ctime) cannot be set back, so the clock is waited out
 * past the stamp margin instead; the modification time is set back too.
 */
async function settle(dir: string, names: string[]): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  for (const name of names) await utimes(join(dir, name), past, past);
  await new Promise((resolve) => setTimeout(resolve, 2_100));
}

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { watchCurrentIndex } from '../../src/index/current-watch.ts';

/** Replaces current.json the way promoteBuild does: write a temp file, rename it over the pointer. */
async function promote(dataDir: string, index: string): Promise<void> {
  await writeFile(join(dataDir, 'current.json.tmp'), JSON.stringify({ index }));
  await rename(join(dataDir, 'current.json.tmp'), join(dataDir, 'current.json'));
}

async function until(condition: () => boolean, label: string): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await sleep(10);
  assert.ok(condition(), label);
}

test('GIVEN a watched DATA_DIR WHEN another process renames a new current.json in, twice THEN onChange runs once at the start and once per new pointer', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-watch-'));
  const seen: string[] = [];
  const read = async () => {
    seen.push((JSON.parse(await readFile(join(dataDir, 'current.json'), 'utf8')) as { index: string }).index);
  };
  await promote(dataDir, 'index-a');
  // A long poll period: the change must come through fs.watch.
  const watch = watchCurrentIndex(dataDir, read, { pollMs: 60_000 });
  try {
    await until(() => seen.length === 1, 'the first read');
    await promote(dataDir, 'index-b');
    await until(() => seen.at(-1) === 'index-b', 'the first promotion');
    await promote(dataDir, 'index-c');
    await until(() => seen.at(-1) === 'index-c', 'the second promotion');
    await sleep(100);
    assert.deepEqual(seen, ['index-a', 'index-b', 'index-c']);
  } finally {
    watch.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('GIVEN a DATA_DIR that does not exist yet WHEN an index is first promoted THEN the poll notices it', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'dossier-watch-'));
  const dataDir = join(parent, 'data');
  let calls = 0;
  const watch = watchCurrentIndex(dataDir, () => void calls++, { pollMs: 20 });
  try {
    await sleep(60);
    assert.equal(calls, 0);
    await mkdir(dataDir);
    await promote(dataDir, 'index-a');
    await until(() => calls === 1, 'the poll saw the new pointer');
  } finally {
    watch.close();
    await rm(parent, { recursive: true, force: true });
  }
});

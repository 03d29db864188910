import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isLeftoverOf, writeFileAtomic } from '../../src/files/write-atomic.ts';

test('GIVEN an existing file WHEN replaced atomically THEN it holds the new content and no temporary file is left', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'write-atomic-'));
  try {
    await writeFile(join(dir, 'state.json'), '{"old":true}');
    await writeFileAtomic(join(dir, 'state.json'), '{"new":true}');
    await writeFileAtomic(join(dir, 'picture.bin'), Uint8Array.of(1, 2, 3));
    assert.equal(await readFile(join(dir, 'state.json'), 'utf8'), '{"new":true}');
    assert.deepEqual([...(await readFile(join(dir, 'picture.bin')))], [1, 2, 3]);
    assert.deepEqual((await readdir(dir)).sort(), ['picture.bin', 'state.json']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('GIVEN a target that cannot be replaced WHEN written THEN the error is thrown and the temporary file removed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'write-atomic-'));
  try {
    await mkdir(join(dir, 'taken'));
    await writeFile(join(dir, 'taken', 'inside'), 'x');
    await assert.rejects(
      writeFileAtomic(join(dir, 'taken'), 'text'),
      (error: NodeJS.ErrnoException) => error.code === 'EISDIR' || error.code === 'ENOTEMPTY',
    );
    assert.deepEqual(await readdir(dir), ['taken']);
    await assert.rejects(writeFileAtomic(join(dir, 'missing', 'file'), 'text'), { code: 'ENOENT' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('GIVEN names in a folder WHEN checked for leftovers of current.json THEN only its hidden partial files are', () => {
  assert.equal(isLeftoverOf('.current.json.4242-0a1b2c3d.partial', 'current.json'), true);
  assert.equal(isLeftoverOf('current.json', 'current.json'), false);
  assert.equal(isLeftoverOf('.other.json.4242-0a1b2c3d.partial', 'current.json'), false);
});

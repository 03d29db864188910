import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sha256File, verifyFiles } from '../../src/index/verified-files.ts';

describe('verifyFiles', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const HOUR_AGO = new Date(Date.now() - 3_600_000);
  // The clock as it will read well past the racy margin: files changed "now" count as settled.
  const later = () => Date.now() + 60_000;

  async function folder(bytes: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-verified-'));
    dirs.push(dir);
    const expected: Record<string, string> = {};
    for (const [name, text] of Object.entries(bytes)) {
      writeFileSync(join(dir, name), text);
      utimesSync(join(dir, name), HOUR_AGO, HOUR_AGO);
      expected[name] = await sha256File(join(dir, name));
    }
    return { dir, expected };
  }

  it('GIVEN files that matched their sums WHEN verified again THEN none is read', async () => {
    const { dir, expected } = await folder({ 'a.bin': 'graph bytes', 'b.bin': 'postings bytes' });
    assert.deepEqual(await verifyFiles(dir, expected, { now: later }), { damaged: [], hashed: ['a.bin', 'b.bin'] });
    assert.deepEqual(await verifyFiles(dir, expected, { now: later }), { damaged: [], hashed: [] });
  });

  it('GIVEN files changed just now WHEN verified twice THEN both checks read them (a write in the same tick would be unseen)', async () => {
    const { dir, expected } = await folder({ 'a.bin': 'graph bytes' });
    assert.deepEqual((await verifyFiles(dir, expected)).hashed, ['a.bin']);
    assert.deepEqual((await verifyFiles(dir, expected)).hashed, ['a.bin']);
  });

  it('GIVEN a verified file WHEN overwritten with as many bytes and its modification time set back THEN it is read and found damaged', async () => {
    const { dir, expected } = await folder({ 'a.bin': 'graph bytes' });
    await verifyFiles(dir, expected, { now: later });
    // Past one tick of the coarsest kernel clock, so that the change time of the write differs from the stamp's.
    await sleep(50);
    writeFileSync(join(dir, 'a.bin'), 'graph BYTES');
    utimesSync(join(dir, 'a.bin'), HOUR_AGO, HOUR_AGO);
    assert.deepEqual(await verifyFiles(dir, expected, { now: later }), {
      damaged: ['a.bin does not match its checksum (truncated or modified)'],
      hashed: ['a.bin'],
    });
  });

  it('GIVEN a file replaced with the same sum expected elsewhere WHEN another sum is expected THEN it is read again', async () => {
    const { dir, expected } = await folder({ 'a.bin': 'graph bytes' });
    await verifyFiles(dir, expected, { now: later });
    const result = await verifyFiles(dir, { 'a.bin': '0'.repeat(64) }, { now: later });
    assert.deepEqual(result, { damaged: ['a.bin does not match its checksum (truncated or modified)'], hashed: ['a.bin'] });
  });

  it('GIVEN a missing file WHEN verified THEN it is named missing', async () => {
    const { dir } = await folder({});
    assert.deepEqual(await verifyFiles(dir, { 'gone.bin': '0'.repeat(64) }), { damaged: ['gone.bin is missing'], hashed: [] });
  });
});

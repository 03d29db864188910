import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const WRITER = join(import.meta.dirname, 'feedback-writer.ts');
const RECORDS = 400;

function runWriter(file: string, writer: string): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, writer, String(RECORDS)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve) => child.on('exit', resolve));
}

test('GIVEN two shard processes voting at the same time WHEN both append to feedback.jsonl THEN every record is there once and every line is valid JSON', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-feedback-'));
  try {
    const file = join(dir, 'feedback.jsonl');
    assert.deepEqual(await Promise.all([runWriter(file, 'shard-0'), runWriter(file, 'shard-1')]), [0, 0]);

    const lines = (await readFile(file, 'utf8')).split('\n');
    assert.equal(lines.pop(), '', 'the file ends with a newline');
    const ids = lines.map((line, n) => {
      try {
        return (JSON.parse(line) as { messageId: string }).messageId;
      } catch {
        assert.fail(`line ${n + 1} is not JSON: ${line.slice(0, 80)}…`);
      }
    });
    const expected = ['shard-0', 'shard-1'].flatMap((writer) => Array.from({ length: RECORDS }, (_, i) => `${writer}-${i}`));
    assert.deepEqual([...ids].sort(), expected.sort());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

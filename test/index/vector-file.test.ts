import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { VectorFile } from '../../src/index/vector-file.ts';

const DIMS = 512;

/** Unit rows with a spread of magnitudes, as an encoder's are. */
function unitRows(count: number): Float32Array {
  const rows = new Float32Array(count * DIMS);
  let seed = 7;
  for (let r = 0; r < count; r++) {
    let norm = 0;
    for (let d = 0; d < DIMS; d++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const value = (seed / 2 ** 31 - 0.5) * (d % 7 === 0 ? 4 : 1);
      rows[r * DIMS + d] = value;
      norm += value * value;
    }
    for (let d = 0; d < DIMS; d++) rows[r * DIMS + d]! /= Math.sqrt(norm);
  }
  return rows;
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);

test('GIVEN unit rows WHEN appended, committed and read back THEN each is the stored form of the row, within a thousandth of its cosine with every other row, at half of float32 size', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-vectors-'));
  try {
    const rows = unitRows(40);
    const path = join(dir, 'v');
    const file = VectorFile.create(path, DIMS);
    file.append(0, rows.subarray(0, 25 * DIMS));
    file.append(25, rows.subarray(25 * DIMS));
    file.commit(40);
    assert.equal(statSync(path).size, 40 * DIMS * 2);
    const stored = VectorFile.stored(rows);
    const row = (i: number) => rows.subarray(i * DIMS, (i + 1) * DIMS);
    for (let i = 0; i < 40; i++) {
      assert.deepEqual(Array.from(file.row(i)), Array.from(stored.subarray(i * DIMS, (i + 1) * DIMS)));
      for (let j = 0; j < 40; j++) assert.ok(Math.abs(dot(file.row(i), file.row(j)) - dot(row(i), row(j))) < 0.001);
    }
    file.close();
    // Read again by another opener (whole, as a small file is), the same rows come back.
    const again = VectorFile.open(path, DIMS, 40);
    assert.deepEqual(Array.from(again.row(39)), Array.from(stored.subarray(39 * DIMS)));
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GIVEN a vector file shorter than its committed rows WHEN opened THEN IndexError(corrupt) says it is truncated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-vectors-'));
  try {
    const path = join(dir, 'v');
    const file = VectorFile.create(path, DIMS);
    file.append(0, unitRows(3));
    file.close();
    assert.throws(() => VectorFile.open(path, DIMS, 4), { name: 'IndexError', message: /truncated/ });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

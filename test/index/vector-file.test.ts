import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { VectorFile } from '../../src/index/vector-file.ts';

const DIMS = 8;
const rows = (count: number, from = 0) => Float32Array.from({ length: count * DIMS }, (_, i) => (from * DIMS + i) / 100);

test('GIVEN a new vector file WHEN rows are appended in batches and committed THEN every row reads back as written, here and in another opener', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-vectors-'));
  try {
    const path = join(dir, 'v');
    const file = VectorFile.create(path, DIMS);
    file.append(0, rows(5));
    file.append(5, rows(3, 5));
    assert.throws(() => file.row(0), RangeError, 'rows are readable only once committed');
    file.commit(8);
    assert.equal(statSync(path).size, 8 * DIMS * 4);
    assert.deepEqual(Array.from(file.row(6)), Array.from(rows(1, 6)));
    assert.deepEqual(Array.from(VectorFile.stored(rows(2))), Array.from(rows(2)));
    file.close();
    const again = VectorFile.open(path, DIMS, 8);
    assert.deepEqual(Array.from(again.row(7)), Array.from(rows(1, 7)));
    again.close();
    assert.throws(() => VectorFile.create(path, DIMS), /EEXIST/, 'a build never writes over an existing file');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

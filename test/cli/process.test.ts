// The real `dossier` process: its exit codes are what scripts see.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const BIN = join(import.meta.dirname, '../../bin/dossier.js');
// A folder with no .env, so a developer's own settings play no part.
const cwd = mkdtempSync(join(tmpdir(), 'dossier-bin-'));
after(() => rmSync(cwd, { recursive: true, force: true }));

const dossier = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATA_DIR: join(cwd, 'data') },
    timeout: 60_000,
  });

test('GIVEN the dossier bin WHEN run with --help THEN it prints the usage and exits 0', () => {
  const run = dossier('--help');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Usage: dossier \[options\] \[command\]/);
});

test('GIVEN the dossier bin WHEN given an unknown option or an option without its value THEN it exits 2 naming it', () => {
  const unknown = dossier('search', '--limit', '3', 'arrest');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^error: unknown option '--limit'\n/);
  const missing = dossier('timeline', '--topic');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^error: option '--topic <value>' argument missing\n/);
});

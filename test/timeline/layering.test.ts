import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The timeline sits beside retrieval: it may use the corpus's types, the shared text and file helpers and the bottom
// modules, never the index, retrieval, answers or an adapter (what it needs from them is passed in).
const ALLOWED = /^\.\.\/(corpus\/types|text\/[\w/-]+|files\/[\w/-]+|errors|config)\.ts$/;

test('GIVEN the timeline modules WHEN their imports are read THEN none reaches into the index, retrieval, answers or adapters', () => {
  const dir = join(import.meta.dirname, '../../src/timeline');
  const outside = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/\bfrom\s+'(\.\.\/[^']+)'/g)].map((match) => `${file}: ${match[1]}`),
    )
    .filter((line) => !ALLOWED.test(line.split(': ')[1]!));
  assert.deepEqual(outside, []);
});

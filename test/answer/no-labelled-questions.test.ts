import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('GIVEN the labelled question sets the repo keeps WHEN the code is searched THEN no question text appears in src/ or commands/', () => {
  const questions = readdirSync(join(root, 'eval'))
    .filter((name) => name.endsWith('_qa.json'))
    .flatMap((name) => JSON.parse(readFileSync(join(root, 'eval', name), 'utf8')) as { question: string }[])
    .map((q) =>
      q.question
        .toLowerCase()
        .replace(/[?.!]+$/, '')
        .trim(),
    )
    .filter((q) => q.length >= 20);
  assert.ok(questions.length > 200, `expected the labelled sets, found ${questions.length} questions`);
  const code = [...files(join(root, 'src')), ...files(join(root, 'commands'))].map((file) => ({
    file,
    text: readFileSync(file, 'utf8').toLowerCase(),
  }));
  const quoted = code.flatMap(({ file, text }) => questions.filter((q) => text.includes(q)).map((q) => `${file}: "${q}"`));
  assert.deepEqual(quoted, []);
});

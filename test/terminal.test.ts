import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { runTerminal } from '../src/terminal.ts';
import { FakeDossier } from './discord/fake-dossier.ts';

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk) => (text += chunk));
  const done = runTerminal(new FakeDossier(), input, output);
  input.end(lines.map((line) => `${line}\n`).join(''));
  await done;
  return text;
}

test('GIVEN the terminal chat WHEN a question is typed THEN the answer and its numbered sources with quotes are printed', async () => {
  const out = await chat(['Where was Viktor Bout arrested?']);
  assert.match(out, /\[1\]/);
  assert.match(out, /Sources:\n {2}\[1\] 003_c464dfc57fd8e736\.txt — /);
  assert.match(out, /“Bout was detained in 2008 in Bangkok, Thailand/);
});

test('GIVEN the terminal chat WHEN /timeline, /sources and /help are typed THEN each works as in Discord', async () => {
  const out = await chat(['/timeline from:2010 to:2012', '/sources', '/help']);
  assert.match(out, /^2010 — /m);
  assert.doesNotMatch(out, /^2008 — /m);
  assert.match(out, /004_91ab4689b524ca48\.txt — Russia Intends to Intercede for Bout/);
  assert.match(out, /\/timeline \[from:YEAR\]/);
});

test('GIVEN bad input WHEN typed THEN the chat explains and keeps going until /quit', async () => {
  const out = await chat(['/bogus', '/timeline when:2010', '', '/quit', 'never answered']);
  assert.match(out, /Unknown command \/bogus/);
  assert.match(out, /Unknown timeline option "when"/);
  assert.doesNotMatch(out, /never answered|articles do not say/);
});

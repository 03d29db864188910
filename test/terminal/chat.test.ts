import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, it, test } from 'node:test';
import { createDossier } from '../../src/core/facade.ts';
import { formatReindexSummary } from '../../src/terminal/format-text.ts';
import { runTerminal } from '../../src/terminal/chat.ts';
import { fakeDeps, makeWorkspace, type Workspace } from '../core/fakes.ts';
import { FakeDossier } from '../discord/fake-dossier.ts';

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

describe('the chat and indexes built by other processes', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(() => ws.cleanup());

  const addArticle = () =>
    writeFileSync(join(ws.corpusDir, 'new.txt'), '# A new article\n\nThe court met on Monday to hear the appeal of the case.\n');

  it('GIVEN the chat open WHEN another process promotes a new index THEN the chat switches to it at once and says so', async () => {
    const dossier = await createDossier(fakeDeps(ws.config));
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk) => (text += chunk));
    const done = runTerminal(dossier, input, output, { dataDir: ws.dataDir });
    addArticle();
    const other = await createDossier(fakeDeps(ws.config));
    await other.close();
    const deadline = Date.now() + 10_000;
    while (!text.includes('Switched to') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match(
      text,
      /\nSwitched to the index another process built at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(6 articles, 33 chunks, 0 timeline events\)\.\n/,
    );
    input.end('/sources\n/quit\n');
    await done;
    assert.match(text, /^new\.txt — A new article · 1 chunks$/m);
    assert.equal(text.match(/Switched to/g)?.length, 1);
    await dossier.close();
  });

  it('GIVEN another process rebuilt the index WHEN a reindex runs before the switch was noticed THEN its report says it switched, then that nothing was left to rebuild', async () => {
    const dossier = await createDossier(fakeDeps(ws.config));
    addArticle();
    const other = await createDossier(fakeDeps(ws.config));
    await other.close();
    const summary = await dossier.reindex();
    assert.equal(summary.rebuilt, false);
    assert.equal(summary.adopted?.articles, 6);
    assert.match(
      formatReindexSummary(summary),
      /^Switched to the index another process built at .+ UTC \(6 articles, 33 chunks, 0 timeline events\)\. Index is up to date \(6 files, 33 chunks\); nothing to rebuild\.$/,
    );
    await dossier.close();
  });
});

test('GIVEN /timeline source: naming no article WHEN typed THEN the chat names it and points to /sources', async () => {
  const out = await chat(['/timeline source:nosuchfile.txt']);
  assert.match(out, /⚠ Unknown source "nosuchfile\.txt" \(source:\): no article in the corpus has that file name\. \/sources lists them\./);
});

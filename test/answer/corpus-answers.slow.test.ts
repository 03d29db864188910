// Slow model test: answers from a real index of the five corpus articles (packaged offline encoder), the shared one.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import type { Dossier } from '../../src/core/dossier.ts';
import { openDossier } from '../../src/core/open-dossier.ts';
import { realCli } from '../cli/cli-harness.ts';
import { copySharedIndex } from '../fixtures/shared-index.ts';

const root = new URL('../../', import.meta.url).pathname;
let dataDir: string;
let dossier: Dossier;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dossier-answers-'));
  await copySharedIndex(dataDir);
  const config = loadConfig({ DATA_DIR: dataDir, CORPUS_DIR: 'test/fixtures/corpus', EMBEDDINGS: 'use-lite' }, root);
  dossier = await openDossier(config, { notice: () => {}, warn: () => {} });
});

after(async () => {
  await dossier.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function quoteIsVerbatim(source: string, quote: string): Promise<boolean> {
  return (await readFile(join(root, 'test/fixtures/corpus', source), 'utf8')).includes(quote);
}

test('GIVEN the corpus WHEN asked where Bout was arrested THEN the answer cites an article saying Thailand/Bangkok with a verbatim quote', async () => {
  const answer = await dossier.ask('Where was Viktor Bout arrested?');
  assert.equal(answer.abstained, false);
  assert.match(answer.answer, /Thailand|Bangkok/);
  assert.match(answer.answer, /\[1\]/);
  assert.ok(answer.citations.length >= 1);
  for (const citation of answer.citations) {
    assert.match(citation.source, /^00\d_[0-9a-f]{16}\.txt$/);
    assert.ok(await quoteIsVerbatim(citation.source, citation.quote), `quote not verbatim: ${citation.quote}`);
  }
});

test('GIVEN a relative weekday in a dated article WHEN asked for the day THEN the answer gives the resolved date', async () => {
  const answer = await dossier.ask("On what day was Lavrov's 2012 Washington visit due to start?");
  assert.match(answer.answer, /April 11, 2012/);
  assert.equal(answer.citations[0]?.source, '004_91ab4689b524ca48.txt');
});

test('GIVEN questions the corpus cannot answer WHEN asked THEN the bot says so and lists the nearest articles', async () => {
  for (const question of [
    'Where was Viktor Bout born?',
    'Where is the best pizza in Naples?',
    'What was the name of the DEA agent who ran the sting against Bout?',
  ]) {
    const answer = await dossier.ask(question);
    assert.equal(answer.abstained, true, question);
    assert.match(answer.answer, /^The articles don't say/);
    assert.deepEqual(answer.citations, []);
    assert.ok((answer.nearest?.length ?? 0) > 0);
  }
});

test('GIVEN a comparison question WHEN asked THEN each side is cited from a different article', async () => {
  const answer = await dossier.ask('Do the articles agree on where Bout was arrested?');
  assert.equal(answer.abstained, false);
  assert.ok(new Set(answer.citations.map((c) => c.source)).size >= 2);
});

test('GIVEN the built index WHEN the timeline is asked for 2010 to 2012 THEN it lists the extradition, conviction and sentencing with sources', async () => {
  const events = await dossier.timeline({ from: '2010', to: '2012' });
  const dates = events.map((e) => e.date);
  assert.ok(dates.includes('2010'));
  assert.ok(dates.includes('2011-11'));
  assert.ok(dates.includes('2012-04-05'));
  assert.ok(events.every((e) => e.sources.length > 0 && e.date >= '2010' && e.date < '2013'));
});

test('GIVEN the CLI WHEN `ask --json` gets a question, or questions on stdin THEN it prints answer objects of the documented shape', async () => {
  const env = { DATA_DIR: dataDir, CORPUS_DIR: join(root, 'test/fixtures/corpus'), EMBEDDINGS: 'use-lite' };
  const single = await realCli(['ask', '--json', 'Where was Viktor Bout arrested?'], { env, cwd: root });
  assert.equal(single.code, 0, single.stderr);
  const answer = JSON.parse(single.stdout);
  for (const key of ['question', 'answer', 'abstained', 'citations', 'retrieved', 'timingsMs'])
    assert.ok(key in answer, `answer has no "${key}"`);
  // A citation is {n, source, title, date, quote}; title and date are there exactly when the article states them.
  const articles = new Map(dossier.sources().map((article) => [article.source, article]));
  answer.citations.forEach((citation: Record<string, unknown>, i: number) => {
    const article = articles.get(String(citation.source))!;
    assert.ok(article, `cites ${String(citation.source)}, which is not in the corpus`);
    const expected = {
      n: i + 1,
      source: article.source,
      ...(article.title ? { title: article.title } : {}),
      ...(article.date ? { date: article.date } : {}),
      quote: citation.quote,
    };
    assert.deepEqual(citation, expected);
    assert.equal(typeof citation.quote, 'string');
  });
  assert.ok(answer.retrieved.length > 0);
  for (const hit of answer.retrieved) {
    assert.deepEqual(Object.keys(hit).sort(), ['chunkId', 'score', 'source']);
    assert.ok(articles.has(hit.source) && typeof hit.chunkId === 'string' && typeof hit.score === 'number', JSON.stringify(hit));
  }

  const batch = await realCli(['ask', '--json'], {
    env,
    cwd: root,
    stdin: 'Where was Viktor Bout arrested?\nWhere was Viktor Bout born?\n',
  });
  assert.equal(batch.code, 0, batch.stderr);
  const lines = batch.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].abstained, false);
  assert.equal(lines[1].abstained, true);
});

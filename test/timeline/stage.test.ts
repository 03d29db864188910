import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ARTICLE_STORE_FILE } from '../../src/timeline/article-store-db.ts';
import { ARTICLE_TIMELINES_FILE } from '../../src/timeline/article-store-file.ts';
import { MemoryArticleTimelines } from '../../src/timeline/article-store.ts';
import { extractEvents } from '../../src/timeline/extract.ts';
import { buildTimeline, saveTimelineBuild } from '../../src/timeline/stage.ts';
import { makeArticle } from './make-article.ts';
import { first, second, stored, third } from './tunnel-articles.ts';

test('GIVEN a saved build WHEN an article is added THEN only that article is read and the timeline equals a fresh extraction of all', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stage-'));
  try {
    const before = await buildTimeline([first, second]);
    assert.deepEqual(before.extracted, ['first.txt', 'second.txt']);
    await saveTimelineBuild(dir, before);
    const after = await buildTimeline([first, second, third], dir);
    assert.deepEqual(after.extracted, ['third.txt']);
    assert.deepEqual(stored(after.events), stored(extractEvents([first, second, third])));
    // The 2019 opening now cites both reports.
    assert.deepEqual(
      after.events.find((event) => event.date === '2019-03-04')!.sources.map((source) => source.source),
      ['first.txt', 'third.txt'],
    );
    const removed = await buildTimeline([first, third], dir);
    assert.deepEqual(removed.extracted, ['third.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GIVEN a damaged per-article file of the old format WHEN building THEN every article is read again, without an error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stage-'));
  try {
    writeFileSync(join(dir, ARTICLE_TIMELINES_FILE), '{"version": "old", "articles": [');
    assert.deepEqual((await buildTimeline([first, second], dir)).extracted, ['first.txt', 'second.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GIVEN a stored record whose date readings are damaged WHEN building THEN that article is read again and the timeline is a fresh extraction', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stage-'));
  try {
    await saveTimelineBuild(dir, await buildTimeline([first, second]));
    const db = new Database(join(dir, ARTICLE_STORE_FILE));
    const row = db.prepare<[], { value: string }>("SELECT value FROM entries WHERE section = 'article' AND key = 'second.txt'").get()!;
    const record = { ...JSON.parse(row.value), memo: 'not readings' };
    db.prepare("UPDATE entries SET value = ? WHERE section = 'article' AND key = 'second.txt'").run(JSON.stringify(record));
    db.close();
    const build = await buildTimeline([first, second], dir);
    assert.deepEqual(build.extracted, ['second.txt']);
    assert.deepEqual(stored(build.events), stored(extractEvents([first, second])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GIVEN a stored extraction WHEN the same text comes under another file name THEN it is read again, since quotes cite the file', async () => {
  const store = new MemoryArticleTimelines();
  await buildTimeline([first], store);
  const renamed = { ...first, source: 'renamed.txt' };
  const build = await buildTimeline([renamed], store);
  assert.deepEqual(build.extracted, ['renamed.txt']);
  assert.deepEqual([...new Set(build.events.flatMap((event) => event.sources.map((source) => source.source)))], ['renamed.txt']);
});

test('GIVEN a store kept in memory WHEN built twice THEN the second build recalls every date reading of the first', async () => {
  const undated = makeArticle('undated.txt', 'Engineers reopened the estuary tunnel on Friday after the leak was fixed.');
  const reopened = makeArticle(
    'reopened.txt',
    'Engineers reopened the estuary tunnel on 12 June 2020 after the leak was fixed.',
    '2020-06-13',
  );
  const store = new MemoryArticleTimelines();
  const firstBuild = await buildTimeline([reopened, undated], store);
  assert.ok(firstBuild.computed > 0);
  const again = await buildTimeline([reopened, undated], store);
  assert.equal(again.computed, 0);
  assert.deepEqual(stored(again.events), stored(firstBuild.events));
});

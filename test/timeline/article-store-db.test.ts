import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTICLE_STORE_FILE, loadArticleTimelines, saveArticleTimelines } from '../../src/timeline/article-store-db.ts';
import { ARTICLE_TIMELINES_FILE } from '../../src/timeline/article-store-file.ts';
import type { ArticleTimeline } from '../../src/timeline/article-timeline.ts';
import { EXTRACTOR_VERSION } from '../../src/timeline/extractor-version.ts';
import { buildTimeline, saveTimelineBuild } from '../../src/timeline/stage.ts';
import { first, second, stored, third } from './tunnel-articles.ts';

function withDir(run: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-store-db-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test(
  'GIVEN an index with the old per-article JSON file WHEN a build reuses it and is saved THEN no article is read again, the database holds the extractions and the old file is gone',
  withDir(async (dir) => {
    const built = await buildTimeline([first, second]);
    writeFileSync(
      join(dir, ARTICLE_TIMELINES_FILE),
      JSON.stringify({ version: EXTRACTOR_VERSION, articles: built.records, assembly: built.assembly }),
    );
    const migrated = await buildTimeline([first, second], dir);
    assert.deepEqual(migrated.extracted, []);
    assert.deepEqual(stored(migrated.events), stored(built.events));
    const { report } = await saveTimelineBuild(dir, migrated);
    assert.equal(report.whole, true);
    assert.equal(existsSync(join(dir, ARTICLE_TIMELINES_FILE)), false);
    const again = await buildTimeline([first, second], dir);
    assert.deepEqual(again.extracted, []);
    assert.deepEqual(stored(again.events), stored(built.events));
  }),
);

test(
  'GIVEN a database that is not one (damaged bytes) WHEN building and saving THEN every article is read again, without an error, and the database is written anew',
  withDir(async (dir) => {
    writeFileSync(join(dir, ARTICLE_STORE_FILE), 'this is not an SQLite database, only some bytes where one should be');
    const build = await buildTimeline([first, second], dir);
    assert.deepEqual(build.extracted, ['first.txt', 'second.txt']);
    const { report } = await saveTimelineBuild(dir, build);
    assert.equal(report.whole, true);
    assert.deepEqual((await buildTimeline([first, second], dir)).extracted, []);
  }),
);

test(
  'GIVEN the snapshot of the last save WHEN saved again with the very records and state pieces it holds and one article more THEN only that article and its size entry are examined, the rest recalled by identity',
  withDir(async (dir) => {
    const { snapshot } = await saveTimelineBuild(dir, await buildTimeline([first, second]));
    const [extra] = (await buildTimeline([third])).records;
    const assembly = snapshot.assembly!;
    const records = [...snapshot.records.values(), extra!];
    const next = { ...assembly, sizes: { ...assembly.sizes, [extra!.checksum]: 1 } };
    const { report, snapshot: after } = await saveArticleTimelines(
      dir,
      { events: [...snapshot.events.values()].map((row) => row.value!), records, assembly: next },
      snapshot,
    );
    assert.equal(report.whole, false);
    assert.equal(report.examined, 2);
    assert.deepEqual([report.sections.article, report.sections.sizes, report.sections.events ?? 0], [1, 1, 0]);
    // What it leaves is what reading the database gives.
    const reread = (await loadArticleTimelines(dir)).snapshot!;
    assert.deepEqual([...reread.state.keys()].sort(), [...after.state.keys()].sort());
    assert.deepEqual(reread.assembly, next);
  }),
);

test(
  'GIVEN the snapshot of the last save WHEN one article is added and saved THEN only its row, the assembly rows it changed and the head are written',
  withDir(async (dir) => {
    const { snapshot, report: whole } = await saveTimelineBuild(dir, await buildTimeline([first, second]));
    assert.equal(whole.whole, true);
    const added = await buildTimeline([first, second, third], dir, { incremental: true, held: snapshot });
    assert.deepEqual(added.extracted, ['third.txt']);
    const { report, snapshot: next } = await saveTimelineBuild(dir, added);
    assert.equal(report.whole, false);
    assert.equal(report.sections.article, 1);
    assert.equal(report.sections.meta, 3);
    // The two articles kept are not written again (the whole store wrote all three sections' rows).
    assert.equal(whole.sections.article, 2);
    // Read back from disk (no snapshot held), the rows give the same timeline.
    const reread = await buildTimeline([first, second, third], dir, { incremental: true });
    assert.deepEqual(reread.extracted, []);
    assert.deepEqual(stored(reread.events), stored(added.events));
    // Removing it deletes its row.
    const removed = await buildTimeline([first, second], dir, { incremental: true, held: next });
    const removal = (await saveTimelineBuild(dir, removed)).report;
    assert.equal(removal.whole, false);
    assert.equal(removal.sections.article ?? 0, 0);
    assert.ok(removal.deleted >= 1);
  }),
);

test(
  'GIVEN the snapshot of the last save WHEN only an article’s date readings change THEN the save writes its readings’ row, not its extraction, and the database gives the new readings back',
  withDir(async (dir) => {
    const built = await buildTimeline([first, second]);
    const [a, b] = built.records as [ArticleTimeline, ArticleTimeline];
    const { snapshot } = await saveArticleTimelines(dir, { ...built, records: [{ ...a, memo: { 'redate|2008-03-07': [null] } }, b] });
    const readings = { 'redate|2008-03-07': [null], 'redate|2009-03-07': [{ date: '2009-03-05', precision: 'day' }] };
    const { report } = await saveArticleTimelines(
      dir,
      { ...built, records: [{ ...snapshot.records.get(a.checksum)!, memo: readings }, b] },
      snapshot,
    );
    assert.equal(report.whole, false);
    assert.deepEqual(report.sections, { memo: 1, meta: 3 });
    const reread = await loadArticleTimelines(dir);
    assert.deepEqual(reread.store.get(a.checksum)?.memo, readings);
    assert.deepEqual(stored(reread.store.get(a.checksum)?.events), stored(a.events));
    // An article without readings has no row of them.
    assert.deepEqual(b.memo ?? {}, {});
    assert.equal(reread.store.get(b.checksum)?.memo, undefined);
    // Its readings dropped, the row goes; the article goes with its readings.
    const [keptA, keptB] = [reread.store.get(a.checksum)!, reread.store.get(b.checksum)!];
    const { report: dropped, snapshot: after } = await saveArticleTimelines(
      dir,
      { ...built, records: [{ ...keptA, memo: {} }, keptB] },
      reread.snapshot,
    );
    assert.deepEqual([dropped.sections.article ?? 0, dropped.sections.memo ?? 0, dropped.deleted], [0, 0, 1]);
    assert.equal((await loadArticleTimelines(dir)).store.get(a.checksum)?.memo, undefined);
    const { snapshot: last } = await saveArticleTimelines(dir, { ...built, records: [{ ...keptA, memo: readings }, keptB] }, after);
    const { report: removal } = await saveArticleTimelines(dir, { ...built, records: [keptB] }, last);
    assert.equal(removal.deleted, 2);
  }),
);

test(
  'GIVEN a held snapshot WHEN another save changed the database since THEN it is not used: the load reads the database and the save writes every row',
  withDir(async (dir) => {
    const { snapshot } = await saveTimelineBuild(dir, await buildTimeline([first, second]));
    await saveTimelineBuild(dir, await buildTimeline([first, third], dir));
    const loaded = await loadArticleTimelines(dir, snapshot);
    assert.notEqual(loaded.snapshot?.token, snapshot.token);
    assert.ok(loaded.store.get('third.txt'));
    const build = await buildTimeline([first, second], dir, { held: snapshot });
    assert.deepEqual(build.extracted, ['second.txt']);
    assert.equal((await saveArticleTimelines(dir, build, snapshot)).report.whole, true);
  }),
);

test(
  'GIVEN a save that fails partway (a record that cannot be written) WHEN the database is read THEN it is the previous save, whole',
  withDir(async (dir) => {
    const before = await buildTimeline([first, second]);
    const { snapshot } = await saveTimelineBuild(dir, before);
    const after = await buildTimeline([first, second, third], dir, { held: snapshot });
    const broken = after.records.map((record) => (record.source === 'third.txt' ? { ...record, events: [{ at: 1n }] } : record));
    await assert.rejects(saveArticleTimelines(dir, { ...after, records: broken as typeof after.records }, snapshot), /BigInt/);
    const reread = await buildTimeline([first, second], dir);
    assert.deepEqual(reread.extracted, []);
    assert.deepEqual(stored(reread.events), stored(before.events));
  }),
);

test(
  'GIVEN a process killed in the middle of writing the database WHEN it is read THEN the previous save is read whole, never a mix',
  withDir(async (dir) => {
    const before = await buildTimeline([first, second]);
    await saveTimelineBuild(dir, before);
    // A writer that empties the table and writes a new head, its pages already in the file (a one-page cache
    // spills them before the commit), then dies: what is left is a hot journal.
    const writer = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.pragma('cache_size = 1');
      db.exec('BEGIN');
      db.exec("DELETE FROM entries");
      const put = db.prepare("INSERT INTO entries (section, key, value) VALUES (?, ?, ?)");
      for (let i = 0; i < 200; i++) put.run('article', 'half-' + i, JSON.stringify({ text: 'x'.repeat(2000) }));
      put.run('meta', 'token', 'half-written');
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['-e', writer, join(dir, ARTICLE_STORE_FILE)], { cwd: process.cwd() });
    assert.equal(child.signal, 'SIGKILL', child.stderr.toString());
    assert.equal(existsSync(join(dir, `${ARTICLE_STORE_FILE}-journal`)), true);
    const reread = await buildTimeline([first, second], dir);
    assert.deepEqual(reread.extracted, []);
    assert.deepEqual(stored(reread.events), stored(before.events));
  }),
);

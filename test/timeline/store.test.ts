import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IndexError } from '../../src/errors.ts';
import Database from 'better-sqlite3';
import { ARTICLE_STORE_FILE, saveArticleTimelines, type ArticleStoreSnapshot } from '../../src/timeline/article-store-db.ts';
import { loadTimeline } from '../../src/timeline/store.ts';
import { TIMELINE_FILE } from '../../src/timeline/timeline-file.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';

const events: TimelineEvent[] = [
  {
    id: 'ev-1',
    date: '2023-04-07',
    precision: 'day',
    approximate: false,
    summary: 'Viktor Bout urged Trump to seek refuge in Russia',
    kind: 'said',
    people: ['Viktor Bout', 'Donald Trump'],
    places: ['Russia'],
    sources: [{ source: '000.txt', quote: 'Bout, on Friday, urged Trump.', start: 17, end: 46 }],
    resolution: '000.txt: “on Friday”: the Friday before 2023-04-09',
  },
  {
    id: 'ev-2',
    date: '2022-12',
    precision: 'month',
    approximate: true,
    summary: 'Bout swapped for Griner',
    kind: 'occurred',
    people: [],
    places: [],
    sources: [{ source: '001.txt', quote: 'q', start: 0, end: 1 }],
    conflict: 'the spelling differs',
  },
];

async function withDir(run: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-timeline-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const rejectsWith = (reason: IndexError['reason']) => (error: unknown) => error instanceof IndexError && error.reason === reason;

/** The events in timeline order, as the merge gives them. */
const inOrder = [events[1]!, events[0]!];

const save = (dir: string, list: TimelineEvent[], base?: ArticleStoreSnapshot) =>
  saveArticleTimelines(dir, { events: list, records: [] }, base);

function sqlite(dir: string, run: (db: Database.Database) => void): void {
  const db = new Database(join(dir, ARTICLE_STORE_FILE));
  try {
    run(db);
  } finally {
    db.close();
  }
}

test('GIVEN saved events WHEN loaded THEN they come back equal, in order, and the database is the only file', () =>
  withDir(async (dir) => {
    await save(dir, inOrder);
    assert.deepEqual(await loadTimeline(dir), inOrder);
    assert.deepEqual(await readdir(dir), [ARTICLE_STORE_FILE]);
    await save(dir, []);
    assert.deepEqual(await loadTimeline(dir), []);
  }));

test('GIVEN the snapshot of the last save WHEN one event changes, one is added and one is gone THEN only those rows are written or deleted', () =>
  withDir(async (dir) => {
    const { snapshot } = await save(dir, inOrder);
    const changed = { ...events[0]!, summary: 'Bout urged Trump to seek refuge' };
    const added = { ...events[0]!, id: 'ev-3', date: '2024', precision: 'year' as const };
    const { report, snapshot: next } = await save(dir, [changed, added], snapshot);
    assert.deepEqual([report.whole, report.sections.events, report.deleted], [false, 2, 1]);
    assert.deepEqual(await loadTimeline(dir), [changed, added]);
    // The very events of the last save are not written again.
    const { report: same } = await save(dir, [changed, added], next);
    assert.deepEqual([same.sections.events ?? 0, same.deleted], [0, 0]);
  }));

test('GIVEN two events at the same place (date, first source and offset) WHEN saved THEN they are read back in the order saved, either way', () =>
  withDir(async (dir) => {
    const twin = { ...events[0]!, id: 'ev-twin', summary: 'Bout spoke again' };
    for (const list of [
      [events[0]!, twin],
      [twin, events[0]!],
    ]) {
      await save(dir, list);
      assert.deepEqual(await loadTimeline(dir), list);
    }
  }));

test('GIVEN no timeline WHEN loading THEN an IndexError missing says to reindex', () =>
  withDir(async (dir) => {
    await assert.rejects(loadTimeline(dir), rejectsWith('missing'));
    await assert.rejects(loadTimeline(dir), /reindex/);
  }));

test('GIVEN a stored event that is malformed or not JSON WHEN loading THEN an IndexError corrupt names the field', () =>
  withDir(async (dir) => {
    await save(dir, inOrder);
    sqlite(dir, (db) => db.prepare('UPDATE events SET event = ?').run(JSON.stringify({ ...events[0], date: '2023-04' })));
    await assert.rejects(
      loadTimeline(dir),
      (error: unknown) => rejectsWith('corrupt')(error) && /events\.0: date does not match its precision/.test((error as Error).message),
    );
    sqlite(dir, (db) => db.prepare('UPDATE events SET event = ?').run('{"id": '));
    await assert.rejects(loadTimeline(dir), rejectsWith('corrupt'));
  }));

test('GIVEN events stored in another timeline format WHEN loading THEN an IndexError corrupt says to reindex, so the index is rebuilt', () =>
  withDir(async (dir) => {
    await save(dir, inOrder);
    sqlite(dir, (db) => db.prepare("UPDATE entries SET value = '4' WHERE section = 'meta' AND key = 'timeline'").run());
    await assert.rejects(
      loadTimeline(dir),
      (error: unknown) =>
        rejectsWith('corrupt')(error) && /timeline format 4, this one reads 3\): rebuild the index/.test((error as Error).message),
    );
  }));

test('GIVEN an index from before the event rows (a timeline.json) WHEN loaded THEN its events are read; WHEN a save writes the database THEN the file is gone and the rows are read', () =>
  withDir(async (dir) => {
    await writeFile(join(dir, TIMELINE_FILE), JSON.stringify({ version: 2, events: inOrder }, null, 1));
    assert.deepEqual(await loadTimeline(dir), inOrder);
    await save(dir, [events[1]!]);
    assert.deepEqual(await readdir(dir), [ARTICLE_STORE_FILE]);
    assert.deepEqual(await loadTimeline(dir), [events[1]!]);
  }));

test('GIVEN a timeline.json with a malformed event WHEN loading THEN an IndexError corrupt names the field', () =>
  withDir(async (dir) => {
    const bad = [{ ...events[0], date: '2023-04' }];
    await writeFile(join(dir, TIMELINE_FILE), JSON.stringify({ version: 2, events: bad }));
    await assert.rejects(
      loadTimeline(dir),
      (error: unknown) => rejectsWith('corrupt')(error) && /events\.0: date does not match its precision/.test((error as Error).message),
    );
    await writeFile(join(dir, TIMELINE_FILE), JSON.stringify({ version: 2, events: [{ ...events[0], sources: [] }] }));
    await assert.rejects(loadTimeline(dir), rejectsWith('corrupt'));
    await writeFile(join(dir, TIMELINE_FILE), JSON.stringify([events[0]]));
    await assert.rejects(loadTimeline(dir), rejectsWith('corrupt'));
    await writeFile(join(dir, TIMELINE_FILE), '{"version": 2, "events": [');
    await assert.rejects(loadTimeline(dir), rejectsWith('corrupt'));
  }));

test('GIVEN a timeline.json of an older format WHEN loading THEN an IndexError corrupt says to reindex, so the index is rebuilt', () =>
  withDir(async (dir) => {
    await writeFile(join(dir, TIMELINE_FILE), JSON.stringify({ version: 1, events: [] }));
    await assert.rejects(
      loadTimeline(dir),
      (error: unknown) =>
        rejectsWith('corrupt')(error) && /timeline format 1, this one reads 2\): rebuild the index/.test((error as Error).message),
    );
  }));

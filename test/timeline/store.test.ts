import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IndexError } from '../../src/errors.ts';
import { loadTimeline, saveTimeline, TIMELINE_FILE } from '../../src/timeline/store.ts';
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

test('GIVEN saved events WHEN loaded THEN they come back equal and no temporary file is left', () =>
  withDir(async (dir) => {
    await saveTimeline(dir, events);
    assert.deepEqual(await loadTimeline(dir), events);
    assert.deepEqual(await readdir(dir), [TIMELINE_FILE]);
  }));

test('GIVEN events saved before WHEN saved again with one changed and one new THEN the file is byte for byte the whole list serialised at once', () =>
  withDir(async (dir) => {
    const whole = (list: TimelineEvent[]) => `${JSON.stringify({ version: 2, events: list }, null, 1)}\n`;
    await saveTimeline(dir, events);
    assert.equal(await readFile(join(dir, TIMELINE_FILE), 'utf8'), whole(events));
    // The first event's text is kept from the save before; the changed and the new one are made now.
    const next = [
      events[0]!,
      { ...events[1]!, summary: 'Bout was swapped for Griner in Abu Dhabi' },
      { ...events[0]!, id: 'ev-3', people: [] },
    ];
    await saveTimeline(dir, next);
    assert.equal(await readFile(join(dir, TIMELINE_FILE), 'utf8'), whole(next));
    assert.deepEqual(await loadTimeline(dir), next);
    await saveTimeline(dir, []);
    assert.equal(await readFile(join(dir, TIMELINE_FILE), 'utf8'), whole([]));
  }));

test('GIVEN no timeline.json WHEN loading THEN an IndexError missing says to reindex', () =>
  withDir(async (dir) => {
    await assert.rejects(loadTimeline(dir), rejectsWith('missing'));
    await assert.rejects(loadTimeline(dir), /reindex/);
  }));

test('GIVEN a timeline.json that is not JSON WHEN loading THEN an IndexError corrupt is thrown', () =>
  withDir(async (dir) => {
    await writeFile(join(dir, TIMELINE_FILE), '{"version": 1, "events": [');
    await assert.rejects(loadTimeline(dir), rejectsWith('corrupt'));
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

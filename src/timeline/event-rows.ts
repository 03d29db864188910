// The merged events as rows of the extractions' database, one per event, keyed by its place in the timeline: a
// corpus change writes the events it makes and deletes those it ends, in the transaction that saves its extractions.
import type Database from 'better-sqlite3';
import { comparePlaces, placeOf, type EventPlace } from './event-order.ts';
import type { TimelineEvent } from './types.ts';

/**
 * The timeline's database in an index directory: the merged events, and the per-article extractions
 * (`article-store-db.ts`). Named here, where loading the timeline (`store.ts`) finds it without importing the
 * extractions' reader, which imports the assembly and, through it, the parsers.
 */
export const ARTICLE_STORE_FILE = 'article-timelines.sqlite';

/** The table of the merged events. Its format is the `timeline` row of the database's meta section. */
export const EVENTS_SCHEMA = 'CREATE TABLE IF NOT EXISTS events (place TEXT PRIMARY KEY, event TEXT NOT NULL) WITHOUT ROWID';

/** Format 3: the events as rows (format 2 was the whole timeline in `timeline.json`). */
export const EVENTS_FORMAT = '3';

/** Each event row as a process read or wrote it, by place: the JSON stored, and the event it was made from, if known. */
export type StoredEvents = ReadonlyMap<string, { value?: TimelineEvent; json: string }>;

/** What writing the events did: the rows written and deleted, and the rows as they now stand. */
export interface EventRowsWritten {
  written: number;
  deleted: number;
  rows: StoredEvents;
}

/**
 * Writes `events` (in timeline order) as rows, inside the caller's transaction: given `base`, the rows as they
 * stand, only events that differ from the row at their place are written and only places left empty deleted;
 * without it every row is written anew. An event recalled from the last change is the very object of its row.
 */
export function writeEventRows(db: Database.Database, events: TimelineEvent[], base?: StoredEvents): EventRowsWritten {
  db.exec(EVENTS_SCHEMA);
  if (!base) db.exec('DELETE FROM events');
  const upsert = db.prepare<[string, string]>('INSERT OR REPLACE INTO events (place, event) VALUES (?, ?)');
  const remove = db.prepare<[string]>('DELETE FROM events WHERE place = ?');
  const rows = new Map<string, { value: TimelineEvent; json: string }>();
  let written = 0;
  let deleted = 0;
  events.forEach((event, i) => {
    const place = placeKey(events, i);
    const before = base?.get(place);
    if (before?.value === event) {
      rows.set(place, { value: event, json: before.json });
      return;
    }
    const json = JSON.stringify(event);
    if (before?.json !== json) {
      upsert.run(place, json);
      written++;
    }
    rows.set(place, { value: event, json });
  });
  for (const place of base?.keys() ?? []) if (!rows.has(place)) deleted += remove.run(place).changes;
  return { written, deleted, rows };
}

/**
 * `rows` with each of `events` (in timeline order) that is what its row holds bound to that row: a save of a change
 * made after then finds the events it recalls by identity instead of encoding them again.
 */
export function bindEventRows(rows: StoredEvents, events: TimelineEvent[]): StoredEvents {
  const bound = new Map(rows);
  events.forEach((event, i) => {
    const place = placeKey(events, i);
    const row = rows.get(place);
    if (row && row.value !== event && row.json === JSON.stringify(event)) bound.set(place, { value: event, json: row.json });
  });
  return bound;
}

/** The event rows as stored, by place (for the snapshot a change compares with); none when there is no table. */
export function readEventRows(db: Database.Database): Map<string, { json: string }> {
  const rows = new Map<string, { json: string }>();
  if (!hasEventsTable(db)) return rows;
  for (const { place, event } of db.prepare<[], { place: string; event: string }>('SELECT place, event FROM events').iterate())
    rows.set(place, { json: event });
  return rows;
}

/** The stored events' JSON in timeline order, or undefined when the database has no events table. */
export function readTimelineRows(db: Database.Database): string[] | undefined {
  if (!hasEventsTable(db)) return undefined;
  const rows = [...readEventRows(db)].map(([place, { json }]) => ({ place: parsePlace(place), json }));
  return rows.sort((a, b) => comparePlaces(a.place, b.place) || a.place.tie - b.place.tie).map((row) => row.json);
}

function hasEventsTable(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined;
}

/**
 * The key of the `i`th event: its place, and its rank among the events just before it at the same place (two
 * events of one date whose first source is the same clause: rare, none in the corpora measured), so that the order
 * read back is exactly the order written.
 */
function placeKey(events: TimelineEvent[], i: number): string {
  const place = placeOfEvent(events[i]!);
  let tie = 0;
  while (i - tie - 1 >= 0 && comparePlaces(placeOfEvent(events[i - tie - 1]!), place) === 0) tie++;
  return tie === 0 ? place.key : JSON.stringify([place.date, place.source, place.start, tie]);
}

// An event is never changed once made: its place, and the key of that place with no tie, are kept by it, so a save
// that meets the events of the last one again encodes only the places of the events the change made.
const places = new WeakMap<TimelineEvent, EventPlace & { key: string }>();

function placeOfEvent(event: TimelineEvent): EventPlace & { key: string } {
  let place = places.get(event);
  if (!place) {
    const { date, source, start } = placeOf(event);
    places.set(event, (place = { date, source, start, key: JSON.stringify([date, source, start, 0]) }));
  }
  return place;
}

function parsePlace(key: string): EventPlace & { tie: number } {
  const [date, source, start, tie] = JSON.parse(key) as [string, string, number, number];
  return { date, source, start, tie };
}

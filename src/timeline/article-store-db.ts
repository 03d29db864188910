import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadLegacyArticleTimelines, removeLegacyArticleTimelines } from './article-store-file.ts';
import { LayeredArticleTimelines, MemoryArticleTimelines, type ArticleTimelineStore } from './article-store.ts';
import type { ArticleTimeline, AssemblyMemoTable } from './article-timeline.ts';
import type { AssemblyState } from './assembly-state.ts';
import { isStateSection, keyedParts, stateFromRows, stateRowCount, stateRows, wholeRows, type StateRow } from './assembly-state-rows.ts';
import { ARTICLE_STORE_FILE, EVENTS_FORMAT, readEventRows, writeEventRows, type StoredEvents } from './event-rows.ts';
import { EXTRACTOR_VERSION } from './extractor-version.ts';
import type { HeldAssembly } from './held-assembly.ts';
import { recordWellFormed, stateWellFormed } from './stored-shape.ts';
import { removeTimelineFile } from './timeline-file.ts';
import type { TimelineEvent } from './types.ts';

export { ARTICLE_STORE_FILE };

// One row per article extraction (section 'article', keyed by checksum), one per article's date readings
// (section 'memo': they change when a change brings new candidate dates, while the extraction does not, so such a
// change rewrites the small row, not the article's), one per piece of the assembly state
// (`assembly-state-rows.ts`), plus the extractor version and a token drawn anew by every save (what tells a
// process holding a snapshot that the database is still the one it read or wrote). The merged events are rows of
// a table of their own (`event-rows.ts`): they are the index's timeline, not a cache, and outlive an extractor change.
const SCHEMA = `CREATE TABLE IF NOT EXISTS entries (
  section TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (section, key)) WITHOUT ROWID`;

/**
 * What a save wrote: rows written (in all and by section) and deleted, whether the store was written whole, and how
 * many articles and state entries it had to examine (encode or compare field by field) because they were not the
 * very objects of the snapshot it saved over: what a change's save costs beyond its writes.
 */
export interface SaveReport {
  written: number;
  deleted: number;
  whole: boolean;
  sections: Record<string, number>;
  examined: number;
}

/**
 * The database's rows as one process read or wrote them, tagged with the token of that save. A process that keeps
 * the one its last save gave (`SavedArticleTimelines`) hands it to the next load and save: while the database
 * still carries its token, the load reads nothing and the save writes only the rows that differ from it.
 */
export interface ArticleStoreSnapshot {
  readonly token: string;
  readonly records: ReadonlyMap<string, ArticleTimeline>;
  /** Every article row's key, well-formed or not (what a save must delete when its article is gone). */
  readonly articleKeys: ReadonlySet<string>;
  /** Each state row as stored, by section and key: its value and the JSON it was stored as. */
  readonly state: ReadonlyMap<string, { value: unknown; json: string }>;
  readonly assembly?: AssemblyState;
  /** The merged events' rows as stored (`event-rows.ts`). */
  readonly events: StoredEvents;
  /** What the assemblies of the process that holds the snapshot keep in memory (`held-assembly.ts`), never stored. */
  readonly heldAssembly?: HeldAssembly;
}

/** The extractions of an index as a store, with the snapshot they were read from (none for a legacy or empty one). */
export interface LoadedArticleTimelines {
  store: ArticleTimelineStore;
  snapshot?: ArticleStoreSnapshot;
}

/** What a save wrote, and the snapshot of the database it left (for the next load and save). */
export interface SavedArticleTimelines {
  report: SaveReport;
  snapshot: ArticleStoreSnapshot;
}

/**
 * The per-article extractions saved in index `dir`, as a store. They are a cache: a missing, damaged or older
 * database gives an empty store (every article is extracted again), never an error. An index written before the
 * database existed has its old file read instead (`article-store-file.ts`), once: the next save writes the
 * database and removes that file. A `held` snapshot the database still carries the token of is used as it is.
 * Given `pause`, the rows are read in turns of the event loop, in one read transaction (a save by another process
 * waits for its end, as for any reader).
 */
export async function loadArticleTimelines(dir: string, held?: ArticleStoreSnapshot, pause?: Pause): Promise<LoadedArticleTimelines> {
  const path = join(dir, ARTICLE_STORE_FILE);
  if (!existsSync(path)) return { store: await loadLegacyArticleTimelines(dir) };
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    // One read transaction: the head, the events and the rows are of one save (closing the database ends it).
    db.exec('BEGIN');
    const head = readHead(db);
    // No head: the database was being created when the process died; the old file, if any, is still there.
    if (!head) return { store: await loadLegacyArticleTimelines(dir) };
    if (head.version !== EXTRACTOR_VERSION) return { store: new MemoryArticleTimelines() };
    const snapshot = held?.token === head.token ? held : await readSnapshot(db, head, pause);
    // A layer of its own over the snapshot: what a build puts in it never changes the snapshot a caller holds.
    return { store: new LayeredArticleTimelines(snapshot.records, snapshot.assembly, snapshot.heldAssembly), snapshot };
  } catch {
    return { store: new MemoryArticleTimelines() };
  } finally {
    db?.close();
  }
}

/** What a save stores: the merged events (in timeline order), each article's extraction, the assembly's state. */
export interface TimelineRows {
  events: TimelineEvent[];
  records: ArticleTimeline[];
  assembly?: AssemblyState;
}

/**
 * Saves the timeline of an index, its events with the extractions of its articles and the state their assembly
 * kept, to `dir`, in one SQLite transaction: a reader, or a crash, finds the previous save or this one, never a
 * mix. Only rows that differ from `base` are written when the database still carries its token (it is the
 * snapshot this process last read or wrote); otherwise every row is written anew. Old-format files the database
 * replaces (`timeline.json`, `article-timelines.json`) are removed after the commit.
 */
export async function saveArticleTimelines(dir: string, saved: TimelineRows, base?: ArticleStoreSnapshot): Promise<SavedArticleTimelines> {
  let result: SavedArticleTimelines;
  try {
    result = writeRows(dir, saved, base);
  } catch (error) {
    if (!damaged(error)) throw error;
    // A damaged database is written anew: what it held is all in `saved`.
    await rm(join(dir, ARTICLE_STORE_FILE), { force: true });
    await rm(join(dir, `${ARTICLE_STORE_FILE}-journal`), { force: true });
    result = writeRows(dir, saved);
  }
  await Promise.all([removeLegacyArticleTimelines(dir), removeTimelineFile(dir)]);
  return result;
}

interface Snapshot extends ArticleStoreSnapshot {
  records: Map<string, ArticleTimeline>;
  articleKeys: Set<string>;
  state: Map<string, { value: unknown; json: string }>;
  assembly?: AssemblyState;
  events: StoredEvents;
}

function writeRows(dir: string, { events, records, assembly }: TimelineRows, held?: ArticleStoreSnapshot): SavedArticleTimelines {
  const db = new Database(join(dir, ARTICLE_STORE_FILE));
  let report: SaveReport;
  let next: Snapshot;
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    const head = readHead(db);
    const base = head && head.version === EXTRACTOR_VERSION && held?.token === head.token ? held : undefined;
    next = {
      token: randomUUID(),
      records: new Map(),
      articleKeys: new Set(),
      state: new Map(),
      ...(assembly ? { assembly } : {}),
      events: new Map(),
    };
    const upsert = db.prepare<[string, string, string]>('INSERT OR REPLACE INTO entries (section, key, value) VALUES (?, ?, ?)');
    const remove = db.prepare<[string, string]>('DELETE FROM entries WHERE section = ? AND key = ?');
    report = { written: 0, deleted: 0, whole: !base, sections: {}, examined: 0 };
    const write = (section: string, key: string, json: string) => {
      upsert.run(section, key, json);
      report.written++;
      report.sections[section] = (report.sections[section] ?? 0) + 1;
    };
    const removeRow = (section: string, key: string) => (report.deleted += remove.run(section, key).changes);
    db.transaction(() => {
      if (!base) db.exec('DELETE FROM entries');
      for (const record of records) {
        next.records.set(record.checksum, record);
        next.articleKeys.add(record.checksum);
        const before = base?.records.get(record.checksum);
        // A record the assembly recalled whole is the very object stored: nothing of it to compare or write.
        if (before === record) continue;
        report.examined++;
        const { memo, ...extraction } = record;
        if (!before || !sameExtraction(before, record)) write('article', record.checksum, JSON.stringify(extraction));
        // An article with no readings has no row of them.
        if (!before || !sameKeys(before.memo, memo)) {
          if (memo && Object.keys(memo).length > 0) write('memo', record.checksum, JSON.stringify(memo));
          else if (before) removeRow('memo', record.checksum);
        }
      }
      if (base)
        for (const key of base.articleKeys)
          if (!next.articleKeys.has(key)) for (const section of ['article', 'memo']) removeRow(section, key);
      next.state = assembly ? saveState(assembly, base, write, removeRow, report) : new Map();
      if (!assembly && base) for (const id of base.state.keys()) removeRow(...(id.split('\u0000') as [string, string]));
      const eventRows = writeEventRows(db, events, base?.events);
      next.events = eventRows.rows;
      report.written += eventRows.written;
      report.deleted += eventRows.deleted;
      if (eventRows.written > 0) report.sections.events = eventRows.written;
      write('meta', 'version', EXTRACTOR_VERSION);
      write('meta', 'timeline', EVENTS_FORMAT);
      write('meta', 'token', next.token);
    })();
  } finally {
    db.close();
  }
  return { report, snapshot: next };
}

/**
 * Writes the rows of `assembly` that differ from `base`'s and deletes those it no longer has; gives the state rows
 * as they now stand. A piece the assembly recalled is the very object stored, found by walking each keyed part
 * beside the stored one (an identity check an entry); one made again is compared by its JSON.
 */
function saveState(
  assembly: AssemblyState,
  base: ArticleStoreSnapshot | undefined,
  write: (section: string, key: string, json: string) => void,
  removeRow: (section: string, key: string) => void,
  report: SaveReport,
): Map<string, { value: unknown; json: string }> {
  // Walked beside only when its rows are exactly the stored ones (a row of another shape is left to the full pass).
  const stored = base?.assembly && stateRowCount(base.assembly) === base.state.size ? base.assembly : undefined;
  const state = new Map(base?.state);
  const put = (section: string, key: string, value: unknown) => {
    const id = rowId(section, key);
    const before = state.get(id);
    report.examined++;
    const json = JSON.stringify(value);
    if (before?.json !== json) write(section, key, json);
    state.set(id, { value, json });
  };
  if (!stored) {
    // No stored state to walk beside: every row is compared with the one stored under its key, if any.
    const ids = new Set<string>();
    for (const row of stateRows(assembly)) {
      ids.add(rowId(row.section, row.key));
      if (state.get(rowId(row.section, row.key))?.value !== row.value) put(row.section, row.key, row.value);
    }
    for (const id of [...state.keys()])
      if (!ids.has(id)) {
        removeRow(...(id.split('\u0000') as [string, string]));
        state.delete(id);
      }
    return state;
  }
  const storedWhole = wholeRows(stored);
  wholeRows(assembly).forEach(({ section, key, value }, i) => {
    if (storedWhole[i]!.value !== value) put(section, key, value);
  });
  const storedParts = keyedParts(stored);
  for (const [section, part] of keyedParts(assembly)) {
    const before = storedParts.get(section)!;
    if (before === part) continue;
    for (const key in part) if (part[key] !== before[key] || !(key in before)) put(section, key, part[key]);
    for (const key in before)
      if (!(key in part)) {
        removeRow(section, key);
        state.delete(rowId(section, key));
      }
  }
  return state;
}

interface Head {
  version: string;
  token: string;
}

function readHead(db: Database.Database): Head | undefined {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'").get();
  if (!hasTable) return undefined;
  const meta = new Map(
    db
      .prepare<[], { key: string; value: string }>("SELECT key, value FROM entries WHERE section = 'meta'")
      .all()
      .map((row) => [row.key, row.value]),
  );
  const [version, token] = [meta.get('version'), meta.get('token')];
  return version && token ? { version, token } : undefined;
}

/** Gives the event loop a turn (while a long-running process reads ahead of a change, `prepareTimelineChange`). */
export type Pause = () => Promise<void>;

/** How many rows are read between two turns given by a `pause`: a few milliseconds' worth. */
const ROWS_PER_TURN = 200;

async function readSnapshot(db: Database.Database, head: Head, pause?: Pause): Promise<Snapshot> {
  const snapshot: Snapshot = { token: head.token, records: new Map(), articleKeys: new Set(), state: new Map(), events: readEventRows(db) };
  const rows: StateRow[] = [];
  const memos = new Map<string, unknown>();
  let read = 0;
  for (const { section, key, value } of db
    .prepare<[], { section: string; key: string; value: string }>('SELECT section, key, value FROM entries')
    .iterate()) {
    if (pause && ++read % ROWS_PER_TURN === 0) await pause();
    if (section === 'article') {
      snapshot.articleKeys.add(key);
      const record = parse(value) as ArticleTimeline;
      if (recordWellFormed(record) && record.checksum === key) snapshot.records.set(key, record);
    } else if (section === 'memo') memos.set(key, parse(value));
    else if (isStateSection(section)) {
      const parsed = parse(value);
      rows.push({ section, key, value: parsed });
      snapshot.state.set(rowId(section, key), { value: parsed, json: value });
    }
  }
  for (const [key, memo] of memos) {
    const record = snapshot.records.get(key);
    if (!record) continue;
    const withMemo = { ...record, memo } as ArticleTimeline;
    // A memo that is not a table of readings is a cache lost: the record is used without it.
    if (recordWellFormed(withMemo)) snapshot.records.set(key, withMemo);
  }
  const assembly = stateFromRows(rows);
  if (stateWellFormed(assembly)) snapshot.assembly = assembly;
  return snapshot;
}

function damaged(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function rowId(section: string, key: string): string {
  return `${section}\u0000${key}`;
}

// A record the assembly recalled from the store keeps its events (the same arrays): its extraction is as stored.
function sameExtraction(before: ArticleTimeline, record: ArticleTimeline): boolean {
  if (before === record) return true;
  return (
    before.source === record.source &&
    before.checksum === record.checksum &&
    before.events === record.events &&
    before.pending === record.pending &&
    before.names === record.names &&
    before.monthDay === record.monthDay
  );
}

// Date readings are pure functions of their keys (`assembly-memo.ts`): the same keys mean the same readings.

function sameKeys(a: AssemblyMemoTable = {}, b: AssemblyMemoTable = {}): boolean {
  let count = 0;
  for (const key in a) {
    if (!(key in b)) return false;
    count++;
  }
  return count === Object.keys(b).length;
}

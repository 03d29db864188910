import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { describeError, IndexError } from '../errors.ts';
import { parseDate } from './calendar.ts';
import { ARTICLE_STORE_FILE, EVENTS_FORMAT, readTimelineRows } from './event-rows.ts';
import { readTimelineFile } from './timeline-file.ts';
import type { TimelineEvent } from './types.ts';

const eventSchema = z
  .object({
    id: z.string().min(1),
    date: z.string(),
    precision: z.enum(['day', 'month', 'year']),
    approximate: z.boolean(),
    summary: z.string(),
    kind: z.enum(['occurred', 'said', 'scheduled', 'background']),
    people: z.array(z.string()),
    places: z.array(z.string()),
    sources: z
      .array(z.object({ source: z.string().min(1), quote: z.string(), start: z.number().int().min(0), end: z.number().int().min(0) }))
      .min(1),
    resolution: z.string().optional(),
    conflict: z.string().optional(),
  })
  .refine((event) => parseDate(event.date)?.precision === event.precision, { message: 'date does not match its precision' });
const eventsSchema = z.array(eventSchema);

/**
 * Reads and validates the timeline of index `dir`: the event rows of its timeline database (written with the
 * extractions, `article-store-db.ts`), or, in an index written before them, its `timeline.json`.
 * @throws IndexError 'missing' without either, 'corrupt' when it is damaged or of another format.
 */
export async function loadTimeline(dir: string): Promise<TimelineEvent[]> {
  const path = join(dir, ARTICLE_STORE_FILE);
  const rows = existsSync(path) ? readStoredEvents(path) : undefined;
  const events = rows ?? (await readTimelineFile(dir));
  const parsed = eventsSchema.safeParse(events);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `events.${issue.path.join('.')}: ${issue.message}` : describeError(parsed.error);
    throw new IndexError(`The timeline of ${dir} is malformed (${where}): rebuild the index with a forced reindex.`, 'corrupt');
  }
  return parsed.data.map(stripUndefined);
}

/** The events stored in the database at `path`, parsed, unchecked; undefined when it has no events table. */
function readStoredEvents(path: string): unknown[] | undefined {
  let db: Database.Database | undefined;
  try {
    // Not read-only: a reader may have to roll back what a process that died mid-save left in the journal.
    db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const rows = readTimelineRows(db);
    if (!rows) return undefined;
    const format = db.prepare<[], { value: string }>("SELECT value FROM entries WHERE section = 'meta' AND key = 'timeline'").get()?.value;
    if (format !== EVENTS_FORMAT) {
      throw new IndexError(
        `${path} was written by another version of Dossier (timeline format ${format ?? 'unrecorded'}, this one reads ${EVENTS_FORMAT}): rebuild the index (reindex) to extract the timeline again.`,
        'corrupt',
      );
    }
    return rows.map((json) => JSON.parse(json) as unknown);
  } catch (cause) {
    if (cause instanceof IndexError) throw cause;
    throw new IndexError(`${path} cannot be read (${describeError(cause)}): rebuild the index with a forced reindex.`, 'corrupt', {
      cause,
    });
  } finally {
    db?.close();
  }
}

function stripUndefined(event: TimelineEvent): TimelineEvent {
  return Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined)) as unknown as TimelineEvent;
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { describeError, IndexError } from '../errors.ts';
import { writeFileAtomic } from '../files/write-atomic.ts';
import { parseDate } from './calendar.ts';
import type { TimelineEvent } from './types.ts';

/** The timeline's file in an index directory. */
export const TIMELINE_FILE = 'timeline.json';
// Format 2 added kinds said/scheduled/background, `approximate`, `people` and `places`.
const VERSION = 2;

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
const fileSchema = z.object({ version: z.literal(VERSION), events: z.array(eventSchema) });

/**
 * Writes the events to `timeline.json` in `dir`, through a temporary file so a reader never sees half of it. The
 * file stays whole: every reader loads and checks all of it (`loadTimeline`), and it is written once per change.
 */
export async function saveTimeline(dir: string, events: TimelineEvent[]): Promise<void> {
  const path = join(dir, TIMELINE_FILE);
  await writeFileAtomic(path, timelineBytes(events));
}

// An event is never changed once made (the merge recalls the very objects): its part of the file, encoded, is
// kept by it, so a corpus change serialises and encodes only the events it makes, and copies the rest.
const eventBytes = new WeakMap<TimelineEvent, Buffer>();
const SEPARATOR = Buffer.from(',\n  ');
const HEAD = Buffer.from(`{\n "version": ${VERSION},\n "events": [\n  `);
const TAIL = Buffer.from('\n ]\n}\n');

/** The file's bytes: `JSON.stringify({ version, events }, null, 1)` and a newline in UTF-8, each event's part made once. */
export function timelineBytes(events: TimelineEvent[]): Buffer {
  if (events.length === 0) return Buffer.from(`${JSON.stringify({ version: VERSION, events }, null, 1)}\n`);
  const parts: Buffer[] = [HEAD];
  events.forEach((event, i) => {
    let bytes = eventBytes.get(event);
    if (bytes === undefined) {
      // Two levels down (the file's object, its array), one space each: every line of the event moves right by two.
      bytes = Buffer.from(JSON.stringify(event, null, 1).replaceAll('\n', '\n  '));
      eventBytes.set(event, bytes);
    }
    if (i > 0) parts.push(SEPARATOR);
    parts.push(bytes);
  });
  parts.push(TAIL);
  return Buffer.concat(parts);
}

/** Reads and validates `timeline.json` in `dir`. @throws IndexError 'missing' without one, 'corrupt' when it is damaged. */
export async function loadTimeline(dir: string): Promise<TimelineEvent[]> {
  const path = join(dir, TIMELINE_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new IndexError(`No ${TIMELINE_FILE} in ${dir}: rebuild the index (reindex) to create the timeline.`, 'missing', { cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new IndexError(`${path} is not valid JSON (the file is damaged): rebuild the index with a forced reindex.`, 'corrupt', { cause });
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== VERSION) {
    throw new IndexError(
      `${path} was written by another version of Dossier (timeline format ${version}, this one reads ${VERSION}): rebuild the index (reindex) to extract the timeline again.`,
      'corrupt',
    );
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : describeError(parsed.error);
    throw new IndexError(`${path} is malformed (${where}): rebuild the index with a forced reindex.`, 'corrupt');
  }
  return parsed.data.events.map(stripUndefined);
}

function stripUndefined(event: TimelineEvent): TimelineEvent {
  return Object.fromEntries(Object.entries(event).filter(([, value]) => value !== undefined)) as unknown as TimelineEvent;
}

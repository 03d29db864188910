import type { Dossier } from './dossier.ts';
import { UserError } from '../errors.ts';
import { describeSelection } from '../timeline/query.ts';
import type { TimelineEvent, TimelineQuery } from '../timeline/types.ts';

/** The timeline lookups every adapter offers, with what each takes: one list for the CLI, the terminal and Discord. */
export const TIMELINE_OPTIONS = [
  { name: 'from', description: 'From this year or date, e.g. 2010 or 2010-05-01' },
  { name: 'to', description: 'Up to this year or date, e.g. 2012' },
  { name: 'around', description: 'What happened around a date, e.g. 2012-04-05 or "April 2012"' },
  { name: 'person', description: 'Only events involving this person (a name or a surname)' },
  { name: 'place', description: 'Only events involving this place (a city or a country)' },
  { name: 'topic', description: 'Only events about this, e.g. extradition' },
  { name: 'source', description: 'Only events from this article (its file name)' },
] as const satisfies readonly { name: keyof TimelineQuery; description: string }[];

const KEYS: readonly string[] = TIMELINE_OPTIONS.map((option) => option.name);

/** `node:util` parseArgs options for the CLI's `timeline` flags (`--from`, `--person`, ...). */
export const TIMELINE_FLAGS = Object.fromEntries(TIMELINE_OPTIONS.map((option) => [option.name, { type: 'string' as const }])) as Record<
  (typeof TIMELINE_OPTIONS)[number]['name'],
  { type: 'string' }
>;

/** The CLI usage line of `timeline`. */
export const TIMELINE_USAGE = `timeline [--json] ${TIMELINE_OPTIONS.map((option) => `[--${option.name} ${option.name === 'source' ? 'FILE' : 'X'}]`).join(' ')}`;

/** A query from parsed flags or options; blank values are no filter. */
export function timelineQuery(values: Partial<Record<string, unknown>>): TimelineQuery {
  const query: TimelineQuery = {};
  for (const key of KEYS) {
    const value = values[key];
    if (typeof value === 'string' && value.trim()) query[key as keyof TimelineQuery] = value.trim();
  }
  return query;
}

/**
 * Parses "from:2010 to:2012 person:Lavrov" (the terminal's /timeline syntax) into a query. What stands outside
 * the options reads as people type it: a year ("2008") or a range of years ("2008-2012", "2008 to 2012") is the
 * period, other words ("extradition") the topic.
 */
export function parseTimelineOptions(text: string): TimelineQuery {
  const query: TimelineQuery = {};
  const pattern = /(\w+):("[^"]*"|\S+(?:\s+(?!\w+:)\S+)*)/g;
  const rest = text.replace(pattern, (_, key: string, value: string) => {
    if (!KEYS.includes(key))
      throw new UserError(`Unknown timeline option "${key}". Use ${KEYS.map((name) => `${name}:`).join(', ')}.`, 'BAD_OPTION');
    query[key as keyof TimelineQuery] = value.replace(/^"|"$/g, '').trim();
    return '';
  });
  const words = rest.trim().replace(/\s+/g, ' ');
  if (!words) return query;
  const years = /^(\d{4})(?:\s*(?:-|–|to)\s*(\d{4}))?$/.exec(words);
  if (years && query.from === undefined && query.to === undefined) return { ...query, from: years[1]!, to: years[2] ?? years[1]! };
  if (!years && !/\d/.test(words) && query.topic === undefined) return { ...query, topic: words };
  throw new UserError(`Could not read "${words}". Example: /timeline from:2010 to:2012 person:<surname>`, 'BAD_OPTION');
}

/** A lookup's events with how many the whole timeline has, and a line saying what the filters left out. */
export interface TimelineLookup {
  events: TimelineEvent[];
  total: number;
  note: string;
}

/** Runs a lookup and counts the whole timeline, so that no adapter hides events silently. */
export async function lookupTimeline(dossier: Pick<Dossier, 'timeline'>, query: TimelineQuery): Promise<TimelineLookup> {
  const events = await dossier.timeline(query);
  const filtered = Object.values(query).some((value) => typeof value === 'string' && value.trim());
  const total = filtered ? (await dossier.timeline({})).length : events.length;
  return { events, total, note: describeSelection(events.length, total, query) };
}

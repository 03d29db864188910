import { createHash } from 'node:crypto';
import { compatible } from './calendar.ts';
import { describeConflict } from './conflict.ts';
import type { TimelineEvent } from './types.ts';

/** What the merged event reads of a report. */
export type Report = Pick<
  TimelineEvent,
  'date' | 'precision' | 'approximate' | 'summary' | 'kind' | 'people' | 'places' | 'sources' | 'resolution' | 'conflict'
> & {
  clause: string;
};

/** One happening's event from the reports merged into it. */
export function toEvent(cluster: Report[]): TimelineEvent {
  const counts = new Map<string, number>();
  for (const member of cluster) counts.set(member.date, (counts.get(member.date) ?? 0) + 1);
  // The date most reports support, refined by any compatible report that is more precise.
  const majority = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0];
  const dated = cluster.filter((member) => compatible(member.date, majority)).sort((a, b) => b.date.length - a.date.length)[0]!;
  const atDate = cluster.filter((member) => member.date === dated.date);
  const resolutions = atDate.some((member) => !member.resolution) ? [] : [...new Set(atDate.map((member) => member.resolution!))];
  const sources = dedupe(cluster.flatMap((member) => member.sources));
  const conflict = [
    describeConflict(
      cluster.flatMap((member) => member.sources.map((source) => ({ source: source.source, date: member.date, clause: member.clause }))),
    ),
    ...cluster.map((member) => member.conflict),
  ]
    .filter(Boolean)
    .join('; ');
  const approximate = atDate.every((member) => member.approximate);
  return {
    id: eventId(dated.date, sources),
    date: dated.date,
    precision: dated.precision,
    approximate,
    summary: bestSummary(cluster, dated.date),
    kind: (['occurred', 'said', 'scheduled', 'background'] as const).find((kind) => cluster.some((member) => member.kind === kind))!,
    people: [...new Set(cluster.flatMap((member) => member.people))],
    places: [...new Set(cluster.flatMap((member) => member.places))],
    sources,
    ...(resolutions.length > 0 ? { resolution: resolutions.join('; ') } : {}),
    ...(conflict ? { conflict } : {}),
  };
}

/** The most headline-like summary: from a report at the event's date, opening with someone it involves, whole, not a quotation. */
function bestSummary(cluster: Report[], date: string): string {
  const score = ({ summary, date: own, people }: Report) =>
    (own === date ? 1 : 0) +
    (people.some((person) => summary.startsWith(person) || summary.startsWith(person.split(' ').pop()!)) ? 2 : 0) -
    (summary.includes('…') ? 1 : 0) -
    (/^[“"‘]/.test(summary) ? 2 : 0) -
    (summary.length < 20 ? 1 : 0);
  return [...cluster].sort((a, b) => score(b) - score(a) || a.summary.length - b.summary.length)[0]!.summary;
}

/**
 * Events before the case's main line are its background: the main line starts in the year of the earliest event
 * that several articles report (the happening the case is known for); what came in earlier years is history.
 * Given `marked` (an index's, kept from change to change), an event marked before is given the copy made then,
 * so that what is kept by event (its stored row) carries over.
 */
export function markBackground(events: TimelineEvent[], marked?: WeakMap<TimelineEvent, TimelineEvent>): TimelineEvent[] {
  const shared = events
    .filter((event) => new Set(event.sources.map((cited) => cited.source)).size >= 2)
    .map((event) => event.date)
    .sort();
  const start = shared[0];
  if (!start) return events;
  // By year: the months before the main event within its year belong to the case ("the spring of 2013").
  const year = start.slice(0, 4);
  return events.map((event) => {
    if (event.kind !== 'occurred' || event.date.slice(0, 4) >= year) return event;
    let background = marked?.get(event);
    if (!background) {
      background = { ...event, kind: 'background' as const };
      marked?.set(event, background);
    }
    return background;
  });
}

function dedupe(sources: TimelineEvent['sources']): TimelineEvent['sources'] {
  const seen = new Set<string>();
  return sources
    .filter((source) => !seen.has(`${source.source}#${source.start}`) && seen.add(`${source.source}#${source.start}`))
    .sort((a, b) => a.source.localeCompare(b.source) || a.start - b.start);
}

function eventId(date: string, sources: TimelineEvent['sources']): string {
  const key = [date, ...sources.map((source) => `${source.source}#${source.start}`)].join('|');
  return `ev-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
}

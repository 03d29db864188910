import * as chrono from 'chrono-node/en';
import { UserError } from '../errors.ts';
import { addMonths, dayNumber, formatDate, parseDate, type DayNumber } from './calendar.ts';
import { contentTerms } from '../text/terms.ts';
import type { TimelineEvent, TimelineQuery } from './types.ts';

/** A passage retrieval found for a topic: events quoted from inside it match the topic. */
export interface TopicHit {
  source: string;
  start: number;
  end: number;
  score: number;
}

// "Around" a date means the neighbouring stretch at the date's own scale: a week either side of a day, the
// month before and after a month, the year before and after a year.
const AROUND_DAYS = 7;

/**
 * The events a lookup asks for, in chronological order: within `from`..`to` (a year, month or day, inclusive,
 * compared at each event's own precision), around a date, cited by `source`, involving `person` or `place`,
 * about `topic` (events quoted inside a retrieved passage, or whose words hold the topic's). With no filter,
 * the whole timeline.
 * @throws UserError when a date is not a year or a date, or `from` is after `to`.
 */
export function selectEvents(events: TimelineEvent[], query: TimelineQuery = {}, topicHits?: TopicHit[]): TimelineEvent[] {
  const from = query.from?.trim() ? bound('from', query.from) : undefined;
  const to = query.to?.trim() ? bound('to', query.to) : undefined;
  if (from && to && from.first > to.last) throw new UserError(`from (${query.from!.trim()}) is after to (${query.to!.trim()}): swap them.`);
  const around = query.around?.trim() ? aroundWindow(query.around) : undefined;
  const source = query.source?.trim();
  const topic = query.topic?.trim();
  const person = query.person?.trim();
  const place = query.place?.trim();
  const selected = events.filter((event) => {
    const span = parseDate(event.date);
    if (!span) return false;
    if (from && span.last < from.first) return false;
    if (to && span.first > to.last) return false;
    if (around && (span.last < around.first || span.first > around.last)) return false;
    if (source && !event.sources.some((cited) => cited.source === source || cited.source.startsWith(source))) return false;
    if (person && !involves(event.people, person, event)) return false;
    if (place && !involves(event.places, place, event)) return false;
    return !topic || aboutTopic(event, topic, topicHits);
  });
  return [...selected].sort((a, b) => a.date.localeCompare(b.date));
}

/** "12 of 55 events (43 left out by the filters: from 2010, person Lavrov)": what a lookup shows and hides. */
export function describeSelection(shown: number, total: number, query: TimelineQuery): string {
  const filters = describeFilters(query);
  if (!filters) return `${total} events (the whole timeline)`;
  return `${shown} of ${total} events (${total - shown} left out by the filters: ${filters})`;
}

/** The filters of a lookup in words, e.g. "from 2010, to 2012, topic “extradition”"; empty without any. */
export function describeFilters(query: TimelineQuery): string {
  return [
    query.from && `from ${query.from}`,
    query.to && `to ${query.to}`,
    query.around && `around ${query.around}`,
    query.person && `person “${query.person}”`,
    query.place && `place “${query.place}”`,
    query.topic && `topic “${query.topic}”`,
    query.source && `source ${query.source}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The people named across a timeline, most often first: for autocompletion. */
export function peopleOf(events: TimelineEvent[]): string[] {
  const counts = new Map<string, number>();
  for (const event of events) for (const person of event.people) counts.set(person, (counts.get(person) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([person]) => person);
}

function bound(name: 'from' | 'to', value: string): { first: number; last: number } {
  const parsed = parseDate(value);
  if (!parsed)
    throw new UserError(`${name} must be a year like 2010 or a date like 2012-04-05 (or a month like 2012-04), not "${value.trim()}".`);
  return parsed;
}

/** The window "around" a date: 2012-04-05, 2012-04, 2012, or written out ("5 April 2012", "April 2012"). */
export function aroundWindow(value: string): { first: DayNumber; last: DayNumber } {
  const text = value.trim();
  const parsed = parseDate(text) ?? written(text);
  if (!parsed)
    throw new UserError(`around must be a date like 2012-04-05, a month like 2012-04 or "April 2012", or a year like 2012, not "${text}".`);
  if (parsed.precision === 'day') return { first: parsed.first - AROUND_DAYS, last: parsed.last + AROUND_DAYS };
  if (parsed.precision === 'month') return { first: addMonths(parsed.first, -1), last: addMonths(parsed.last + 1, 1) - 1 };
  const year = Number(formatDate(parsed.first, 'year'));
  return { first: dayNumber(year - 1, 1, 1), last: dayNumber(year + 1, 12, 31) };
}

function written(text: string) {
  const result = chrono.parse(text)[0];
  if (!result || !result.start.isCertain('year')) return undefined;
  const [year, month, day] = [result.start.get('year')!, result.start.get('month')!, result.start.get('day')!];
  if (result.start.isCertain('day')) return parseDate(formatDate(dayNumber(year, month, day), 'day'));
  if (result.start.isCertain('month')) return parseDate(formatDate(dayNumber(year, month, 1), 'month'));
  return parseDate(String(year));
}

/** A name matches when every word of it is a word of a listed name ("Lavrov", "sergei lavrov"), or the quotes name it. */
function involves(names: string[], wanted: string, event: TimelineEvent): boolean {
  const words = wanted.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (name: string) => {
    const own = name.toLowerCase().split(/\s+/);
    return words.every((word) => own.includes(word));
  };
  if (names.some(matches)) return true;
  const quoted = event.sources.map((cited) => cited.quote.toLowerCase()).join(' ');
  return new RegExp(`\\b${escape(wanted.toLowerCase())}\\b`).test(quoted);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function aboutTopic(event: TimelineEvent, topic: string, hits: TopicHit[] | undefined): boolean {
  if (hits?.some((hit) => event.sources.some((cited) => cited.source === hit.source && cited.start < hit.end && cited.end > hit.start)))
    return true;
  const wanted = [...contentTerms(topic)];
  if (wanted.length === 0) return false;
  const terms = contentTerms([event.summary, ...event.sources.map((cited) => cited.quote)].join(' '));
  const found = wanted.filter((term) => terms.has(term)).length;
  return found >= Math.ceil(wanted.length / 2);
}

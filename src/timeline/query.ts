import { UserError } from '../errors.ts';
import { parseDate } from './calendar.ts';
import { contentTerms, eventTypes, names } from './terms.ts';
import type { TimelineEvent, TimelineQuery } from './types.ts';

/** A passage retrieval found for a topic: events quoted from inside it match the topic. */
export interface TopicHit {
  source: string;
  start: number;
  end: number;
  score: number;
}

// Kinds of event that make a case's main line: what happened to the people in it.
const KEY_TYPES = new Set(['arrest', 'charge', 'extradition', 'trial', 'conviction', 'sentencing', 'appeal', 'release', 'exchange', 'death']);
const MIN_MAIN = 5;
const MAX_MAIN = 15;

/**
 * The events a lookup asks for, in chronological order: within `from`..`to` (a year, month or day, inclusive,
 * compared at each event's own precision), cited by `source`, about `topic` (events quoted inside a retrieved
 * passage, or whose words hold the topic's). With no filter at all, the case's main events.
 * @throws UserError when `from` or `to` is not a year or a date, or `from` is after `to`.
 */
export function selectEvents(events: TimelineEvent[], query: TimelineQuery = {}, topicHits?: TopicHit[]): TimelineEvent[] {
  const from = query.from?.trim() ? bound('from', query.from) : undefined;
  const to = query.to?.trim() ? bound('to', query.to) : undefined;
  if (from && to && from.first > to.last) throw new UserError(`from (${query.from!.trim()}) is after to (${query.to!.trim()}): swap them.`);
  const source = query.source?.trim();
  const topic = query.topic?.trim();
  let selected = events.filter((event) => {
    const span = parseDate(event.date);
    if (!span) return false;
    if (from && span.last < from.first) return false;
    if (to && span.first > to.last) return false;
    if (source && !event.sources.some((cited) => cited.source === source || cited.source.startsWith(source))) return false;
    return !topic || aboutTopic(event, topic, topicHits);
  });
  if (!from && !to && !source && !topic) selected = mainEvents(selected);
  return [...selected].sort((a, b) => a.date.localeCompare(b.date));
}

function bound(name: 'from' | 'to', value: string): { first: number; last: number } {
  const parsed = parseDate(value);
  if (!parsed) throw new UserError(`${name} must be a year like 2010 or a date like 2012-04-05 (or a month like 2012-04), not "${value.trim()}".`);
  return parsed;
}

function aboutTopic(event: TimelineEvent, topic: string, hits: TopicHit[] | undefined): boolean {
  if (hits?.some((hit) => event.sources.some((cited) => cited.source === hit.source && cited.start < hit.end && cited.end > hit.start))) return true;
  const words = topic.split(/[^\p{L}]+/u).filter((word) => contentTerms(word).size > 0);
  if (words.length === 0) return false;
  const text = [event.summary, ...event.sources.map((cited) => cited.quote)].join(' ');
  const terms = contentTerms(text);
  const types = eventTypes(event.summary, { hypothetical: true });
  // A word counts when the event has it, or names the same kind of event ("swap" finds "exchange").
  const found = words.filter((word) => [...contentTerms(word)].some((term) => terms.has(term)) || [...eventTypes(word)].some((type) => types.has(type))).length;
  return found >= Math.ceil(words.length / 2);
}

/**
 * The case's main events: those about its central figure (the name most events mention) that either name a
 * key kind of event (arrest, extradition, sentencing, swap...) or are reported by several articles.
 */
function mainEvents(events: TimelineEvent[]): TimelineEvent[] {
  const central = centralName(events);
  const scored = events.map((event) => {
    const files = new Set(event.sources.map((cited) => cited.source)).size;
    const key = [...eventTypes(event.summary)].some((type) => KEY_TYPES.has(type));
    const aboutCentral = central !== undefined && nameWords(event.summary).has(central);
    return { event, files, score: files + (key ? 1 : 0) + (aboutCentral ? 1 : 0), main: aboutCentral && (key || files >= 2) };
  });
  const ranked = scored.sort((a, b) => Number(b.main) - Number(a.main) || b.score - a.score || b.files - a.files);
  const main = ranked.filter((item) => item.main);
  return (main.length >= MIN_MAIN ? main : ranked.slice(0, MIN_MAIN)).slice(0, MAX_MAIN).map((item) => item.event);
}

function centralName(events: TimelineEvent[]): string | undefined {
  const counts = new Map<string, number>();
  for (const event of events) for (const word of nameWords(event.summary)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function nameWords(text: string): Set<string> {
  return new Set(names(text).flatMap((run) => run.split(' ')).filter((word) => word.length > 2 && !/^[A-Z.]+$/.test(word)));
}

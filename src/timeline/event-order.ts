import type { TimelineEvent } from './types.ts';

/** What orders an event in the timeline: its date, then its first source and where in it the event is stated. */
export interface EventPlace {
  date: string;
  source: string;
  start: number;
}

/** An event's place in the timeline (its sources are sorted, so the first is the earliest cited). */
export function placeOf(event: TimelineEvent): EventPlace {
  const first = event.sources[0]!;
  return { date: event.date, source: first.source, start: first.start };
}

/** The timeline's order: chronological, then by the first source cited. */
export function comparePlaces(a: EventPlace, b: EventPlace): number {
  return a.date.localeCompare(b.date) || a.source.localeCompare(b.source) || a.start - b.start;
}

/** The timeline's order of two events (`comparePlaces` of their places). */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return comparePlaces(placeOf(a), placeOf(b));
}

import type { ArticleTimeline } from './article-timeline.ts';
import { dayNumber, formatDate } from './calendar.ts';
import { markBackground, mergeEvents } from './merge.ts';
import { pinUndated } from './pin.ts';
import { redate } from './redate.ts';
import type { SentenceEvent } from './sentence-event.ts';
import { Similarity } from './similarity.ts';
import type { TimelineEvent } from './types.ts';
import { inferYear } from './year.ts';

/** The case's timeline from per-article extractions: dated across articles, reports of one happening merged. */
export function assembleTimeline(records: ArticleTimeline[]): TimelineEvent[] {
  return markBackground(mergeEvents(assembleSentenceEvents(records)));
}

/**
 * What needs more than one article: an article whose dateline has no year takes it from the other articles
 * when they date the same events; an article with no date at all is placed by the events it shares with dated
 * ones; a surname used alone is linked to the full name the corpus gives it. Parses nothing: every sentence
 * was read at extraction, so a corpus change costs only this and the merge.
 */
export function assembleSentenceEvents(records: ArticleTimeline[]): SentenceEvent[] {
  const dated = records.filter((record) => !record.monthDay);
  const events = dated.flatMap((record) => record.events);
  for (const record of records.filter((candidate) => candidate.monthDay)) {
    const monthDay = record.monthDay!;
    const read = (reference: string) => redate(record.events, reference, record.source);
    const year = inferYear(record.source, monthDay, events, read);
    for (const event of read(formatDate(dayNumber(year.year, monthDay.month, monthDay.day), 'day'))) {
      if (event.redate) {
        event.resolution = [event.resolution, year.note].filter(Boolean).join('; ');
        if (year.approximate) event.approximate = true;
      }
      events.push(event);
    }
  }
  const pending = dated.flatMap((record) => record.pending);
  const similarity = new Similarity([...events, ...pending.map((item) => item.text)]);
  const people = surnameLinks(records);
  return [...events, ...pinUndated(pending, events, similarity)].map((event) => ({ ...event, people: linkPeople(event.people, people) }));
}

/** Surname → the full name the corpus uses most with it. */
function surnameLinks(records: ArticleTimeline[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const record of records) {
    for (const [name, count] of Object.entries(record.names)) {
      const surname = name.split(' ').pop()!;
      const names = counts.get(surname) ?? new Map<string, number>();
      names.set(name, (names.get(name) ?? 0) + count);
      counts.set(surname, names);
    }
  }
  return new Map(
    [...counts].map(([surname, names]) => [surname, [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]]),
  );
}

function linkPeople(people: string[], links: Map<string, string>): string[] {
  return [...new Set(people.map((person) => (person.includes(' ') ? person : (links.get(person) ?? person))))];
}

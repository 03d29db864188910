import type { ArticleTimeline } from './article-timeline.ts';
import { dayNumber, formatDate } from './calendar.ts';
import { markBackground, mergeEvents } from './merge.ts';
import { AssemblyMemo } from './assembly-memo.ts';
import { pinUndated, type Recall } from './pin.ts';
import { applyRedated, redatedDates } from './redate.ts';
import type { SentenceEvent } from './sentence-event.ts';
import { Similarity } from './similarity.ts';
import type { TimelineEvent } from './types.ts';
import { inferYear, OtherEvents } from './year.ts';

/** The case's timeline from per-article extractions: dated across articles, reports of one happening merged. */
export function assembleTimeline(records: ArticleTimeline[], memo?: AssemblyMemo): TimelineEvent[] {
  return markBackground(mergeEvents(assembleSentenceEvents(records, memo)));
}

/**
 * What needs more than one article: an article whose dateline has no year takes it from the other articles
 * when they date the same events; an article with no date at all is placed by the events it shares with dated
 * ones; a surname used alone is linked to the full name the corpus gives it. Parses nothing: every sentence
 * was read at extraction, and the date arithmetic done for an article against a candidate date is recalled
 * from `memo` (kept with the extractions), so a corpus change reruns the date parser only where it brings new dates.
 */
export function assembleSentenceEvents(records: ArticleTimeline[], memo = new AssemblyMemo(records)): SentenceEvent[] {
  const dated = records.filter((record) => !record.monthDay);
  const events = dated.flatMap((record) => record.events);
  const others = new OtherEvents(events);
  for (const record of records.filter((candidate) => candidate.monthDay)) {
    const monthDay = record.monthDay!;
    const read = (reference: string) =>
      applyRedated(
        record.events,
        memo.recall(record, `redate|${reference}`, () => redatedDates(record.events, reference, record.source)),
        reference,
      );
    const year = inferYear(record.source, monthDay, others, read);
    const own: SentenceEvent[] = [];
    for (const event of read(formatDate(dayNumber(year.year, monthDay.month, monthDay.day), 'day'))) {
      if (event.redate) {
        event.resolution = [event.resolution, year.note].filter(Boolean).join('; ');
        if (year.approximate) event.approximate = true;
      }
      own.push(event);
    }
    events.push(...own);
    others.add(own);
  }
  const pending = dated.flatMap((record) => record.pending);
  const similarity = new Similarity([...events, ...pending.map((item) => item.text)]);
  const people = surnameLinks(records);
  const recall: Recall = (owner, key, compute) => memo.recall(owner, key, compute);
  return [...events, ...pinUndated(pending, events, similarity, recall)].map((event) => ({
    ...event,
    people: linkPeople(event.people, people),
  }));
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

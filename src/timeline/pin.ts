import type { Article, Sentence } from '../corpus/types.ts';
import { commonPrefix, isoDay, parseDate, parts, WEEKDAY_NAMES, type DayNumber } from './calendar.ts';
import { findDateMentions, type DateMention } from './resolve-date.ts';
import { sentenceEvent, type SentenceEvent } from './sentence-event.ts';
import type { Similarity } from './similarity.ts';
import type { EventText } from './summarize.ts';

/** A relative date an article could not resolve on its own: it has no publication date precise enough. */
export interface Pending {
  article: Article;
  sentence: Sentence;
  mention: DateMention;
  text: EventText;
}

// How alike two clauses must be to take one's date for the other's weekday.
const SAME_EVENT = 0.6;
// A bare weekday in news copy is within the week before (or after, for a plan) the day of writing.
const WEEK = 6;

/**
 * Dates what undated articles say relatively, only where evidence pins it: "on Friday" takes the date of the
 * same event in another article when that date is a Friday; the article is then known to have appeared within
 * the following week, which resolves its other relative dates at whatever precision that week still allows.
 */
export function pinUndated(pending: Pending[], events: SentenceEvent[], similarity: Similarity): SentenceEvent[] {
  const pinned: SentenceEvent[] = [];
  for (const source of new Set(pending.map((item) => item.article.source))) {
    const items = pending.filter((item) => item.article.source === source);
    let window: { first: DayNumber; last: DayNumber; because: string } | undefined;
    const done = new Set<Pending>();
    for (const item of items) {
      const evidence = weekdayEvidence(item, events, similarity);
      if (!evidence) continue;
      done.add(item);
      const day = parseDate(evidence.date)!.first;
      const [first, last] = item.mention.kind === 'occurred' ? [day, day + WEEK] : [day - WEEK, day];
      const because = `it puts on ${weekdayName(item.mention)} what ${evidence.sources[0]!.source} dates ${evidence.date}`;
      window = window
        ? { first: Math.max(window.first, first), last: Math.min(window.last, last), because: window.because.includes(because) ? window.because : `${window.because}; ${because}` }
        : { first, last, because };
      const resolution = `dated by ${evidence.sources[0]!.source}${evidence.reference ? ` (published ${evidence.reference})` : ''}, which reports the same event on ${weekdayName(item.mention)}, ${evidence.date}`;
      pinned.push(sentenceEvent(item.article, item.sentence, item.mention, item.text, { date: evidence.date, precision: 'day', resolution }));
    }
    if (!window || window.first > window.last) continue;
    for (const item of items.filter((candidate) => !done.has(candidate))) {
      const dated = acrossWindow(item, window.first, window.last);
      if (!dated) continue;
      const resolution = `${source} is undated but appeared between ${isoDay(window.first)} and ${isoDay(window.last)} (${window.because}); “${item.mention.text}” counted from any day in that span gives ${dated.date}`;
      pinned.push(sentenceEvent(item.article, item.sentence, item.mention, item.text, { ...dated, resolution }));
    }
  }
  return pinned;
}

/** The one day-precise event of another article that matches this weekday and reads as the same happening. */
function weekdayEvidence(item: Pending, events: SentenceEvent[], similarity: Similarity): SentenceEvent | undefined {
  const weekday = WEEKDAY_NAMES.findIndex((name) => item.mention.text.toLowerCase().includes(name.toLowerCase()));
  if (weekday < 0) return undefined;
  const matches = events.filter(
    (event) =>
      event.sources[0]!.source !== item.article.source &&
      event.precision === 'day' &&
      parts(parseDate(event.date)!.first).weekday === weekday &&
      similarity.score(item.text, event) >= SAME_EVENT,
  );
  const dates = new Set(matches.map((event) => event.date));
  return dates.size === 1 ? matches[0] : undefined;
}

/** Resolves a relative date against every possible publication day; keeps only what all of them agree on. */
function acrossWindow(item: Pending, first: DayNumber, last: DayNumber) {
  const dates: string[] = [];
  for (let day = first; day <= last; day++) {
    const again = findDateMentions(item.sentence.text, isoDay(day)).find((mention) => mention.index === item.mention.index);
    if (!again?.date) return undefined;
    dates.push(again.date);
  }
  return commonPrefix(dates);
}

function weekdayName(mention: DateMention): string {
  return WEEKDAY_NAMES.find((name) => mention.text.toLowerCase().includes(name.toLowerCase())) ?? mention.text;
}

import { isoDay, parseDate, type DayNumber } from './calendar.ts';
import { findDateMentions, type DateMention } from './resolve-date.ts';
import { sentenceEvent, type SentenceEvent, type StatedIn } from './sentence-event.ts';
import { SHARED_VERB, type Similarity } from './similarity.ts';
import type { EventText } from './summarize.ts';

/** A relative date an article could not resolve on its own: it states no date of writing. */
export interface Pending {
  stated: StatedIn;
  mention: DateMention;
  text: EventText & { verbs: string[]; terms?: string[]; nameWords?: string[] };
}

// How alike two clauses must be to take one's date as evidence for the other's: with a shared main verb, or
// without one only when worded nearly the same (the level merging asks of reports whose dates clash).
const SAME_EVENT = 0.6;
const NEAR_SAME = 0.85;
// Candidate days of writing scanned around a matching event: a relative expression in news copy ("on Friday",
// "earlier this month", "last year") reaches back at most about a year from the day it was written.
const REACH_BEFORE = 7;
const REACH_AFTER = 370;

/** The days an undated article appeared on, as the evidence of other articles pins them, and why. */
export interface PinWindow {
  first: DayNumber;
  last: DayNumber;
  because: string[];
}

/**
 * Dates what undated articles say relatively, only where evidence pins it: a relative date ("on Friday",
 * "earlier this month") that reports the same happening as a dated event of another article holds only on some
 * days of writing; the days every such piece of evidence allows are when the article appeared, and its other
 * relative dates are resolved across them at the precision they all share. Where they differ, the reading for
 * the earliest of those days is kept as approximate (news is written soon after what it reports).
 */
export function pinUndated(pending: Pending[], events: SentenceEvent[], similarity: Similarity, recall: Recall = compute): SentenceEvent[] {
  const evidence = new Evidence(events, similarity);
  return [...bySource(pending)].flatMap(([source, items]) => pinnedEvents(source, items, pinWindow(items, evidence, recall), recall));
}

/** Pending items by the article that states them, in order. */
export function bySource(pending: Pending[]): Map<string, Pending[]> {
  const sources = new Map<string, Pending[]>();
  for (const item of pending) {
    const items = sources.get(item.stated.source);
    if (items) items.push(item);
    else sources.set(item.stated.source, [item]);
  }
  return sources;
}

/** The days of writing most of an undated article's evidence agrees on; undefined when nothing pins them. */
export function pinWindow(items: Pending[], evidence: Evidence, recall: Recall = compute): PinWindow | undefined {
  // Each piece of evidence allows a span of days of writing; the span most of them agree with wins.
  const spans: { first: DayNumber; last: DayNumber; because: string }[] = [];
  for (const item of items) {
    if (item.mention.kind !== 'occurred') continue;
    const found = evidence.for(item);
    const span = found && recall(item, `span|${found.date}`, () => daysAllowing(item, found.date));
    if (span) spans.push({ ...span, because: `it dates “${item.mention.text}” what ${found.sources[0]!.source} dates ${found.date}` });
  }
  let window: PinWindow | undefined;
  for (const seed of spans) {
    const agreeing = spans.filter((span) => span.first <= seed.last && span.last >= seed.first);
    const first = Math.max(...agreeing.map((span) => span.first));
    const last = Math.min(...agreeing.map((span) => span.last));
    if (first <= last && (!window || agreeing.length > window.because.length))
      window = { first, last, because: agreeing.map((span) => span.because) };
  }
  return window;
}

/** An undated article's relative dates resolved across the days it appeared on (none without them). */
export function pinnedEvents(source: string, items: Pending[], window: PinWindow | undefined, recall: Recall = compute): SentenceEvent[] {
  if (!window) return [];
  const pinned: SentenceEvent[] = [];
  const written = `${source} is undated but appeared between ${isoDay(window.first)} and ${isoDay(window.last)} (${window.because.join('; ')})`;
  for (const item of items) {
    const { first, last } = window;
    const dated = recall(item, `window|${first}|${last}`, () => acrossWindow(item, first, last));
    if (!dated) continue;
    pinned.push(
      sentenceEvent(item.stated, item.mention, item.text, {
        ...dated,
        resolution: `${written}; ${dated.how}`,
        reference: isoDay(window.first),
      }),
    );
  }
  return pinned;
}

// How alike a pending item and an event must be for the event to be evidence (`Evidence.alike`), as a floor on
// their weighted word overlap: a shared main verb adds SHARED_VERB to the score at most.
export const LEAST_EVIDENCE_OVERLAP = Math.min(NEAR_SAME, SAME_EVENT - SHARED_VERB);

/**
 * Keeps what a pure function of a pending item and a key gives, so another assembly can recall it instead of
 * running the date parser again (`AssemblyMemo.recall`); by default it just computes.
 */
export type Recall = <T>(owner: object, key: string, compute: () => T) => T;

const compute: Recall = (_owner, _key, run) => run();

/**
 * Finds, for a pending item, the one day- or month-precise event of another article that reads as the same
 * happening. Events worded alike share a profile (`Similarity.profileOf`), and whether two profiles are alike
 * is decided once: repeated reports (wire copy) cost one comparison per wording, not one per copy.
 */
export class Evidence {
  private readonly groups = new Map<object, { events: SentenceEvent[]; order: number[] }>();
  private readonly alikeFor = new Map<object, { events: SentenceEvent[]; order: number[] }[]>();

  /** `events` in their order; evidence is day- or month-precise, the rest is set aside once, not for every item. */
  constructor(
    events: SentenceEvent[],
    private readonly similarity: Similarity,
  ) {
    events
      .filter((event) => event.precision !== 'year')
      .forEach((event, order) => {
        const profile = similarity.profileOf(event);
        let group = this.groups.get(profile);
        if (!group) this.groups.set(profile, (group = { events: [], order: [] }));
        group.events.push(event);
        group.order.push(order);
      });
  }

  /** The first such event (in the order given), when every match is dated alike; else undefined. */
  for(item: Pending): SentenceEvent | undefined {
    const profile = this.similarity.profileOf(item.text);
    let alike = this.alikeFor.get(profile);
    if (!alike) {
      alike = [...this.groups.values()].filter((group) => this.alike(item, group.events[0]!));
      this.alikeFor.set(profile, alike);
    }
    let first: { event: SentenceEvent; order: number } | undefined;
    const dates = new Set<string>();
    for (const group of alike) {
      group.events.forEach((event, i) => {
        if (event.sources[0]!.source === item.stated.source) return;
        dates.add(event.date);
        if (!first || group.order[i]! < first.order) first = { event, order: group.order[i]! };
      });
      if (dates.size > 1) return undefined;
    }
    return dates.size === 1 ? first!.event : undefined;
  }

  // Evidence shares the main verb, or is worded nearly the same: "turned down the request" is not "approved the transfer".
  alike(item: Pending, event: SentenceEvent): boolean {
    const score = this.similarity.score(item.text, event);
    return score >= NEAR_SAME || (score >= SAME_EVENT && this.similarity.sharedVerbs(item.text, event).length > 0);
  }
}

/** The days of writing for which the item's relative date falls within the evidence's date (`date`). */
function daysAllowing(item: Pending, date: string): { first: DayNumber; last: DayNumber } | undefined {
  const span = parseDate(date)!;
  let first: DayNumber | undefined;
  let last: DayNumber | undefined;
  for (let day = span.first - REACH_BEFORE; day <= span.last + REACH_AFTER; day++) {
    const resolved = resolveOn(item, day);
    if (!resolved || !resolved.startsWith(date)) continue;
    first ??= day;
    last = day;
  }
  return first === undefined ? undefined : { first, last: last! };
}

function resolveOn(item: Pending, day: DayNumber): string | undefined {
  return findDateMentions(item.stated.sentence.text, isoDay(day)).find((mention) => mention.index === item.mention.index)?.date;
}

/** Resolves a relative date against every possible day of writing: what all agree on, else the earliest day's reading, approximate. */
function acrossWindow(item: Pending, first: DayNumber, last: DayNumber) {
  const dates: string[] = [];
  for (let day = first; day <= last; day++) {
    const date = resolveOn(item, day);
    if (!date) return undefined;
    dates.push(date);
  }
  const distinct = [...new Set(dates)];
  const precise = dates[0]!;
  if (distinct.length === 1)
    return {
      date: precise,
      precision: parseDate(precise)!.precision,
      how: `“${item.mention.text}” gives ${precise} on every one of those days`,
    };
  return {
    date: precise,
    precision: parseDate(precise)!.precision,
    approximate: true,
    how: `“${item.mention.text}” gives ${distinct.join(' or ')} depending on the day; ${precise}, for the earliest day, is the likeliest reading`,
  };
}

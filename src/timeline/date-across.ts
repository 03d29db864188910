import type { ArticleTimeline } from './article-timeline.ts';
import { AssemblyMemo } from './assembly-memo.ts';
import { dayNumber, formatDate } from './calendar.ts';
import { bySource, Evidence, LEAST_EVIDENCE_OVERLAP, pinnedEvents, pinWindow, type Pending, type PinWindow, type Recall } from './pin.ts';
import { applyRedated, redatedDates } from './redate.ts';
import type { SentenceEvent } from './sentence-event.ts';
import { Similarity, type TermCounts } from './similarity.ts';
import { inferYear, OtherEvents, yearMatches, type InferredYear } from './year.ts';

/** The word counts that dating across articles weighs words by: for year inference, and for pinning undated articles. */
export interface DatingWeights {
  year: TermCounts;
  pin: TermCounts;
}

/**
 * What dating across articles found, kept for the next assembly: the years the dated articles' events fall in,
 * the year each article with a yearless dateline was given (by checksum) and the dates of other articles' events
 * that inference looked at, and the days each undated article appeared on (null: nothing pins them).
 */
export interface DatingState {
  years: number[];
  /** With each, how many matches a candidate year inference did not meet needs to change it (null: none can). */
  yearless: Record<string, InferredYear & { rival: number | null }>;
  looked: string[];
  windows: Record<string, PinWindow | null>;
}

/** A corpus change against the last dating: the checksums it dated, and the articles it had that are gone. */
export interface DatingChange {
  previous: DatingState;
  known: Set<string>;
  removed: ArticleTimeline[];
}

/**
 * Dates every article's events across the corpus (`assembleSentenceEvents`), people not yet linked, weighing words
 * by `frozen` counts when given (else by the corpus's, which it returns). Given a `change` (with `frozen`), only
 * what the change can alter is worked out again, and the rest is recalled from the previous state: the years
 * of yearless datelines when no event the change adds or removes falls on a date their inference looked at (and
 * the corpus's years stay the same), and the days an undated article appeared on when no event the change adds
 * or removes (or dates anew) reads as the same happening as one of its relative dates. The events are those a
 * full dating with `frozen` gives.
 */
export function dateAcrossArticles(
  records: ArticleTimeline[],
  memo = new AssemblyMemo(records),
  frozen?: DatingWeights,
  change?: DatingChange,
): { events: SentenceEvent[]; weights: DatingWeights; state: DatingState } {
  const dated = records.filter((record) => !record.monthDay);
  const events = dated.flatMap((record) => record.events);
  const years = [...new Set(events.map((event) => Number(event.date.slice(0, 4))))].sort((a, b) => a - b);
  const changed = change ? [...records.filter((record) => !change.known.has(record.checksum)), ...change.removed] : [];
  const yearlessRecords = records.filter((record) => record.monthDay);
  const readerOf = (record: ArticleTimeline) => (reference: string) =>
    applyRedated(
      record.events,
      memo.recall(record, `redate|${reference}`, () => redatedDates(record.events, reference, record.source)),
      reference,
    );
  const redoYears = !change || mustInferYearsAgain(change, years, changed, dated, yearlessRecords, readerOf, frozen?.year);
  const others = new OtherEvents(events, frozen?.year);
  const state: DatingState = { years, yearless: {}, looked: [], windows: {} };
  // Articles whose events are dated differently than before: their events are evidence that changed.
  const redated: ArticleTimeline[] = [];
  for (const record of yearlessRecords) {
    const monthDay = record.monthDay!;
    const read = readerOf(record);
    const before = change?.previous.yearless[record.checksum];
    let rival: number | null = null;
    const year = redoYears ? inferYear(record.source, monthDay, others, read, (matches) => (rival = matches)) : before!;
    if (before && before.year !== year.year) redated.push(record);
    state.yearless[record.checksum] = redoYears ? { ...year, rival } : before!;
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
  state.looked = redoYears ? [...others.looked].sort() : change!.previous.looked;
  const pending = dated.flatMap((record) => record.pending);
  const similarity = frozen ? Similarity.fromCounts(frozen.pin) : new Similarity([...events, ...pending.map((item) => item.text)]);
  const recall: Recall = (owner, key, compute) => memo.recall(owner, key, compute);
  const undated = [...bySource(pending)];
  const checksumOf = new Map(dated.map((record) => [record.source, record.checksum]));
  const repin = change ? toRepin(undated, [...changed, ...redated], change, checksumOf, similarity) : undefined;
  // A change pins a few articles again: each against the events that share enough words with it, not all.
  let candidates: CandidateEvidence | undefined;
  let all: Evidence | undefined;
  const evidenceFor = (items: Pending[]) =>
    repin ? (candidates ??= new CandidateEvidence(events, similarity)).for(items) : (all ??= new Evidence(events, similarity));
  const pinned = undated.flatMap(([source, items]) => {
    const checksum = checksumOf.get(source)!;
    const window =
      repin && !repin.has(source) ? (change!.previous.windows[checksum] ?? undefined) : pinWindow(items, evidenceFor(items), recall);
    state.windows[checksum] = window ?? null;
    return pinnedEvents(source, items, window, recall);
  });
  return { events: [...events, ...pinned], weights: frozen ?? { year: others.similarity.counts(), pin: similarity.counts() }, state };
}

/**
 * Whether a change can alter the year inferred for some yearless dateline (`inferYear`): it adds or removes one,
 * or an event on a date inference compared (`looked`), or it changes the years the corpus names. A year is a
 * candidate when the corpus names it or the year before: a year only added (the earliest staying the same)
 * brings new candidates, which change nothing unless a reading against one matches another article's event.
 */
function mustInferYearsAgain(
  change: DatingChange,
  years: number[],
  changed: ArticleTimeline[],
  dated: ArticleTimeline[],
  yearless: ArticleTimeline[],
  readerOf: (record: ArticleTimeline) => (reference: string) => SentenceEvent[],
  frozen: TermCounts | undefined,
): boolean {
  // Weights fitted on this very corpus change with it: every year is inferred again.
  if (!frozen) return true;
  const readAt = (record: ArticleTimeline, year: number) =>
    readerOf(record)(`${year}-${pad(record.monthDay!.month)}-${pad(record.monthDay!.day)}`);
  const { previous } = change;
  if (changed.some((record) => record.monthDay) || yearless.some((record) => !(record.checksum in previous.yearless))) return true;
  const looked = new Set(previous.looked);
  const dates = new Set(changed.flatMap((record) => record.events.map((event) => event.date)));
  if ([...dates].some((date) => looked.has(date))) return true;
  if (years.join() === previous.years.join()) return false;
  const before = new Set(previous.years);
  if (previous.years.some((year) => !years.includes(year)) || years[0] !== previous.years[0]) return true;
  const candidates = (list: Iterable<number>) => new Set([...list].flatMap((year) => [year, year + 1]));
  const old = candidates(before);
  const fresh = [...candidates(years)].filter((year) => !old.has(year));
  // A fresh candidate changes a year only if readings against it match as many events of other articles as its
  // rival count (`inferYear`): those of the dated articles and the change's, and the yearless ones' as they were
  // dated before, are all it can meet.
  const context = new OtherEvents(
    dated.flatMap((record) => record.events),
    frozen,
  );
  for (const record of [...changed, ...yearless]) {
    const before = record.monthDay && previous.yearless[record.checksum];
    if (record.monthDay && !before) continue;
    context.add(before ? readAt(record, before.year) : record.events);
  }
  return yearless.some((record) => {
    const { rival } = previous.yearless[record.checksum]!;
    return (
      rival !== null && fresh.some((year) => yearMatches(record.source, record.monthDay!, year, context, readerOf(record)).length >= rival)
    );
  });
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The undated articles to pin again: those the change adds or has no window for, and those with a relative date
 * that an event of a changed article reads as (`Evidence.alike`). An article's window depends on which events
 * read as its relative dates alone, so no other can change. Candidates are found through the words they share,
 * whose weights must reach what an alike pair needs (`LEAST_EVIDENCE_OVERLAP`), before any pair is scored.
 */
function toRepin(
  undated: [string, Pending[]][],
  changed: ArticleTimeline[],
  change: DatingChange,
  checksumOf: Map<string, string>,
  similarity: Similarity,
): Set<string> {
  const repin = new Set<string>();
  const items = new Map<string, Pending[]>();
  for (const [source, pending] of undated) {
    const checksum = checksumOf.get(source)!;
    if (!change.known.has(checksum) || !(checksum in change.previous.windows)) repin.add(source);
    else
      for (const item of pending)
        if (item.mention.kind === 'occurred') for (const term of similarity.termsOf(item.text)) push(items, term, item);
  }
  const probe = new Evidence([], similarity);
  const least = similarity.leastShared(LEAST_EVIDENCE_OVERLAP) * (1 - 1e-9);
  for (const event of changed.flatMap((record) => record.events)) {
    const shared = new Map<Pending, number>();
    for (const term of similarity.termsOf(event))
      for (const item of items.get(term) ?? []) shared.set(item, (shared.get(item) ?? 0) + similarity.weightOf(term));
    for (const [item, weight] of shared)
      if (weight >= least && !repin.has(item.stated.source) && probe.alike(item, event)) repin.add(item.stated.source);
  }
  return repin;
}

/** Evidence for one article's pending items, among the events that share enough words with them, in corpus order. */
class CandidateEvidence {
  private readonly fine: SentenceEvent[];
  private readonly byTerm = new Map<string, number[]>();

  constructor(
    events: SentenceEvent[],
    private readonly similarity: Similarity,
  ) {
    this.fine = events.filter((event) => event.precision !== 'year');
    this.fine.forEach((event, at) => {
      for (const term of similarity.termsOf(event)) push(this.byTerm, term, at);
    });
  }

  for(items: Pending[]): Evidence {
    const least = this.similarity.leastShared(LEAST_EVIDENCE_OVERLAP) * (1 - 1e-9);
    const kept = new Set<number>();
    for (const item of items) {
      if (item.mention.kind !== 'occurred') continue;
      const shared = new Map<number, number>();
      for (const term of this.similarity.termsOf(item.text))
        for (const at of this.byTerm.get(term) ?? []) shared.set(at, (shared.get(at) ?? 0) + this.similarity.weightOf(term));
      for (const [at, weight] of shared) if (weight >= least) kept.add(at);
    }
    return new Evidence(
      [...kept].sort((a, b) => a - b).map((at) => this.fine[at]!),
      this.similarity,
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

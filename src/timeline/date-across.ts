import type { ArticleTimeline } from './article-timeline.ts';
import { AssemblyMemo } from './assembly-memo.ts';
import { LayeredEvents } from './dated-events.ts';
import { HeldAssembly, type PendingByTerm } from './held-assembly.ts';
import { dayNumber, formatDate } from './calendar.ts';
import { Evidence, LEAST_EVIDENCE_OVERLAP, pinnedEvents, pinWindow, type Pending, type PinWindow, type Recall } from './pin.ts';
import { applyRedated, redatedDates, type Redated } from './redate.ts';
import type { SentenceEvent } from './sentence-event.ts';
import { Similarity, type TermCounts } from './similarity.ts';
import { earliestYear, inferYear, OtherEvents, yearMatches, type InferredYear } from './year.ts';
import { runSteps, type Steps } from './steps.ts';

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
  /** With each, how many events each candidate year matched (null: the article's own dates gave the year). */
  yearless: Record<string, InferredYear & { matches: Record<number, number> | null }>;
  looked: string[];
  windows: Record<string, PinWindow | null>;
}

/**
 * A corpus change against the last dating: the checksums it dated, the articles it had that are gone, and what
 * the index holds in memory from its last change (`held-assembly.ts`; without it, made from the whole corpus).
 */
export interface DatingChange {
  previous: DatingState;
  known: Set<string>;
  removed: ArticleTimeline[];
  held?: HeldAssembly;
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
): DatedAcross {
  return runSteps(datingSteps(records, memo, frozen, change));
}

/** What dating across articles gives: the events, the word weights it weighed by, the state for the next dating. */
export interface DatedAcross {
  events: SentenceEvent[];
  weights: DatingWeights;
  state: DatingState;
}

// How many articles a loop of dating goes through between two steps (`steps.ts`): a millisecond or two of work.
const ARTICLES_PER_STEP = 50;

/** `dateAcrossArticles` as steps (`steps.ts`): it yields between its stages and every few articles within them. */
export function* datingSteps(
  records: ArticleTimeline[],
  memo = new AssemblyMemo(records),
  frozen?: DatingWeights,
  change?: DatingChange,
): Steps<DatedAcross> {
  const dated = records.filter((record) => !record.monthDay);
  const events = dated.flatMap((record) => record.events);
  const held = change?.held;
  // Each article's years are kept with its events while the index holds them: a change unites them, it does not read every event.
  const years = held
    ? [...new Set(dated.flatMap((record) => held.yearsOf(record.events)))].sort((a, b) => a - b)
    : [...new Set(events.map((event) => Number(event.date.slice(0, 4))))].sort((a, b) => a - b);
  const changed = change ? [...records.filter((record) => !change.known.has(record.checksum)), ...change.removed] : [];
  const yearlessRecords = records.filter((record) => record.monthDay);
  // A reading the stored memo no longer has (an assembly keeps only those it used) may still be held in memory.
  const readingOf = (record: ArticleTimeline, reference: string) =>
    memo.recall(record, `redate|${reference}`, () => {
      const read = () => redatedDates(record.events, reference, record.source);
      return held ? held.reading(record, reference, read) : read();
    });
  const readerOf = (record: ArticleTimeline) => (reference: string) => applyRedated(record.events, readingOf(record, reference), reference);
  // Kept word weights are the same object from change to change: the index holds their Similarity.
  const weigh = (counts: TermCounts) => held?.similarity(counts) ?? Similarity.fromCounts(counts);
  yield;
  const kept = change && (yield* keptYears(change, years, changed, dated, yearlessRecords, readerOf, frozen?.year, weigh));
  yield;
  const redoYears = !kept;
  // What year inference reads of the other articles, built only when the years are inferred again.
  const others = kept ? undefined : new OtherEvents(events, frozen?.year, frozen ? weigh(frozen.year) : undefined);
  const state: DatingState = { years, yearless: {}, looked: [], windows: {} };
  // Articles whose events are dated differently than before: their events are evidence that changed.
  const redated: ArticleTimeline[] = [];
  let done = 0;
  for (const record of yearlessRecords) {
    if (++done % ARTICLES_PER_STEP === 0) yield;
    const monthDay = record.monthDay!;
    const read = readerOf(record);
    const before = change?.previous.yearless[record.checksum];
    let matches: Record<number, number> | null = null;
    const year = others ? inferYear(record.source, monthDay, others, read, (scored) => (matches = scored)) : before!;
    if (before && before.year !== year.year) redated.push(record);
    const keptMatches = before?.matches && kept?.matches.get(record.checksum);
    // Recalled as it was (the same object), it is not written again.
    state.yearless[record.checksum] = redoYears
      ? { ...year, matches }
      : keptMatches === before!.matches
        ? before!
        : { ...before!, matches: before!.matches && keptMatches! };
    const reference = formatDate(dayNumber(year.year, monthDay.month, monthDay.day), 'day');
    const own = yearlessEvents(record, readingOf(record, reference), reference, year);
    events.push(...own);
    others?.add(own);
  }
  state.looked = [...(kept ? kept.looked : others!.looked)].sort();
  const pending = dated.flatMap((record) => record.pending);
  const similarity = frozen ? weigh(frozen.pin) : new Similarity([...events, ...pending.map((item) => item.text)]);
  const recall: Recall = (owner, key, compute) => memo.recall(owner, key, compute);
  // An article's relative dates are all stated by it (extraction gives each its article's file name).
  const undated = dated.filter((record) => record.pending.length > 0).map((record) => [record.source, record.pending] as const);
  const checksumOf = new Map(dated.map((record) => [record.source, record.checksum]));
  yield;
  const repin = change ? toRepin(dated, [...changed, ...redated], change, similarity, held ?? new HeldAssembly()) : undefined;
  yield;
  // A change pins a few articles again: each against the events that share enough words with it, not all.
  let candidates: CandidateEvidence | undefined;
  let all: Evidence | undefined;
  const evidenceFor = (items: Pending[]) =>
    repin ? (candidates ??= new CandidateEvidence(events, similarity)).for(items) : (all ??= new Evidence(events, similarity));
  const pinned: SentenceEvent[] = [];
  for (const [i, [source, items]] of undated.entries()) {
    if ((i + 1) % ARTICLES_PER_STEP === 0) yield;
    const checksum = checksumOf.get(source)!;
    const window =
      repin && !repin.has(source) ? (change!.previous.windows[checksum] ?? undefined) : pinWindow(items, evidenceFor(items), recall);
    state.windows[checksum] = window ?? null;
    pinned.push(...pinnedEvents(source, items, window, recall));
  }
  // Unfrozen weights are fitted on this corpus, whose years are then inferred again (`others` was built).
  return { events: [...events, ...pinned], weights: frozen ?? { year: others!.similarity.counts(), pin: similarity.counts() }, state };
}

// A yearless article's events dated by its inferred year are a pure function of its events, their reading against
// that day (the memo's very object while it is recalled), and the year's note: kept by the article's events, so
// that a change that leaves its year as it was gives the same event objects (what merging keeps by event).
const datedYearless = new WeakMap<
  SentenceEvent[],
  { reading: Redated[]; reference: string; note: string; approximate: boolean; events: SentenceEvent[] }
>();

function yearlessEvents(record: ArticleTimeline, reading: Redated[], reference: string, year: InferredYear): SentenceEvent[] {
  const kept = datedYearless.get(record.events);
  if (kept && kept.reading === reading && kept.reference === reference && kept.note === year.note && kept.approximate === year.approximate)
    return kept.events;
  const events: SentenceEvent[] = [];
  for (const event of applyRedated(record.events, reading, reference)) {
    if (event.redate) {
      event.resolution = [event.resolution, year.note].filter(Boolean).join('; ');
      if (year.approximate) event.approximate = true;
    }
    events.push(event);
  }
  datedYearless.set(record.events, { reading, reference, note: year.note, approximate: year.approximate, events });
  return events;
}

/** What a change leaves of yearless datelines' inference: the match counts of their candidate years now, and the dates read. */
interface KeptYears {
  matches: Map<string, Record<number, number>>;
  looked: Set<string>;
}

/**
 * The year inference a change leaves as it was (`KeptYears`), or undefined when it may alter some yearless
 * dateline's year (`inferYear`): it adds or removes one, or an event on a date inference compared (`looked`).
 * Otherwise each article is checked in order, the ones before it as they were dated: its candidate years are
 * those the corpus names and the years after (from its own dates' year on); a candidate it had keeps its match
 * count, a new one is counted, and the year stays when the counts give the same winner (or none, as before).
 */
function* keptYears(
  change: DatingChange,
  years: number[],
  changed: ArticleTimeline[],
  dated: ArticleTimeline[],
  yearless: ArticleTimeline[],
  readerOf: (record: ArticleTimeline) => (reference: string) => SentenceEvent[],
  frozen: TermCounts | undefined,
  weigh: (counts: TermCounts) => Similarity,
): Steps<KeptYears | undefined> {
  const { previous } = change;
  // Weights fitted on this very corpus change with it: every year is inferred again.
  if (!frozen) return undefined;
  if (changed.some((record) => record.monthDay) || yearless.some((record) => !(record.checksum in previous.yearless))) return undefined;
  const looked = new Set(previous.looked);
  if (changed.some((record) => record.events.some((event) => looked.has(event.date)))) return undefined;
  const matches = new Map(yearless.map((record) => [record.checksum, previous.yearless[record.checksum]!.matches ?? {}]));
  if (years.join() === previous.years.join()) return { matches, looked };
  // Only match counts are read here: the index's filed events serve, in whatever order a date's come.
  const context = change.held
    ? new LayeredEvents(change.held.datedEvents(dated), frozen, weigh(frozen))
    : new OtherEvents(
        dated.flatMap((record) => record.events),
        frozen,
        weigh(frozen),
      );
  let done = 0;
  for (const record of yearless) {
    if (++done % ARTICLES_PER_STEP === 0) yield;
    const before = previous.yearless[record.checksum]!;
    const read = readerOf(record);
    const { month, day } = record.monthDay!;
    const readAt = (year: number) => read(`${year}-${pad(month)}-${pad(day)}`);
    const datedBefore = readAt(before.year);
    if (before.matches !== null) {
      const own = datedBefore.filter((event) => !event.reference);
      const named = new Set([...context.years, ...own.map((event) => Number(event.date.slice(0, 4)))]);
      if (named.size === 0) return undefined;
      const { floor } = earliestYear(own, named);
      const after: Record<number, number> = {};
      for (const year of new Set([...named].flatMap((value) => [value, value + 1])))
        if (year >= floor) after[year] = before.matches[year] ?? yearMatches(record.source, record.monthDay!, year, context, read).length;
      if (winner(before.matches) !== winner(after)) return undefined;
      matches.set(record.checksum, after);
    }
    context.add(datedBefore);
  }
  return { matches, looked: new Set([...looked, ...context.looked]) };
}

function winner(matches: Record<number, number>): number | undefined {
  const best = Math.max(0, ...Object.values(matches));
  const winners = Object.keys(matches).filter((year) => matches[Number(year)] === best);
  return best > 0 && winners.length === 1 ? Number(winners[0]) : undefined;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The undated articles to pin again: those the change adds or has no window for, and those with a relative date
 * that an event of a changed article reads as (`Evidence.alike`). An article's window depends on which events
 * read as its relative dates alone, so no other can change. Candidates are found through the words they share,
 * whose weights must reach what an alike pair needs (`LEAST_EVIDENCE_OVERLAP`), before any pair is scored;
 * the relative dates of every article are looked up by word in one index the index holds (`pendingByTerm`). The
 * articles not in it are those to pin again already, whose relative dates are passed over.
 */
function toRepin(
  records: ArticleTimeline[],
  changed: ArticleTimeline[],
  change: DatingChange,
  similarity: Similarity,
  held: HeldAssembly,
): Set<string> {
  const repin = new Set<string>();
  for (const record of records)
    if (record.pending.length > 0 && (!change.known.has(record.checksum) || !(record.checksum in change.previous.windows)))
      repin.add(record.source);
  const byTerm: PendingByTerm = held.pendingByTerm(records, (item) => similarity.termsOf(item.text));
  const probe = new Evidence([], similarity);
  const least = similarity.leastShared(LEAST_EVIDENCE_OVERLAP) * (1 - 1e-9);
  for (const event of changed.flatMap((record) => record.events)) {
    const terms = [...similarity.termsOf(event)];
    const shared = new Map<Pending, number>();
    // Each item's weights are summed in the order of the event's words, a word it has twice counted twice.
    for (const term of terms)
      for (const [item, times] of byTerm.get(term) ?? [])
        for (let i = 0; i < times; i++) shared.set(item, (shared.get(item) ?? 0) + similarity.weightOf(term));
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

import type { ArticleTimeline } from './article-timeline.ts';
import { linkingSteps } from './assemble.ts';
import { AssemblyMemo } from './assembly-memo.ts';
import type { HeldAssembly } from './held-assembly.ts';
import { datingSteps, type DatingChange, type DatingState, type DatingWeights } from './date-across.ts';
import { mergeSteps, type MergeMemo } from './merge.ts';
import { markBackground } from './merged-event.ts';
import { Similarity, type TermCounts } from './similarity.ts';
import { runSteps, type Steps } from './steps.ts';
import type { TimelineEvent } from './types.ts';

// How far the corpus may drift from the one its word weights were fitted on before an assembly fits them again.
// A word's weight is log(1 + n / count): when a fraction f of the corpus's clauses is added or removed without
// that word, its weight moves by at most log(1 + f), here under 0.05, a fourteenth of the smallest weight a word
// can have (log 2): what separates reports of one happening from others (a rare shared word) stays as it was.
export const REFIT_FRACTION = 0.05;

/**
 * What an assembly keeps for the next: the word counts every comparison weighed words by (fitted on the corpus at
 * a full assembly), how many clauses that corpus had and how many changed since, each article's size, and the merge's memo.
 * Plain data: it is stored with the per-article extractions.
 */
export interface AssemblyState {
  weights: DatingWeights & { merge: TermCounts };
  /** Events and pending dates of the articles the weights were fitted on, and of the articles added or removed since. */
  fitted: number;
  drift: number;
  /** Each article's events and pending dates, by checksum. */
  sizes: Record<string, number>;
  dating: DatingState;
  merge: MergeMemo;
}

/**
 * How an incremental assembly is run: the extractions of the articles gone since `previous`, the drift allowed,
 * and what the index's last assembly holds in memory (`held-assembly.ts`; without it, counted from nothing).
 */
export interface IncrementalOptions {
  removed?: ArticleTimeline[];
  refitFraction?: number;
  held?: HeldAssembly;
}

/** An assembly's timeline and state, and whether it fitted the word weights anew. */
export interface Assembly {
  events: TimelineEvent[];
  state: AssemblyState;
  refitted: boolean;
}

/**
 * The case's timeline from per-article extractions, as `assembleTimeline` gives it. Given the state of an earlier
 * assembly (`previous`), the words keep the weights fitted then, as long as the articles added and removed since
 * hold no more than `REFIT_FRACTION` of the clauses it was fitted on, and the merge recalls every year the
 * change leaves as it was: a corpus change costs what its articles' years hold, not what the corpus holds. The
 * result is then exactly what a full assembly with those weights gives (`assembleWithWeights`); past the drift,
 * or with no `previous`, the weights are fitted on the corpus again and the result is `assembleTimeline`'s.
 */
export function assembleIncrementally(
  records: ArticleTimeline[],
  memo = new AssemblyMemo(records),
  previous?: AssemblyState,
  options: IncrementalOptions = {},
): Assembly {
  return runSteps(assemblySteps(records, memo, previous, options));
}

/**
 * `assembleIncrementally` as steps (`steps.ts`), yielding between its stages (dating across articles, linking
 * surnames) and between the years it merges, so that a caller may run it in slices (`runStepsPaced`).
 */
export function* assemblySteps(
  records: ArticleTimeline[],
  memo = new AssemblyMemo(records),
  previous?: AssemblyState,
  { removed = [], refitFraction = REFIT_FRACTION, held }: IncrementalOptions = {},
): Steps<Assembly> {
  if (!previous) return yield* fit(records, memo, sizesOf(records), held);
  // The sizes the previous assembly stored, less the articles gone, with those added: copying an object of a key
  // per article is a fraction of what building it entry by entry costs.
  const sizes = { ...previous.sizes };
  const current = new Set<string>();
  let changed = 0;
  for (const record of records) {
    const size = record.events.length + record.pending.length;
    if (!(record.checksum in previous.sizes)) changed += size;
    sizes[record.checksum] = size;
    current.add(record.checksum);
  }
  for (const checksum in previous.sizes)
    if (!current.has(checksum)) {
      changed += previous.sizes[checksum]!;
      delete sizes[checksum];
    }
  const drift = previous.drift + changed;
  if (drift > refitFraction * previous.fitted) return yield* fit(records, memo, sizesOf(records), held);
  const change = { previous: previous.dating, known: new Set(Object.keys(previous.sizes)), removed, ...(held ? { held } : {}) };
  yield;
  const { events, dating, merge } = yield* withWeights(records, memo, previous.weights, { change, merge: previous.merge, held });
  return { events, state: { ...previous, drift, sizes, dating, merge }, refitted: false };
}

/** A full assembly of `records` with the given word weights (what an incremental one must equal). */
export function assembleWithWeights(records: ArticleTimeline[], weights: AssemblyState['weights']): TimelineEvent[] {
  return runSteps(withWeights(records, new AssemblyMemo(records), weights)).events;
}

/** Each article's events and pending dates, by checksum. */
function sizesOf(records: ArticleTimeline[]): Record<string, number> {
  return Object.fromEntries(records.map((record) => [record.checksum, record.events.length + record.pending.length]));
}

function* fit(records: ArticleTimeline[], memo: AssemblyMemo, sizes: Record<string, number>, held?: HeldAssembly): Steps<Assembly> {
  const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
  const dated = yield* datingSteps(records, memo);
  yield;
  const events = yield* linkingSteps(records, dated.events, held);
  yield;
  const similarity = new Similarity(events);
  yield;
  const merged = yield* mergeSteps(events, { similarity });
  return {
    events: markBackground(merged.events, held?.background),
    state: {
      weights: { ...dated.weights, merge: similarity.counts() },
      fitted: total,
      drift: 0,
      sizes,
      dating: dated.state,
      merge: merged.memo,
    },
    refitted: true,
  };
}

function* withWeights(
  records: ArticleTimeline[],
  memo: AssemblyMemo,
  weights: AssemblyState['weights'],
  previous: { change?: DatingChange; merge?: MergeMemo; held?: HeldAssembly } = {},
): Steps<{ events: TimelineEvent[]; dating: DatingState; merge: MergeMemo }> {
  const dated = yield* datingSteps(records, memo, weights, previous.change);
  yield;
  const events = yield* linkingSteps(records, dated.events, previous.held);
  yield;
  const merged = yield* mergeSteps(events, {
    similarity: previous.held?.similarity(weights.merge) ?? Similarity.fromCounts(weights.merge),
    ...(previous.merge ? { previous: previous.merge } : {}),
  });
  return { events: markBackground(merged.events, previous.held?.background), dating: dated.state, merge: merged.memo };
}

import { createHash } from 'node:crypto';
import { compatible } from './calendar.ts';
import { compareEvents } from './event-order.ts';
import { toEvent } from './merged-event.ts';
import { ClusterFacts } from './cluster-facts.ts';
import {
  bestCluster,
  ClusterIndex,
  clusterYear,
  finest,
  SAME_EVENT_DESPITE_DATE,
  type Member,
  type MergeInput,
  type MonthClusters,
} from './merge-year.ts';
import { Similarity } from './similarity.ts';
import { runSteps, type Steps } from './steps.ts';
import type { TimelineEvent } from './types.ts';

export type { MergeInput } from './merge-year.ts';

const PRECISION_ORDER = { day: 0, month: 1, year: 2 } as const;

// How many clusters a loop of merging goes through between two steps (`steps.ts`): a millisecond or two of work.
const CLUSTERS_PER_STEP = 200;

/**
 * What one merge keeps for the next over the same word weights: each year's reports (by content) with the
 * clusters they formed, and each month's before the year's year-precise reports joined them; each final
 * cluster's event. Plain data: it is stored with the per-article extractions.
 */
export interface MergeMemo {
  years: Record<string, { key: string; clusters: number[][]; months?: Record<string, MonthClusters> }>;
  /** Which cluster (`year:index`) each cluster joined for a clashing date, or null (`joinClashingDates`). */
  decisions: Record<string, string | null>;
  events: Record<string, TimelineEvent>;
}

/** How a merge may be given its word weights and the memo of an earlier merge made with the same weights. */
export interface MergeOptions {
  similarity?: Similarity;
  previous?: MergeMemo;
}

/**
 * Merges reports of the same happening (compatible dates, the same kind of event, shared rare words) into one
 * event listing every source, dated as precisely as any report allows. Reports that clearly describe one
 * happening but disagree on its date, a figure or a name's spelling are merged too, and `conflict` says how.
 */
export function mergeEvents(events: MergeInput[]): TimelineEvent[] {
  return mergeWithMemo(events).events;
}

/**
 * `mergeEvents`, and the memo for the next merge. Given `previous` (made with the same `similarity` weights), a
 * year whose reports are the same as then keeps the clusters it formed, a month whose reports are the same keeps
 * its clusters, and a cluster whose reports are the same keeps its event: a corpus change re-clusters the months
 * its reports fall into, whatever the size of the corpus.
 */
export function mergeWithMemo(events: MergeInput[], options: MergeOptions = {}): { events: TimelineEvent[]; memo: MergeMemo } {
  return runSteps(mergeSteps(events, options));
}

/** `mergeWithMemo` as steps (`steps.ts`): it yields after each year it clusters or recalls, and before joining across years. */
export function* mergeSteps(events: MergeInput[], options: MergeOptions = {}): Steps<{ events: TimelineEvent[]; memo: MergeMemo }> {
  const members = events.map(memberOf);
  const similarity = options.similarity ?? new Similarity(members);
  const memo: MergeMemo = { years: {}, decisions: {}, events: {} };
  // Compatible dates share their year, and their month when both name one: a report is compared only with the
  // clusters of its month (and those dated only to its year), so merging grows with the reports of a month rather
  // than with the square of the whole timeline. Reports come most precise first, so a cluster's finest date is
  // its first report's, and its place in the index never changes. A year's clusters so depend on its reports
  // alone (in this order): a year is merged on its own, or its clusters recalled.
  const byYear = reportsByYear(members);
  const index = new ClusterIndex();
  const facts = new ClusterFacts<Member>(similarity);
  const changedYears = new Set<number>();
  for (const [value, reports] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const key = yearKeys.of(reports);
    const kept = options.previous?.years[value];
    let clusters: Member[][];
    if (kept?.key === key) {
      clusters = kept.clusters.map((cluster) => cluster.map((at) => reports[at]!));
      memo.years[value] = kept;
    } else {
      changedYears.add(value);
      const months: Record<string, MonthClusters> = {};
      clusters = clusterYear(reports, facts, (members) => monthKeys.of(members), kept?.months, months);
      const at = new Map(reports.map((member, i) => [member, i]));
      memo.years[value] = { key, clusters: clusters.map((cluster) => cluster.map((member) => at.get(member)!)), months };
    }
    for (const cluster of clusters) index.add(cluster);
    yield;
  }
  const clusters = index.all();
  yield;
  const alive = yield* joinClashingDates(clusters, index, facts, changedYears, options.previous?.decisions ?? {}, memo.decisions);
  yield;
  const merged: TimelineEvent[] = [];
  for (const cluster of clusters) {
    if (!alive.has(cluster)) continue;
    if ((merged.length + 1) % CLUSTERS_PER_STEP === 0) yield;
    const key = clusterKeys.of(cluster);
    const event = options.previous?.events[key] ?? toEvent(cluster);
    memo.events[key] = event;
    merged.push(event);
  }
  yield;
  return { events: merged.sort(compareEvents), memo };
}

/**
 * Joins clusters that clearly report one happening though their dates clash by up to a year ("convicted in
 * 2016" / "in November 2015"), in order: each cluster into the best alike cluster of its year or the years
 * either side. A cluster whose three years are as they were in the merge that made `previous` decides as it
 * decided then; a year is no longer as it was once its clusters were merged again (`changed`) or a decision
 * made anew may have changed one of its clusters. Gives the clusters still standing; `decisions` gets them all.
 */
function* joinClashingDates(
  clusters: Member[][],
  index: ClusterIndex,
  facts: ClusterFacts<Member>,
  changed: Set<number>,
  previous: MergeMemo['decisions'],
  decisions: MergeMemo['decisions'],
): Steps<Set<Member[]>> {
  const alive = new Set(clusters);
  const ids = new Map<Member[], string>();
  const byId = new Map<string, Member[]>();
  const counts = new Map<number, number>();
  // `clusters` lists each year's clusters in the order they were made: an id is stable while its year is.
  for (const cluster of clusters) {
    const at = counts.get(year(cluster)) ?? 0;
    counts.set(year(cluster), at + 1);
    const id = `${year(cluster)}:${at}`;
    ids.set(cluster, id);
    byId.set(id, cluster);
  }
  const yearOfId = (id: string) => Number(id.slice(0, id.indexOf(':')));
  let done = 0;
  for (const cluster of clusters) {
    if (++done % CLUSTERS_PER_STEP === 0) yield;
    if (!alive.has(cluster)) continue;
    const own = year(cluster);
    const id = ids.get(cluster)!;
    const as = previous[id];
    const recalled = as === null ? null : as === undefined ? undefined : byId.get(as);
    let other: Member[] | undefined;
    if ((recalled === null || (recalled && alive.has(recalled))) && ![own - 1, own, own + 1].some((value) => changed.has(value)))
      other = recalled ?? undefined;
    else {
      const nearby = [-1, 0, 1]
        .flatMap((offset) => index.inYear(own + offset))
        .filter((candidate) => candidate !== cluster && alive.has(candidate));
      other = bestCluster(
        nearby,
        cluster[0]!,
        facts,
        (candidate) =>
          !compatible(finest(candidate).date, finest(cluster).date) &&
          facts.similarity.sharedVerbs(candidate[0]!, cluster[0]!).length > 0 &&
          !facts.of(candidate).sharesFirstSource(facts.of(cluster)),
        SAME_EVENT_DESPITE_DATE,
      );
      // What this decision changes, or what the one made before changed, is no longer as it was.
      if (other || as) {
        changed.add(own);
        if (other) changed.add(year(other));
        if (as) changed.add(yearOfId(as));
      }
    }
    decisions[id] = other ? ids.get(other)! : null;
    if (other) {
      other.push(...cluster);
      alive.delete(cluster);
    }
  }
  return alive;
}

// What merging and the merged event read of a report (its words' profile follows from its clause and summary):
// two reports alike in these merge alike, whichever article or build they come from. The fields are separated by
// control characters, which news text does not use. A report is never changed once made (as `Similarity` keeps
// its profile), so its member and its key are kept by object: a corpus change keys only the reports it makes.
const members = new WeakMap<MergeInput, Member>();
const keys = new WeakMap<Member, string>();

function memberOf(event: MergeInput): Member {
  let member = members.get(event);
  if (!member) members.set(event, (member = { ...event, clause: event.clause ?? event.summary }));
  return member;
}

function memberKey(member: Member): string {
  let key = keys.get(member);
  if (key !== undefined) return key;
  // Concatenated rather than joined from arrays: every report of the corpus is keyed at the first merge.
  let sources = '';
  for (const cited of member.sources)
    sources += `${sources ? '\u0002' : ''}${cited.source}\u0003${cited.start}\u0003${cited.end}\u0003${cited.quote}`;
  key =
    `${member.id}\u0001${member.date}\u0001${member.precision}\u0001${member.approximate}\u0001${member.summary}` +
    `\u0001${member.kind}\u0001${member.people.join('\u0002')}\u0001${member.places.join('\u0002')}\u0001${sources}` +
    `\u0001${member.resolution ?? ''}\u0001${member.conflict ?? ''}\u0001${member.clause}\u0001${member.verbs?.join('\u0002') ?? '*'}`;
  keys.set(member, key);
  return key;
}

/** The key of reports in order: the same reports, and only they, give the same key. */
function contentKey(reports: Member[]): string {
  const hash = createHash('sha1');
  for (const member of reports) hash.update(memberKey(member)).update('\n');
  return hash.digest('base64');
}

/**
 * Keys of lists of reports (a year's, a month's, a cluster's), kept by the list's first report: a list of the very
 * reports keyed before, in the same order, has the key it had, found by comparing objects rather than hashing.
 */
class ListKeys {
  private readonly byFirst = new WeakMap<Member, { members: Member[]; key: string }>();

  of(reports: Member[]): string {
    const first = reports[0];
    const kept = first && this.byFirst.get(first);
    if (kept && kept.members.length === reports.length && kept.members.every((member, i) => member === reports[i])) return kept.key;
    const key = contentKey(reports);
    // A copy: clusters grow after they are keyed.
    if (first) this.byFirst.set(first, { members: [...reports], key });
    return key;
  }
}

const yearKeys = new ListKeys();
const monthKeys = new ListKeys();
const clusterKeys = new ListKeys();

/**
 * Each year's reports, most precise first, then by date, reports of one precision and date in the order given (what
 * a stable sort of all reports by precision and date lists, year by year). Put in buckets by precision and date
 * first: only the distinct dates are sorted, not every report.
 */
function reportsByYear(members: Member[]): Map<number, Member[]> {
  const buckets = new Map<string, Member[]>();
  for (const member of members) {
    // The precision's rank, one digit, then the date: dates of one precision have one shape (YYYY, YYYY-MM or
    // YYYY-MM-DD), so these keys sort as their characters do, by precision and then by date.
    const key = `${PRECISION_ORDER[member.precision]}${member.date}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(member);
    else buckets.set(key, [member]);
  }
  const byYear = new Map<number, Member[]>();
  for (const key of [...buckets.keys()].sort()) {
    const bucket = buckets.get(key)!;
    const year = yearOf(bucket[0]!);
    const list = byYear.get(year);
    if (list) list.push(...bucket);
    else byYear.set(year, [...bucket]);
  }
  return byYear;
}

function year(cluster: Member[]): number {
  return yearOf(cluster[0]!);
}

function yearOf(member: Member): number {
  return Number(member.date.slice(0, 4));
}

import { compatible } from './calendar.ts';
import type { ClusterFacts } from './cluster-facts.ts';
import type { TimelineEvent } from './types.ts';

// Reports with compatible dates join when they score this alike; with clashing dates, or two sentences of one
// article (which rarely report one happening twice), only when far more alike.
const SAME_EVENT = 0.55;
export const SAME_EVENT_DESPITE_DATE = 0.9;

/** An event to merge; `clause` (from extraction) is what is compared, else the summary. */
export type MergeInput = TimelineEvent & { clause?: string; verbs?: string[] };

/** A report as merging compares it: its clause (from extraction), else its summary. */
export interface Member extends MergeInput {
  clause: string;
}

/** One month's clusters as an earlier merge formed them: the content key of its reports, and their indexes. */
export interface MonthClusters {
  key: string;
  clusters: number[][];
}

/**
 * One year's reports (most precise first) clustered: each joins the best alike cluster of its month or year, or
 * starts one. A day- or month-precise report meets only the clusters of its month (the year-precise ones come
 * last), so each month is clustered on its own, or its clusters are recalled from `months` (by the content key
 * `keyOf` gives its reports) when its reports are those of then; the year-precise reports then meet every
 * cluster of the year. The clusters come in the order one pass over the year's reports makes them. `formed`
 * gets each month's clusters, before the year-precise reports join them.
 */
export function clusterYear(
  reports: Member[],
  facts: ClusterFacts<Member>,
  keyOf: (reports: Member[]) => string,
  months: Record<string, MonthClusters> = {},
  formed: Record<string, MonthClusters> = {},
): Member[][] {
  const byMonth = new Map<string, Member[]>();
  const coarse: Member[] = [];
  for (const member of reports) {
    if (member.precision === 'year') coarse.push(member);
    else push(byMonth, member.date.slice(0, 7), member);
  }
  const index = new ClusterIndex();
  // A pass over the year makes the clusters its day-precise reports start, in date order, then those its
  // month-precise reports start: each month's own clusters are in that order too.
  const started: { day: Member[][]; month: Member[][] }[] = [];
  for (const [month, members] of byMonth) {
    const kept = months[month];
    const key = keyOf(members);
    const clusters =
      kept?.key === key
        ? kept.clusters.map((cluster) => cluster.map((at) => members[at]!))
        : clusterReports(members, facts, new ClusterIndex());
    const at = new Map(members.map((member, i) => [member, i]));
    formed[month] = kept?.key === key ? kept : { key, clusters: clusters.map((cluster) => cluster.map((member) => at.get(member)!)) };
    started.push({
      day: clusters.filter((cluster) => cluster[0]!.precision === 'day'),
      month: clusters.filter((cluster) => cluster[0]!.precision !== 'day'),
    });
  }
  for (const { day } of started) for (const cluster of day) index.add(cluster);
  for (const { month } of started) for (const cluster of month) index.add(cluster);
  return clusterReports(coarse, facts, index);
}

/** Reports in order, each joining the best alike cluster of `index` it may join, or starting one; gives every cluster. */
function clusterReports(reports: Member[], facts: ClusterFacts<Member>, index: ClusterIndex): Member[][] {
  for (const member of reports) {
    const sameArticle = (cluster: Member[]) => facts.of(cluster).citesOtherSentence(member);
    const sameSentence = (cluster: Member[]) => facts.of(cluster).citesSameSentence(member);
    const candidates = index.compatibleWith(member.date);
    // Two dates of one sentence that resolve to the same day ("Nov. 9 ... said on Saturday") are one event.
    const best =
      candidates.find(sameSentence) ??
      bestCluster(
        candidates.filter((cluster) => !sameArticle(cluster)),
        member,
        facts,
        (cluster) => compatible(finest(cluster).date, member.date),
        SAME_EVENT,
      ) ??
      bestCluster(
        candidates.filter(sameArticle),
        member,
        facts,
        (cluster) => compatible(finest(cluster).date, member.date),
        SAME_EVENT_DESPITE_DATE,
      );
    if (best) best.push(member);
    else index.add([member]);
  }
  return index.all();
}

/** Clusters by the year and month of their finest date, in creation order. */
export class ClusterIndex {
  private readonly years = new Map<number, { whole: Member[][]; months: Map<string, Member[][]>; all: Member[][] }>();

  add(cluster: Member[]): void {
    const date = cluster[0]!.date;
    const year = this.year(Number(date.slice(0, 4)));
    year.all.push(cluster);
    if (date.length === 4) year.whole.push(cluster);
    else push(year.months, date.slice(0, 7), cluster);
  }

  /** The clusters a report dated `date` may join: its month's and its year's, or the whole year's for a year. */
  compatibleWith(date: string): Member[][] {
    const year = this.years.get(Number(date.slice(0, 4)));
    if (!year) return [];
    if (date.length === 4) return year.all;
    return [...(year.months.get(date.slice(0, 7)) ?? []), ...year.whole];
  }

  inYear(value: number): Member[][] {
    return this.years.get(value)?.all ?? [];
  }

  /** Every cluster, years in order, each year's in creation order. */
  all(): Member[][] {
    return [...this.years].sort((a, b) => a[0] - b[0]).flatMap(([, year]) => year.all);
  }

  private year(value: number) {
    let year = this.years.get(value);
    if (!year) this.years.set(value, (year = { whole: [], months: new Map(), all: [] }));
    return year;
  }
}

/** The cluster `member` scores most alike (at least `threshold`) among the eligible ones; the first on a tie. */
export function bestCluster(
  clusters: Member[][],
  member: Member,
  facts: ClusterFacts<Member>,
  eligible: (cluster: Member[]) => boolean,
  threshold: number,
) {
  let best: { cluster: Member[]; score: number } | undefined;
  for (const cluster of clusters) {
    if (!eligible(cluster)) continue;
    const score = Math.max(
      ...facts.of(cluster).distinct.map((other) => facts.similarity.score(member, other) + peopleBonus(member, other)),
    );
    if (score >= threshold && (!best || score > best.score)) best = { cluster, score };
  }
  return best?.cluster;
}

// Two reports dated to the same month or day that involve the same people are likely one happening.
const SHARED_PERSON = 0.2;
const MAX_PEOPLE_BONUS = 0.4;

function peopleBonus(a: Member, b: Member): number {
  if (a.precision === 'year' || b.precision === 'year' || !compatible(a.date, b.date)) return 0;
  const shared = a.people.filter((person) => b.people.includes(person)).length;
  return Math.min(MAX_PEOPLE_BONUS, shared * SHARED_PERSON);
}

/** The cluster's most precisely dated report. */
export function finest(cluster: Member[]): Member {
  return cluster.reduce((best, member) => (member.date.length > best.date.length ? member : best));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

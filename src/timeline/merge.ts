import { createHash } from 'node:crypto';
import { compatible } from './calendar.ts';
import { describeConflict } from './conflict.ts';
import { ClusterFacts } from './cluster-facts.ts';
import { Similarity } from './similarity.ts';
import type { TimelineEvent } from './types.ts';

/** An event to merge; `clause` (from extraction) is what is compared, else the summary. */
export type MergeInput = TimelineEvent & { clause?: string; verbs?: string[] };

// Reports with compatible dates join when they score this alike; with clashing dates, or two sentences of one
// article (which rarely report one happening twice), only when far more alike.
const SAME_EVENT = 0.55;
const SAME_EVENT_DESPITE_DATE = 0.9;
const PRECISION_ORDER = { day: 0, month: 1, year: 2 } as const;

interface Member extends MergeInput {
  clause: string;
}

/**
 * Merges reports of the same happening (compatible dates, the same kind of event, shared rare words) into one
 * event listing every source, dated as precisely as any report allows. Reports that clearly describe one
 * happening but disagree on its date, a figure or a name's spelling are merged too, and `conflict` says how.
 */
export function mergeEvents(events: MergeInput[]): TimelineEvent[] {
  const members: Member[] = events.map((event) => ({ ...event, clause: event.clause ?? event.summary }));
  const similarity = new Similarity(members);
  const ordered = [...members].sort((a, b) => PRECISION_ORDER[a.precision] - PRECISION_ORDER[b.precision] || a.date.localeCompare(b.date));
  // Compatible dates share their year, and their month when both name one: a report is compared only with the
  // clusters of its month (and those dated only to its year), so merging grows with the reports of a month rather
  // than with the square of the whole timeline. Reports come most precise first, so a cluster's finest date is
  // its first report's, and its place in the index never changes.
  const index = new ClusterIndex();
  const facts = new ClusterFacts<Member>(similarity);
  for (const member of ordered) {
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
  const clustersOf = (value: number) => index.inYear(value);
  const clusters = index.all();
  const alive = new Set(clusters);
  for (const cluster of clusters) {
    if (!alive.has(cluster)) continue;
    // Reports of one happening whose dates clash by up to a year ("convicted in 2016" / "in November 2015").
    const nearby = [-1, 0, 1]
      .flatMap((offset) => clustersOf(year(cluster) + offset))
      .filter((candidate) => candidate !== cluster && alive.has(candidate));
    const other = bestCluster(
      nearby,
      cluster[0]!,
      facts,
      (candidate) =>
        !compatible(finest(candidate).date, finest(cluster).date) &&
        similarity.sharedVerbs(candidate[0]!, cluster[0]!).length > 0 &&
        !facts.of(candidate).sharesFirstSource(facts.of(cluster)),
      SAME_EVENT_DESPITE_DATE,
    );
    if (other) {
      other.push(...cluster);
      alive.delete(cluster);
    }
  }
  return clusters
    .filter((cluster) => alive.has(cluster))
    .map(toEvent)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.sources[0]!.source.localeCompare(b.sources[0]!.source) ||
        a.sources[0]!.start - b.sources[0]!.start,
    );
}

/** Clusters by the year and month of their finest date, in creation order. */
class ClusterIndex {
  private readonly years = new Map<number, { whole: Member[][]; months: Map<string, Member[][]>; all: Member[][] }>();

  add(cluster: Member[]): void {
    const date = cluster[0]!.date;
    const year = this.year(Number(date.slice(0, 4)));
    year.all.push(cluster);
    if (date.length === 4) year.whole.push(cluster);
    else year.months.set(date.slice(0, 7), [...(year.months.get(date.slice(0, 7)) ?? []), cluster]);
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

function bestCluster(
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

function toEvent(cluster: Member[]): TimelineEvent {
  const counts = new Map<string, number>();
  for (const member of cluster) counts.set(member.date, (counts.get(member.date) ?? 0) + 1);
  // The date most reports support, refined by any compatible report that is more precise.
  const majority = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0];
  const dated = cluster.filter((member) => compatible(member.date, majority)).sort((a, b) => b.date.length - a.date.length)[0]!;
  const atDate = cluster.filter((member) => member.date === dated.date);
  const resolutions = atDate.some((member) => !member.resolution) ? [] : [...new Set(atDate.map((member) => member.resolution!))];
  const sources = dedupe(cluster.flatMap((member) => member.sources));
  const conflict = [
    describeConflict(
      cluster.flatMap((member) => member.sources.map((source) => ({ source: source.source, date: member.date, clause: member.clause }))),
    ),
    ...cluster.map((member) => member.conflict),
  ]
    .filter(Boolean)
    .join('; ');
  const approximate = atDate.every((member) => member.approximate);
  return {
    id: eventId(dated.date, sources),
    date: dated.date,
    precision: dated.precision,
    approximate,
    summary: bestSummary(cluster, dated.date),
    kind: (['occurred', 'said', 'scheduled', 'background'] as const).find((kind) => cluster.some((member) => member.kind === kind))!,
    people: [...new Set(cluster.flatMap((member) => member.people))],
    places: [...new Set(cluster.flatMap((member) => member.places))],
    sources,
    ...(resolutions.length > 0 ? { resolution: resolutions.join('; ') } : {}),
    ...(conflict ? { conflict } : {}),
  };
}

/** The most headline-like summary: from a report at the event's date, opening with someone it involves, whole, not a quotation. */
function bestSummary(cluster: Member[], date: string): string {
  const score = ({ summary, date: own, people }: Member) =>
    (own === date ? 1 : 0) +
    (people.some((person) => summary.startsWith(person) || summary.startsWith(person.split(' ').pop()!)) ? 2 : 0) -
    (summary.includes('…') ? 1 : 0) -
    (/^[“"‘]/.test(summary) ? 2 : 0) -
    (summary.length < 20 ? 1 : 0);
  return [...cluster].sort((a, b) => score(b) - score(a) || a.summary.length - b.summary.length)[0]!.summary;
}

/**
 * Events before the case's main line are its background: the main line starts in the year of the earliest event
 * that several articles report (the happening the case is known for); what came in earlier years is history.
 */
export function markBackground(events: TimelineEvent[]): TimelineEvent[] {
  const shared = events
    .filter((event) => new Set(event.sources.map((cited) => cited.source)).size >= 2)
    .map((event) => event.date)
    .sort();
  const start = shared[0];
  if (!start) return events;
  // By year: the months before the main event within its year belong to the case ("the spring of 2013").
  const year = start.slice(0, 4);
  return events.map((event) =>
    event.kind === 'occurred' && event.date.slice(0, 4) < year ? { ...event, kind: 'background' as const } : event,
  );
}

function dedupe(sources: TimelineEvent['sources']): TimelineEvent['sources'] {
  const seen = new Set<string>();
  return sources
    .filter((source) => !seen.has(`${source.source}#${source.start}`) && seen.add(`${source.source}#${source.start}`))
    .sort((a, b) => a.source.localeCompare(b.source) || a.start - b.start);
}

function eventId(date: string, sources: TimelineEvent['sources']): string {
  const key = [date, ...sources.map((source) => `${source.source}#${source.start}`)].join('|');
  return `ev-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
}

function finest(cluster: Member[]): Member {
  return cluster.reduce((best, member) => (member.date.length > best.date.length ? member : best));
}

function year(cluster: Member[]): number {
  return yearOf(cluster[0]!);
}

function yearOf(member: Member): number {
  return Number(member.date.slice(0, 4));
}

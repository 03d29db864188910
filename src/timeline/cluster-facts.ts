import type { Comparable, Similarity } from './similarity.ts';

/** What the facts read of a report of a cluster. */
export type ClusterReport = Comparable & {
  precision: string;
  date: string;
  people: string[];
  sources: { source: string; start: number }[];
};

/**
 * What merging asks of a cluster, kept up to date as reports join it (they are only ever appended): which
 * sentences it cites, and its reports that score differently (a report repeated word for word, with the same
 * people and date, scores as its first copy), so that a large cluster of one happening is not walked report by report.
 */
export class ClusterFacts<Member extends ClusterReport> {
  private readonly facts = new WeakMap<Member[], Facts<Member>>();
  private readonly profileIds = new WeakMap<object, number>();
  private nextProfileId = 0;

  constructor(readonly similarity: Similarity) {}

  of(cluster: Member[]): Facts<Member> {
    let facts = this.facts.get(cluster);
    if (!facts) this.facts.set(cluster, (facts = new Facts<Member>()));
    for (; facts.seen < cluster.length; facts.seen++) facts.add(cluster[facts.seen]!, this.signature(cluster[facts.seen]!));
    return facts;
  }

  private signature(member: Member): string {
    const profile = this.similarity.profileOf(member);
    let id = this.profileIds.get(profile);
    if (id === undefined) this.profileIds.set(profile, (id = this.nextProfileId++));
    return `${id}|${member.precision}|${member.date}|${member.people.join('|')}`;
  }
}

export class Facts<Member extends ClusterReport> {
  seen = 0;
  readonly distinct: Member[] = [];
  private readonly signatures = new Set<string>();
  /** Cited sentence starts by source file, and the dates each cited sentence is reported at. */
  private readonly starts = new Map<string, Set<number>>();
  private readonly datesAt = new Map<string, Set<string>>();
  readonly firstSources = new Set<string>();

  add(member: Member, signature: string): void {
    if (!this.signatures.has(signature)) {
      this.signatures.add(signature);
      this.distinct.push(member);
    }
    this.firstSources.add(member.sources[0]!.source);
    for (const cited of member.sources) {
      let starts = this.starts.get(cited.source);
      if (!starts) this.starts.set(cited.source, (starts = new Set()));
      starts.add(cited.start);
      const at = `${cited.source}#${cited.start}`;
      let dates = this.datesAt.get(at);
      if (!dates) this.datesAt.set(at, (dates = new Set()));
      dates.add(member.date);
    }
  }

  /** Whether the cluster cites another sentence of an article `member` cites. */
  citesOtherSentence(member: Member): boolean {
    return member.sources.some((own) => {
      const starts = this.starts.get(own.source);
      return starts !== undefined && (starts.size > 1 || !starts.has(own.start));
    });
  }

  /** Whether the cluster holds a report of `member`'s sentence at `member`'s date. */
  citesSameSentence(member: Member): boolean {
    return member.sources.some((own) => this.datesAt.get(`${own.source}#${own.start}`)?.has(member.date) ?? false);
  }

  sharesFirstSource(other: Facts<Member>): boolean {
    for (const source of this.firstSources) if (other.firstSources.has(source)) return true;
    return false;
  }
}

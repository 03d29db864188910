import { contentTerms, eventTypes, inverseFrequencies, names, overlap, rarest } from './terms.ts';

/** What matching needs of an event: the clause it was told in, and its summary (where "his" became a name). */
export interface Comparable {
  clause: string;
  summary?: string;
}

interface Profile {
  terms: Set<string>;
  types: Set<string>;
  names: Set<string>;
}

const SHARED_KIND = 0.35;
const NAME_CLASH = 0.3;

/** Scores how likely two clauses report the same happening, weighting rare shared words over common ones. */
export class Similarity {
  private readonly profiles = new Map<string, Profile>();
  private readonly idf: Map<string, number>;
  private readonly rare: number;

  constructor(corpus: Comparable[]) {
    this.idf = inverseFrequencies(corpus.map((event) => this.profile(event).terms));
    this.rare = rarest(this.idf);
  }

  /**
   * 0 when the clauses name different kinds of event (an arrest, a release); otherwise the weighted overlap of
   * their words, plus a bonus for a shared kind, minus a penalty when both name people and share none of them.
   */
  score(a: Comparable, b: Comparable): number {
    const [pa, pb] = [this.profile(a), this.profile(b)];
    const shared = [...pa.types].some((type) => pb.types.has(type));
    if (pa.types.size > 0 && pb.types.size > 0 && !shared) return 0;
    const clash = pa.names.size > 0 && pb.names.size > 0 && ![...pa.names].some((name) => pb.names.has(name));
    return overlap(pa.terms, pb.terms, this.idf, 3, this.rare) + (shared ? SHARED_KIND : 0) - (clash ? NAME_CLASH : 0);
  }

  /** The kinds of event two clauses share. */
  sharedTypes(a: Comparable, b: Comparable): string[] {
    const types = this.profile(b).types;
    return [...this.profile(a).types].filter((type) => types.has(type));
  }

  private profile(event: Comparable): Profile {
    const key = `${event.clause}\n${event.summary ?? ''}`;
    let profile = this.profiles.get(key);
    if (!profile) {
      const text = `${event.clause} ${event.summary ?? ''}`;
      const people = names(text).flatMap((run) => run.split(' ')).filter((word) => word.length > 2 && !/^[A-Z.]+$/.test(word));
      profile = { terms: contentTerms(text), types: eventTypes(event.clause), names: new Set(people) };
      this.profiles.set(key, profile);
    }
    return profile;
  }
}

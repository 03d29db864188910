import { analyse } from './nlp.ts';
import { contentTerms } from '../text/terms.ts';
import { names, overlap } from './terms.ts';

/** What matching needs of an event: the clause it was told in, and its summary (where "his" became a name). */
export interface Comparable {
  clause: string;
  summary?: string;
  /** The clause's main verbs when already read (`clauseVerbs`); else they are parsed here. */
  verbs?: string[];
  /** `profileWords` of the clause and summary when already read at extraction; else they are parsed here. */
  terms?: string[];
  nameWords?: string[];
}

/** What scoring reads of a clause and its summary: its content terms and the words of the names it gives. */
export function profileWords(clause: string, summary = ''): { terms: string[]; nameWords: string[] } {
  const text = `${clause} ${summary}`;
  const nameWords = names(text)
    .flatMap((run) => run.split(' '))
    .filter((word) => word.length > 2 && !/^[A-Z.]+$/.test(word));
  return { terms: [...contentTerms(text)], nameWords };
}

interface Profile {
  terms: Set<string>;
  /** Lemmas of the clause's main verbs ("arrested", "detained" → "arrest", "detain"), from compromise. */
  verbs: Set<string>;
  names: Set<string>;
}

// A shared main verb is strong evidence of one happening; naming only different people is evidence against.
export const SHARED_VERB = 0.35;
const NAME_CLASH = 0.3;
// The smaller clause counts as at least this many of the rarest words (`overlap`'s floor).
const SMALLEST_SIDE = 3;
// Verbs that carry tense or voice rather than saying what happened.
const LIGHT_VERBS = new Set([
  'be',
  'is',
  'have',
  'do',
  'will',
  'would',
  'could',
  'may',
  'might',
  'can',
  'shall',
  'should',
  'must',
  'say',
  'said',
  'tell',
]);

/** A Similarity's word counts, as stored: how many clauses, and in how many of them each term occurs. */
export interface TermCounts {
  n: number;
  counts: [string, number][];
}

// Pairs of profiles whose scores are kept, at most: about 100 MB, whatever the corpus.
const MAX_CACHED_SCORES = 1_000_000;

// A profile is a pure function of an event's clause, summary and verbs, which are never changed once made: kept
// by object for as long as the event lives, so that every Similarity over the same events parses each once.
const byObject = new WeakMap<Comparable, Profile>();

/**
 * Scores how likely two clauses report the same happening, weighting rare shared words over common ones (the
 * inverse frequency of a word among the clauses of `corpus`). Given a `base` (itself built without one), the
 * corpus is the base's clauses and these together: the base's counts and parses are shared, not made again,
 * which lets assembly score one article's readings against the whole corpus many times at the cost of that article.
 */
export class Similarity {
  private readonly profiles: Map<string, Profile>;
  private readonly own = new Map<string, number>();
  private readonly scores = new Map<Profile, Map<Profile, number>>();
  private cached = 0;
  private n: number;
  private readonly weights = new Map<string, number>();
  private rareMemo?: number;

  /** `without` (clauses of the base) are left out of the corpus. */
  constructor(
    corpus: Comparable[],
    private readonly base?: Similarity,
    without: readonly Comparable[] = [],
  ) {
    if (base?.base) throw new Error('A Similarity extends one built from a corpus alone.');
    this.profiles = base?.profiles ?? new Map();
    this.tally(corpus, 1);
    this.tally(without, -1);
    this.n = corpus.length - without.length + (base?.n ?? 0);
  }

  /** A Similarity whose corpus is given by its counts (`counts()` of another): no clause is read to weigh words. */
  static fromCounts(frozen: TermCounts): Similarity {
    const similarity = new Similarity([]);
    for (const [term, count] of frozen.counts) similarity.own.set(term, count);
    similarity.n = frozen.n;
    return similarity;
  }

  /** The corpus's word counts (of a Similarity built without a base), for `fromCounts`. */
  counts(): TermCounts {
    return { n: this.n, counts: [...this.own].filter(([, count]) => count > 0).sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
  }

  /** Adds clauses to the corpus (of a Similarity that others extend: they must be made after). */
  add(corpus: Comparable[]): void {
    this.tally(corpus, 1);
    this.n += corpus.length;
    this.weights.clear();
    this.scores.clear();
    this.cached = 0;
    this.histogramMemo = undefined;
    this.rareMemo = undefined;
  }

  private tally(corpus: readonly Comparable[], sign: 1 | -1): void {
    for (const event of corpus) for (const term of this.profile(event).terms) this.own.set(term, (this.own.get(term) ?? 0) + sign);
  }

  /**
   * The rarest term's weight (what an unseen term weighs): the largest over the counts that occur. Worked out when
   * first scored: a Similarity that only serves as a base, or is never asked, does not walk its vocabulary.
   */
  private get rare(): number {
    if (this.rareMemo === undefined) {
      let max = Math.log(2);
      for (const count of this.distinctCounts()) if (count > 0) max = Math.max(max, Math.log(1 + this.n / count));
      this.rareMemo = max;
    }
    return this.rareMemo;
  }

  /** The weighted overlap of two clauses' words, plus a bonus for a shared main verb, minus a penalty when both name people and share none. */
  score(a: Comparable, b: Comparable): number {
    const [pa, pb] = [this.profile(a), this.profile(b)];
    // Reports repeated word for word (wire copy, syndicated articles) share a profile: each pair is scored once.
    let row = this.scores.get(pa);
    const known = row?.get(pb);
    if (known !== undefined) return known;
    const score = this.scoreProfiles(pa, pb);
    if (this.cached < MAX_CACHED_SCORES) {
      if (!row) this.scores.set(pa, (row = new Map()));
      row.set(pb, score);
      this.cached++;
    }
    return score;
  }

  private scoreProfiles(pa: Profile, pb: Profile): number {
    const shared = [...pa.verbs].some((verb) => pb.verbs.has(verb));
    const clash = pa.names.size > 0 && pb.names.size > 0 && ![...pa.names].some((name) => pb.names.has(name));
    return overlap(pa.terms, pb.terms, this.weight, SMALLEST_SIDE, this.rare) + (shared ? SHARED_VERB : 0) - (clash ? NAME_CLASH : 0);
  }

  /** A term's weight, as scoring weighs it. */
  weightOf(term: string): number {
    return this.weight(term);
  }

  /** A clause's content terms, as scoring reads them (those read at extraction when it has them). */
  termsOf(event: Comparable): Iterable<string> {
    return event.terms && event.nameWords ? event.terms : this.profile(event).terms;
  }

  /**
   * The least weight the words two clauses share must sum to for their word overlap to reach `share`: the
   * overlap is relative to the smaller clause, which weighs at least SMALLEST_SIDE rarest words.
   */
  leastShared(share: number): number {
    return share * SMALLEST_SIDE * this.rare;
  }

  /** What scoring reads of a clause: two clauses with the same profile score alike against any other. */
  profileOf(event: Comparable): object {
    return this.profile(event);
  }

  /** The main verbs two clauses share. */
  sharedVerbs(a: Comparable, b: Comparable): string[] {
    const verbs = this.profile(b).verbs;
    return [...this.profile(a).verbs].filter((verb) => verbs.has(verb));
  }

  private readonly weight = (term: string): number => {
    let weight = this.weights.get(term);
    if (weight === undefined) {
      const count = this.count(term);
      weight = count > 0 ? Math.log(1 + this.n / count) : this.rare;
      this.weights.set(term, weight);
    }
    return weight;
  };

  private count(term: string): number {
    return (this.own.get(term) ?? 0) + (this.base?.own.get(term) ?? 0);
  }

  /** The counts some term of the corpus has: the base's for terms these clauses lack, and the sums for theirs. */
  private distinctCounts(): Set<number> {
    const counts = new Set<number>();
    for (const term of this.own.keys()) counts.add(this.count(term));
    if (this.base) {
      // The base's counts, less those of the terms these clauses change: a count stays if some other term has it.
      const changed = new Map<number, number>();
      for (const term of this.own.keys()) {
        const count = this.base.own.get(term);
        if (count !== undefined) changed.set(count, (changed.get(count) ?? 0) + 1);
      }
      for (const [count, terms] of this.base.histogram()) if (terms > (changed.get(count) ?? 0)) counts.add(count);
    }
    return counts;
  }

  private histogramMemo?: Map<number, number>;

  /** How many terms have each count. */
  private histogram(): Map<number, number> {
    if (!this.histogramMemo) {
      this.histogramMemo = new Map();
      for (const count of this.own.values()) this.histogramMemo.set(count, (this.histogramMemo.get(count) ?? 0) + 1);
    }
    return this.histogramMemo;
  }

  private profile(event: Comparable): Profile {
    // Merging scores one event against many: look it up by identity before building its text key.
    const known = byObject.get(event);
    if (known) return known;
    // Verbs read in context can differ for one wording: they are part of what makes the profile.
    const key = `${event.clause}\n${event.summary ?? ''}\n${event.verbs?.join(' ') ?? '*'}`;
    let profile = this.profiles.get(key);
    if (!profile) {
      const words =
        event.terms && event.nameWords ? { terms: event.terms, nameWords: event.nameWords } : profileWords(event.clause, event.summary);
      const verbs = event.verbs ?? clauseVerbs(event.clause);
      profile = { terms: new Set(words.terms), verbs: new Set(verbs), names: new Set(words.nameWords) };
      this.profiles.set(key, profile);
    }
    byObject.set(event, profile);
    return profile;
  }
}

/**
 * Lemmas of a clause's main verbs, without auxiliaries and verbs of tense or saying: what names the happening.
 * Given the clause's span in a sentence, read from the sentence's parse (already made) rather than parsed again.
 */
export function clauseVerbs(clause: string, within?: { sentence: string; start: number; end: number }): string[] {
  const terms = within
    ? analyse(within.sentence).terms.filter((term) => term.start >= within.start && term.end <= within.end)
    : analyse(clause).terms;
  return [
    ...new Set(
      terms.filter((term) => term.lemma && !term.tags.has('Auxiliary') && !LIGHT_VERBS.has(term.lemma)).map((term) => term.lemma!),
    ),
  ];
}

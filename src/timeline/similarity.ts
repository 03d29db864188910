import { analyse } from './nlp.ts';
import { contentTerms } from '../text/terms.ts';
import { inverseFrequencies, names, overlap, rarest } from './terms.ts';

/** What matching needs of an event: the clause it was told in, and its summary (where "his" became a name). */
export interface Comparable {
  clause: string;
  summary?: string;
  /** The clause's main verbs when already read (`clauseVerbs`); else they are parsed here. */
  verbs?: string[];
}

interface Profile {
  terms: Set<string>;
  /** Lemmas of the clause's main verbs ("arrested", "detained" → "arrest", "detain"), from compromise. */
  verbs: Set<string>;
  names: Set<string>;
}

// A shared main verb is strong evidence of one happening; naming only different people is evidence against.
const SHARED_VERB = 0.35;
const NAME_CLASH = 0.3;
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

/** Scores how likely two clauses report the same happening, weighting rare shared words over common ones. */
export class Similarity {
  private readonly profiles = new Map<string, Profile>();
  private readonly byObject = new WeakMap<Comparable, Profile>();
  private readonly idf: Map<string, number>;
  private readonly rare: number;

  constructor(corpus: Comparable[]) {
    this.idf = inverseFrequencies(corpus.map((event) => this.profile(event).terms));
    this.rare = rarest(this.idf);
  }

  /** The weighted overlap of two clauses' words, plus a bonus for a shared main verb, minus a penalty when both name people and share none. */
  score(a: Comparable, b: Comparable): number {
    const [pa, pb] = [this.profile(a), this.profile(b)];
    const shared = [...pa.verbs].some((verb) => pb.verbs.has(verb));
    const clash = pa.names.size > 0 && pb.names.size > 0 && ![...pa.names].some((name) => pb.names.has(name));
    return overlap(pa.terms, pb.terms, this.idf, 3, this.rare) + (shared ? SHARED_VERB : 0) - (clash ? NAME_CLASH : 0);
  }

  /** The main verbs two clauses share. */
  sharedVerbs(a: Comparable, b: Comparable): string[] {
    const verbs = this.profile(b).verbs;
    return [...this.profile(a).verbs].filter((verb) => verbs.has(verb));
  }

  private profile(event: Comparable): Profile {
    // Merging scores one event against many: look it up by identity before building its text key.
    const known = this.byObject.get(event);
    if (known) return known;
    const key = `${event.clause}\n${event.summary ?? ''}`;
    let profile = this.profiles.get(key);
    if (!profile) {
      const text = `${event.clause} ${event.summary ?? ''}`;
      const people = names(text)
        .flatMap((run) => run.split(' '))
        .filter((word) => word.length > 2 && !/^[A-Z.]+$/.test(word));
      const verbs = event.verbs ?? clauseVerbs(event.clause);
      profile = { terms: contentTerms(text), verbs: new Set(verbs), names: new Set(people) };
      this.profiles.set(key, profile);
    }
    this.byObject.set(event, profile);
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

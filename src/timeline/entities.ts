import { analyse, preload, type NameRun } from './nlp.ts';

/** People and places, as the NLP library tags them, linked across a corpus so "Varelidis" means the full name. */
export class Entities {
  /** Surname → full names seen with it, most frequent first. */
  private readonly surnames = new Map<string, Map<string, number>>();

  /** Reads every sentence once to learn the full names of the people in a corpus. */
  private readonly singles = new Set<string>();

  constructor(sentences: string[]) {
    preload(sentences);
    const runs = sentences.flatMap((sentence) => analyse(sentence).names);
    // A surname is used on its own after the first mention: a run whose last word also stands alone names a person.
    for (const run of runs) if (!/\s/.test(run.text) && !run.place && !run.organization) this.singles.add(run.text);
    for (const sentence of sentences) {
      for (const run of analyse(sentence).names) {
        const name = personName(run, this.singles);
        if (!name || !name.includes(' ')) continue;
        const surname = name.split(' ').pop()!;
        const names = this.surnames.get(surname) ?? new Map<string, number>();
        names.set(name, (names.get(name) ?? 0) + 1);
        this.surnames.set(surname, names);
      }
    }
  }

  /** Every full name learnt, with how often it was used. */
  fullNames(): Map<string, number> {
    const all = new Map<string, number>();
    for (const names of this.surnames.values()) for (const [name, count] of names) all.set(name, count);
    return all;
  }

  /**
   * The people a span of a sentence names: tagged as people, or named by a surname the corpus gives in full.
   * `asWritten` keeps a surname used alone as it is, for linking across articles later.
   */
  people(sentence: string, start = 0, end = sentence.length, asWritten = false): string[] {
    const found = new Map<string, number>();
    const add = (name: string, at: number) => found.set(name, Math.min(found.get(name) ?? at, at));
    for (const run of analyse(sentence).names) {
      if (run.end <= start || run.start >= end) continue;
      const name = personName(run, this.singles);
      if (name?.includes(' ')) add(this.canonical(name), run.start);
      else {
        const word = name ?? run.text;
        const linked = this.link(word);
        if (linked) add(asWritten ? word : linked, run.start);
        else if (name && run.person) add(name, run.start);
      }
    }
    // A surname the corpus knows, even where the tagger took it for a common noun ("Bout is serving ...").
    for (const term of analyse(sentence).terms) {
      if (term.end <= start || term.start >= end || !/^\p{Lu}/u.test(term.text)) continue;
      const word = term.text.replace(/['’]s$/, '');
      const linked = this.link(word);
      if (linked) add(asWritten ? word : linked, term.start);
    }
    // In the order they are named: the first is usually the subject.
    return [...found].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  }

  /** The places a span of a sentence names: runs tagged as places, or proper names after "in", "at", "from" or "to" that are no person. */
  places(sentence: string, start = 0, end = sentence.length): string[] {
    const found = new Set<string>();
    for (const run of analyse(sentence).names) {
      if (run.end <= start || run.start >= end || run.organization) continue;
      if (personName(run, this.singles) && (run.person || this.link(run.text))) continue;
      const after = /\b(in|at|from|to|near|outside)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, run.start - 12), run.start));
      if (run.place || (after && !/\s/.test(run.text.trim()))) found.add(run.text.replace(/-based$/, ''));
    }
    return [...found];
  }

  private link(word: string): string | undefined {
    const names = this.surnames.get(word);
    if (names) return [...names].sort((a, b) => b[1] - a[1])[0]![0];
    return undefined;
  }

  private canonical(name: string): string {
    const names = this.surnames.get(name.split(' ').pop()!);
    return names?.has(name) ? name : (this.link(name.split(' ').pop()!) ?? name);
  }
}

/**
 * The person a run of proper nouns names, without titles: "U.S. District Judge Evelyn Strausser" → "Evelyn Strausser".
 * A run is a person when compromise tags a word of it as one, or when its surname also stands alone in the corpus.
 */
function personName(run: NameRun, singles: Set<string>): string | undefined {
  if (run.place && !run.person) return undefined;
  if (run.organization && !run.person) return undefined;
  const words = run.text.split(/\s+/).filter((word) => !/\.$/.test(word) || word.length > 3);
  if (words.length === 0) return undefined;
  // Titles precede the name: keep the last two words of a longer run ("Justice Minister Stavros Pallikaris").
  const name = words.length > 2 && run.person ? words.slice(-2).join(' ') : words.join(' ');
  if (run.person || words.length === 1) return name;
  // Untagged: a first name and a surname the corpus also uses alone ("Kosmas Varelidis" … "Varelidis said").
  return words.length <= 3 && singles.has(words.at(-1)!) && words.every((word) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word))
    ? words.slice(-2).join(' ')
    : undefined;
}

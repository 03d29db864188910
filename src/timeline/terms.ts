/** Words that say who an event involves and what it is about: for matching reports of the same happening. */

// Capitalised words that start sentences or clauses without naming anyone.
const NOT_NAMES = new Set(
  `a an the in on at of for from to by with after before during since following speaking according although though however
  but and or so then while when where this that these those he she his her it its they their them we our i you your
  subsequently meanwhile also yet still if as moreover furthermore later earlier now today yesterday tomorrow there here
  what who which why how mr mrs ms dr`.split(/\s+/),
);
const CALENDAR_WORDS = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** Runs of capitalised words that look like names ("Viktor Bout", "Camp David"), in order. */
export function names(text: string): string[] {
  const runs: string[] = [];
  for (const match of text.matchAll(/[A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*)*/gu)) {
    const words = match[0].split(/\s+/).map((word) => word.replace(/['’]s$|[.'’]+$/, ''));
    while (words.length > 0 && (NOT_NAMES.has(words[0]!.toLowerCase()) || CALENDAR_WORDS.test(words[0]!))) words.shift();
    const kept = words.filter((word) => !CALENDAR_WORDS.test(word));
    if (kept.length > 0 && kept.join('').length > 1) runs.push(kept.join(' '));
  }
  return runs;
}

const STOPWORDS = new Set(
  `a an the and or but of in on at to for from by with as is are was were be been being has have had do does did it its this that
  these those he she his her him they them their we you i who whom which what when where while than then there here also not no
  so such into over after before about said says told would could should will may might can just more most some any all one two
  three four five six seven eight nine ten year years month months week weeks day days ago last next early late mid
  january february march april june july august september october november december monday tuesday wednesday thursday
  friday saturday sunday time`.split(/\s+/),
);

/** A crude stem, enough to make "arrested", "arrest" and "arrests" one term. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 4) return w;
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ions', 'ion', 'ments', 'ment', 'ies', 'ied', 'ed', 'es', 's', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
      break;
    }
  }
  return w;
}

/** Content terms of a text, stemmed, without dates, numbers or function words. */
export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of text.split(/[^\p{L}]+/u)) {
    if (word.length < 2 || STOPWORDS.has(word.toLowerCase())) continue;
    terms.add(stem(word));
  }
  return terms;
}

/** The weight of the rarest term: what an unseen term weighs. */
export function rarest(idf: Map<string, number>): number {
  let max = Math.log(2);
  for (const value of idf.values()) max = Math.max(max, value);
  return max;
}

/** Inverse document frequencies of terms over a set of texts' term sets. */
export function inverseFrequencies(termSets: Set<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const terms of termSets) for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const n = termSets.length;
  return new Map([...counts].map(([term, count]) => [term, Math.log(1 + n / count)]));
}

/**
 * Weighted overlap of two term sets, relative to the smaller: 1 when one's terms all appear in the other.
 * A clause of two or three words cannot look like everything: the smaller side counts as at least `floor` rare words.
 */
export function overlap(a: Set<string>, b: Set<string>, idf: Map<string, number>, floor = 3, rare = rarest(idf)): number {
  const weight = (term: string) => idf.get(term) ?? rare;
  const sum = (terms: Iterable<string>) => [...terms].reduce((total, term) => total + weight(term), 0);
  const shared = sum([...a].filter((term) => b.has(term)));
  const smaller = Math.max(Math.min(sum(a), sum(b)), floor * rare);
  return shared / smaller;
}

import { isCalendarName } from '../text/calendar-words.ts';
import { STOP_WORDS } from '../text/stop-words.ts';

/** Words that say who an event involves and what it is about: for matching reports of the same happening. */

// Capitalised words that start sentences or clauses without naming anyone: function words, sentence adverbs, titles.
const NOT_NAMES = new Set([
  ...STOP_WORDS,
  ...`during since following speaking according although though however subsequently meanwhile yet still moreover furthermore
  later earlier now today yesterday tomorrow mr mrs ms dr`.split(/\s+/),
]);

/** Runs of capitalised words that look like names ("Viktor Bout", "Camp David"), in order. */
export function names(text: string): string[] {
  const runs: string[] = [];
  for (const match of text.matchAll(/[A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*)*/gu)) {
    const words = match[0].split(/\s+/).map((word) => word.replace(/['’]s$|[.'’]+$/, ''));
    while (words.length > 0 && (NOT_NAMES.has(words[0]!.toLowerCase()) || isCalendarName(words[0]!))) words.shift();
    const kept = words.filter((word) => !isCalendarName(word));
    if (kept.length > 0 && kept.join('').length > 1) runs.push(kept.join(' '));
  }
  return runs;
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
 * `idf` is a map of weights (a term it lacks weighs `rare`) or a function giving a term's weight.
 */
export function overlap(
  a: Set<string>,
  b: Set<string>,
  idf: Map<string, number> | ((term: string) => number),
  floor = 3,
  rare = typeof idf === 'function' ? Math.log(2) : rarest(idf),
): number {
  const weight = typeof idf === 'function' ? idf : (term: string) => idf.get(term) ?? rare;
  const sum = (terms: Iterable<string>) => [...terms].reduce((total, term) => total + weight(term), 0);
  const shared = sum([...a].filter((term) => b.has(term)));
  const smaller = Math.max(Math.min(sum(a), sum(b)), floor * rare);
  return shared / smaller;
}

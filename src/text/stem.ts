import porter2 from 'wink-porter2-stemmer';
import { IRREGULAR_VERBS } from './irregular-verbs.ts';

// A corpus has tens of thousands of distinct words and each is stemmed once; the bound keeps a long-running bot's
// cache from growing without end on words that questions bring in.
const MAX_CACHED = 200_000;
const cache = new Map<string, string>();

/**
 * The term a word is matched by: its Porter2 stem, so that the inflections and derivations of one idea meet
 * ("extradited", "extradition" → "extradit"; "ferries", "ferry" → "ferri"), after an irregular verb form is put
 * back to its base ("laid" → "lay"). Words with digits are kept whole.
 */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  if (/\d/.test(lower)) return lower;
  let term = cache.get(lower);
  if (term === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(lower, (term = porter2(IRREGULAR_VERBS.get(lower) ?? lower)));
  }
  return term;
}

import { isCalendarName, TIME_UNITS } from './calendar-words.ts';
import { NUMBER_WORDS } from './number-words.ts';
import { stem } from './stem.ts';
import { STOP_WORDS } from './stop-words.ts';

/**
 * Names what `tokenize` produces. An index stores terms made by it, so a change to the words, the stop words or
 * the stemmer must change this: an index built under another version is stale and rebuilt, not mixed.
 */
export const TOKENIZER_VERSION = 'porter2+irregular-verbs/1';

/** Lower-cased words of a text (letters and digits, possessive "'s" dropped, accents folded), in order. */
export function words(text: string): string[] {
  return (
    normalizeNames(text)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? []
  ).map((word) => word.replace(/['’]s$/, '').replace(/['’]/g, ''));
}

// "US" (the country) must not become the pronoun "us"; the country's other names join it.
function normalizeNames(text: string): string {
  return text.replace(/\b(U\.S\.A?\.?|US|USA|United States|America)(?![a-z])/g, ' usa ').replace(/\bAmericans?\b/g, ' usa ');
}

/** The terms of a text for matching: its words without function words, each stemmed. */
export function tokenize(text: string): string[] {
  return words(text)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
}

// Words that only date or count ("in March", "two years later", "early last week"): they tell nothing of what an
// event is about, and two reports of one event often date it differently.
const TIME_UNIT_TERMS = new Set<string>([...TIME_UNITS, 'time'].map(stem));
const DATING_WORDS = new Set(['ago', 'last', 'next', 'early', 'late', 'mid']);

/** Content terms of a text, stemmed: no function words, numbers, number words, calendar names or time units. */
export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of words(text)) {
    if (
      word.length < 2 ||
      /\d/.test(word) ||
      STOP_WORDS.has(word) ||
      DATING_WORDS.has(word) ||
      NUMBER_WORDS.has(word) ||
      isCalendarName(word)
    )
      continue;
    const term = stem(word);
    if (!TIME_UNIT_TERMS.has(term)) terms.add(term);
  }
  return terms;
}

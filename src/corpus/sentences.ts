import { MONTH_SHORT_FORMS } from '../text/calendar-words.ts';

// Abbreviations that never end a sentence: titles and prefixes that always precede a name or word.
const PREFIX_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'sgt', 'sen', 'rep', 'gov', 'pres', 'st', 'mt', 'rev', 'hon',
  'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'vs', 'no', 'nos', 'vol', 'fig', 'approx', 'dept',
  // Month abbreviations precede a day; "May" is a whole word that can end a sentence.
  ...MONTH_SHORT_FORMS.filter((short) => short !== 'May').map((short) => short.toLowerCase()),
]);
// Abbreviations that may also end a sentence ("…in Marion, Ill. He was…"): they end one when a usual
// sentence opener follows.
const SUFFIX_ABBREVIATIONS = new Set(['ill', 'calif', 'mass', 'conn', 'fla', 'wash', 'inc', 'co', 'corp', 'ltd', 'jr', 'sr', 'etc', 'a.m', 'p.m']);
const SENTENCE_OPENERS = new Set([
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'the', 'this', 'that', 'these', 'those', 'but', 'and', 'however', 'his', 'her',
  'its', 'their', 'in', 'on', 'at', 'a', 'an', 'after', 'before', 'since', 'there', 'when', 'while',
]);

/** Half-open ranges of the sentences of one line of prose. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const boundary = /[.!?…]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9$£€])/g;
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (!endsSentence(text, match.index, end)) continue;
    if (end > start) ranges.push({ start, end });
    start = skipSpace(text, end);
  }
  const last = text.trimEnd().length;
  if (last > start) ranges.push({ start, end: last });
  return ranges;
}

function skipSpace(text: string, from: number): number {
  while (from < text.length && /\s/.test(text[from]!)) from++;
  return from;
}

function endsSentence(text: string, punctuationAt: number, end: number): boolean {
  if (text[punctuationAt] !== '.') return true;
  const word = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(0, punctuationAt - 12), punctuationAt))?.[1]?.toLowerCase();
  if (!word) return true;
  const nextWord = /^\s+["'“‘([]?([A-Za-z]+)/.exec(text.slice(end))?.[1]?.toLowerCase() ?? '';
  if (PREFIX_ABBREVIATIONS.has(word)) return false;
  if (SUFFIX_ABBREVIATIONS.has(word)) return SENTENCE_OPENERS.has(nextWord);
  // A single capital initial ("John F. Kennedy") or dotted initials ("D.C.") continue the sentence.
  if (/^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word)) return SENTENCE_OPENERS.has(nextWord);
  return true;
}

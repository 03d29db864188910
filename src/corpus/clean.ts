import { MappedTextBuilder } from './mapped-text.ts';

/** A line of the original file: its text and where it starts. */
export interface Line {
  text: string;
  start: number;
}

/** Splits text into lines, keeping each line's offset. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.replace(/\r$/, ''), start });
    start += raw.length + 1;
  }
  return lines;
}

// Site chrome that news pages leave in scraped text: whole lines that are never part of the article.
const CHROME_LINES = [
  /^stay connected$/i,
  /^must read$/i,
  /^related (news|posts|articles|stories)$/i,
  /^leave a reply$/i,
  /^please enter your (comment|name|email)( address)?( here)?!?$/i,
  /^(save my name|you have entered an incorrect)/i,
  /^all news$/i,
  /^(share|tweet|print|email|advertisement|subscribe|read more|sign up)( this| on \w+)?$/i,
  /^[\d.,]+[km]?\s*(fans|followers|subscribers)\s*(like|follow|subscribe)$/i,
  /^original url:?$/i,
  /^<?https?:\/\/\S+>?$/i,
];

/** True when a whole line is site chrome rather than article text. */
export function isChromeLine(text: string): boolean {
  const line = text.trim();
  return CHROME_LINES.some((pattern) => pattern.test(line));
}

/** Normalises a line for comparing titles: no markdown, quotes unified, lower case. */
export function normaliseForCompare(text: string): string {
  return text
    .replace(/[*_#`[\]]/g, '')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A line that repeats the next non-empty line with a prefix glued on (a breadcrumb such as
 * "HomeWorld" before the title), or repeats it exactly: the duplicate goes, the clean title stays.
 */
export function isDuplicatedTitle(line: string, nextLine: string | undefined): boolean {
  if (!nextLine) return false;
  const a = normaliseForCompare(line);
  const b = normaliseForCompare(nextLine);
  return b.length >= 12 && a.length < 300 && a.endsWith(b);
}

// Inline markdown and markup that are syntax, not prose: dropped from the clean copy.
const INLINE_SYNTAX = /\[([^\]]*)\]\([^)]*\)|\*\*|__|\\(?=[\\`*_{}[\]()#+\-.!$])|<https?:\/\/[^>]*>|^#{1,6}\s+|^>\s?|^\s*[-*+]\s+(?=\S)/g;
// A "date 2023-04-09" marker some scrapers put before the article: metadata, not prose.
const LEADING_DATE_MARKER = /^\s*date\s+\d{4}-\d{2}-\d{2}\s*/i;

/** Appends one line's prose to `out`, removing markdown syntax and collapsing runs of white space. */
export function appendCleanLine(out: MappedTextBuilder, line: Line): void {
  let text = line.text;
  let base = line.start;
  const marker = LEADING_DATE_MARKER.exec(text);
  if (marker) {
    text = text.slice(marker[0].length);
    base += marker[0].length;
  }
  let cursor = 0;
  const emit = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const char = text[i]!;
      if (/\s/.test(char)) {
        if (out.length > 0 && !out.endsWith(' ') && !out.endsWith('\n')) out.push(' ', base + i);
      } else {
        out.push(char, base + i);
      }
    }
  };
  for (const match of text.matchAll(INLINE_SYNTAX)) {
    emit(cursor, match.index);
    if (match[1] !== undefined) emit(match.index + 1, match.index + 1 + match[1].length);
    cursor = match.index + match[0].length;
  }
  emit(cursor, text.length);
}

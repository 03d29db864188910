import * as chrono from 'chrono-node/en';
import type { TimelineArticle } from './types.ts';
import { monthNumber, MONTH_SHORT_FORMS } from '../text/calendar-words.ts';
import { formatDate, dayNumber } from './calendar.ts';

/** When an article says it was written: a full or partial date, or a month and day whose year is not stated. */
export interface Dateline {
  /** YYYY-MM-DD, YYYY-MM or YYYY when the article states it. */
  date?: string;
  /** A wire dateline without a year ("MOSCOW, November 22."). */
  monthDay?: { month: number; day: number; text: string };
}

// The header is the lines before the body; a body paragraph is far longer than any header line.
const HEADER_LINES = 15;
const HEADER_LINE_CHARS = 120;
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b/;
const MONTH = String.raw`(${MONTH_SHORT_FORMS.join('|')})[a-z]*\.?`;
// "MOSCOW, November 22. /TASS/." or "BUDVA, Montenegro, Nov. 9 /Adriatic Press Wire/ —": a place in capitals, then the date.
const WIRE = new RegExp(String.raw`^\s*[A-Z][A-Z .'-]{2,},(?:\s+[A-Z][\p{L}.' -]{1,30},)?\s+${MONTH}\s+(\d{1,2})\b(?!,?\s+\d{4})`, 'u');

// A wire dateline opening a sentence: a place in capitals, maybe a region, a month and day, an agency, then a dash.
const WIRE_PREFIX =
  /^\s*[A-Z][A-Z .'-]{2,},(?:\s+\p{Lu}[\p{L}.' -]{1,30},)?\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\b[^—–]{0,60}?(?:[—–]|\s-\s)\s*/u;

/** How many characters of the sentence a wire dateline takes ("BUDVA, Montenegro, Nov. 9 /Wire/ — "); 0 without one. */
export function datelineLength(sentence: string): number {
  return WIRE_PREFIX.exec(sentence)?.[0].length ?? 0;
}

/** True when a sentence is a wire dateline ("MOSCOW, November 22."): a place in capitals, then the date. */
export function isWireDateline(sentence: string): boolean {
  return (
    WIRE.test(sentence) ||
    new RegExp(String.raw`^\s*[A-Z][A-Z .'-]{2,},(?:\s+[A-Z][\p{L}.' -]{1,30},)?\s+${MONTH}\s+\d{1,2}`, 'u').test(sentence)
  );
}

/** The article's date: its metadata's, else a dated header line ("By Staff | June 17, 2016 | 4 min read"), else a wire dateline's month and day. */
export function findDateline(article: TimelineArticle): Dateline {
  if (article.meta.date) return { date: article.meta.date };
  const lines = article.text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, HEADER_LINES);
  for (const line of lines) {
    const wire = WIRE.exec(line);
    if (wire) return { monthDay: { month: monthNumber(wire[1]!), day: Number(wire[2]), text: wire[0].trim() } };
    if (line.length > HEADER_LINE_CHARS) continue;
    const dotted = DOTTED.exec(line);
    if (dotted && valid(Number(dotted[3]), Number(dotted[2]), Number(dotted[1])))
      return { date: formatDate(dayNumber(Number(dotted[3]), Number(dotted[2]), Number(dotted[1])), 'day') };
    const parsed = chrono.parse(line)[0];
    // A header date is the line, or a field of it between separators ("By Staff Reporter | June 17, 2016 | 4 min read").
    if (
      parsed &&
      parsed.start.isCertain('year') &&
      parsed.start.isCertain('month') &&
      parsed.start.isCertain('day') &&
      (line.includes('|') || parsed.text.length >= line.length - 12)
    ) {
      return { date: formatDate(dayNumber(parsed.start.get('year')!, parsed.start.get('month')!, parsed.start.get('day')!), 'day') };
    }
  }
  return {};
}

function valid(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

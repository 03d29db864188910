import { MONTH_NAMES, MONTH_SHORT_FORMS, monthNumber } from '../text/calendar-words.ts';
import type { ArticleMeta } from './types.ts';
import { isChromeLine, normaliseForCompare, type Line } from './clean.ts';

const MONTH_NAME = `(${[...MONTH_NAMES, ...MONTH_SHORT_FORMS].join('|')})\\.?`;
const HEADER_LINES = 12;

/** Metadata the article states about itself; a field the text does not state stays undefined. */
export function extractMetadata(lines: Line[]): ArticleMeta {
  const nonEmpty = lines.map((line) => line.text.trim()).filter((text) => text.length > 0);
  const header = nonEmpty.slice(0, HEADER_LINES);
  return dropUndefined({
    title: findTitle(nonEmpty),
    outlet: findOutlet(nonEmpty, header),
    author: findAuthor(nonEmpty),
    date: findDate(header),
    url: findUrl(nonEmpty),
  });
}

function findTitle(lines: string[]): string | undefined {
  const heading = lines.find((line) => /^#\s+\S/.test(line));
  if (heading) return stripMarkup(heading);
  for (const [i, line] of lines.slice(0, 4).entries()) {
    if (isChromeLine(line) || /^\s*date\s+\d{4}-/i.test(line)) continue;
    const text = stripMarkup(line);
    // A headline is short and has no closing full stop; a breadcrumb-glued copy is followed by the clean one.
    if (text.length > 160 || /[.!]$/.test(text) || text.split(' ').length < 3) continue;
    const next = lines[i + 1] ? stripMarkup(lines[i + 1]!) : '';
    const [a, b] = [normaliseForCompare(text), normaliseForCompare(next)];
    if (b.length >= 12 && a.endsWith(b) && a !== b) return next;
    return text;
  }
  return undefined;
}

function findOutlet(lines: string[], header: string[]): string | undefined {
  const labelled = lines.map((line) => /^(?:source|publisher|outlet)\s*:\s*(.{2,60})$/i.exec(line)?.[1]).find(Boolean);
  if (labelled) return labelled.trim();
  const dateline = header.map((line) => /^[A-Z][A-Za-z .'-]+,\s[^/]{0,30}\/\s?([A-Z][A-Za-z-]{1,20})\s?\//.exec(line)?.[1]).find(Boolean);
  if (dateline) return dateline;
  // A short line that is bold as a whole, near the top, is the masthead ("**The Moscow Times**").
  const masthead = header.map((line) => /^\*\*([^*]{2,60})\*\*$/.exec(line)?.[1]).find(Boolean);
  return masthead ? masthead.replace(/\s+/g, ' ').trim() : undefined;
}

function findAuthor(lines: string[]): string | undefined {
  for (const line of lines) {
    const byline = /^(?:by|author)\s*:?\s+(.{2,80})$/i.exec(stripMarkup(line));
    if (byline && !/[.!?]$/.test(byline[1]!)) return byline[1]!.trim();
  }
  return undefined;
}

/** The publication date, as YYYY-MM-DD, from a "date 2023-04-09" marker or a dateline such as "April 08, 2012". */
function findDate(header: string[]): string | undefined {
  for (const line of header) {
    const iso = /^\s*(?:date|published|updated)?:?\s*(\d{4})-(\d{2})-(\d{2})\b/i.exec(line);
    if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const written = new RegExp(`^(?:published:?\\s*)?${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i').exec(stripMarkup(line));
    if (written) return validDate(Number(written[3]), monthNumber(written[1]!), Number(written[2]));
    const dayFirst = new RegExp(`^(\\d{1,2})\\s+${MONTH_NAME},?\\s+(\\d{4})$`, 'i').exec(stripMarkup(line));
    if (dayFirst) return validDate(Number(dayFirst[3]), monthNumber(dayFirst[2]!), Number(dayFirst[1]));
  }
  return undefined;
}

function findUrl(lines: string[]): string | undefined {
  for (const [i, line] of lines.entries()) {
    const labelled = /^original url:?\s*<?(https?:\/\/[^\s>]+)>?$/i.exec(line);
    if (labelled) return labelled[1];
    if (/^original url:?$/i.test(line)) {
      const next = /^<?(https?:\/\/[^\s>]+)>?$/.exec(lines[i + 1] ?? '');
      if (next) return next[1];
    }
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function stripMarkup(line: string): string {
  return line
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

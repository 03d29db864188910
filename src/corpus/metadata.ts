import type { ArticleMeta } from './types.ts';
import { isChromeLine, normaliseForCompare, type Line } from './clean.ts';
import { bylineAuthor, lineDate } from './header-fields.ts';
import { HEADLINE_CHARS, headlineStrength, mastheadOf } from './header-lines.ts';

const HEADER_LINES = 12;
// The header ends where the text begins: a line longer than any headline, byline or dateline, or a sentence of
// six words or more, is a paragraph (a standfirst is one too, and comes after the headline).
const SENTENCE = /^(?:\S+\s+){5,}\S*[.!?]["'”’)]*$/;

/** Metadata the article states about itself; a field the text does not state stays undefined. */
export function extractMetadata(lines: Line[]): ArticleMeta {
  const nonEmpty = lines.map((line) => stripMarkup(line.text)).filter((text) => text.length > 0);
  const header = nonEmpty.slice(0, HEADER_LINES);
  const headline = findHeadline(lines, header);
  return dropUndefined({
    title: headline?.text,
    outlet: findOutlet(nonEmpty, header, lines, headline?.at),
    author: findAuthor(nonEmpty, header),
    date: header.map(lineDate).find(Boolean),
    url: findUrl(nonEmpty),
  });
}

/** The header lines above the text, site chrome left out, each with its place among the non-empty lines. */
function headerLines(header: string[]): { text: string; at: number }[] {
  const end = header.findIndex((line) => line.length > HEADLINE_CHARS || SENTENCE.test(line));
  return header
    .slice(0, end === -1 ? header.length : end)
    .map((text, at) => ({ text, at }))
    .filter(({ text }) => !isChromeLine(text));
}

/**
 * The headline: the first `# heading`; else the first header line that reads as one — not a masthead, breadcrumb,
 * section label, menu, byline, date or field line — or, when none does, the first shaped like a name.
 */
function findHeadline(lines: Line[], header: string[]): { text: string; at: number } | undefined {
  const heading = lines.find((line) => /^#\s+\S/.test(line.text.trim()));
  if (heading) return { text: stripMarkup(heading.text), at: header.indexOf(stripMarkup(heading.text)) };
  const candidates = headerLines(header).filter(({ text }) => !lineDate(text) && !bylineAuthor(text));
  const strength = (text: string) => headlineStrength(text);
  const chosen = candidates.find(({ text }) => strength(text) === 'strong') ?? candidates.find(({ text }) => strength(text) === 'weak');
  if (!chosen) return undefined;
  // A breadcrumb glued to the headline ("HomeWorld'You'll be welcome': …") is followed by the clean copy.
  const next = header[chosen.at + 1] ?? '';
  const [a, b] = [normaliseForCompare(chosen.text), normaliseForCompare(next)];
  return b.length >= 12 && a.endsWith(b) && a !== b ? { text: next, at: chosen.at + 1 } : chosen;
}

/**
 * The outlet: a `Source:`/`Publisher:`/`Outlet:` line; a wire dateline's agency ("MOSCOW, April 8 /TASS/",
 * "LONDON (Reuters) —"); a line bold as a whole near the top (`**The Moscow Times**`); or a masthead at the top,
 * above the headline: a breadcrumb's or separated line's first part ("Mesogeios Review > Long Read"), or a name
 * on a line of its own with a section, date or breadcrumb line between it and the headline.
 */
function findOutlet(lines: string[], header: string[], raw: Line[], headlineAt: number | undefined): string | undefined {
  const labelled = lines.map((line) => /^(?:source|publisher|outlet)\s*:\s*(.{2,60})$/i.exec(line)?.[1]).find(Boolean);
  if (labelled) return labelled.trim();
  const wire = header.map(wireAgency).find(Boolean);
  if (wire) return wire;
  const bold = raw
    .map((line) => line.text.trim())
    .filter(Boolean)
    .slice(0, HEADER_LINES)
    .map((line) => /^\*\*([^*]{2,60})\*\*$/.exec(line)?.[1])
    .find(Boolean);
  if (bold) return bold.replace(/\s+/g, ' ').trim();
  const top = headerLines(header)[0];
  if (!top || headlineAt === undefined || top.at >= headlineAt) return undefined;
  const masthead = mastheadOf(top.text);
  const standsAlone = masthead === top.text;
  return masthead && (!standsAlone || headlineAt - top.at >= 2) ? masthead : undefined;
}

/** The agency a wire dateline names: "MOSCOW, November 22. /TASS/." or "WASHINGTON (AP) —". */
function wireAgency(line: string): string | undefined {
  const slashed = /^\p{Lu}[\p{L} .'-]+,\s[^/]{0,40}\/\s?(\p{Lu}[\p{L}&.' -]{0,40}?)\s?\//u.exec(line)?.[1];
  return slashed ?? /^\p{Lu}[\p{Lu} .'-]+(?:,[^(]{0,40})?\s\((\p{Lu}[\p{L}&.' -]{1,30})\)\s*[-—–]/u.exec(line)?.[1];
}

/** The author: a byline in the header ("By …", "Text: …", "Words: …"), or an `Author:` line anywhere. */
function findAuthor(lines: string[], header: string[]): string | undefined {
  return header.map(bylineAuthor).find(Boolean) ?? lines.filter((line) => /^author\s*:/i.test(line)).map(bylineAuthor).find(Boolean);
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

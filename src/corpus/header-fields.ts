import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import { lineParts } from './header-lines.ts';

// A label before a date field ("Published: 23.05.2025", "Updated on", "date 2023-04-09").
const DATE_LABEL = /^(?:date|published|first published|updated|last updated|posted|modified|last modified)\b\s*:?\s*/i;
// What may stand beside a date in its field: punctuation, a time of day and its zone ("09:41", "10:41 AM EST").
const DATE_COMPANIONS = /^[\s,.;:/–—-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?[\s,.;:/–—-]*$/i;
const DAY_FIRST = new chrono.Chrono(chrono.configuration.createConfiguration(true, true));
// A byline's label: "By", "Author:", "Text:", "Words:", "Written by".
const BYLINE = /^(?:by\b|written by\b|author\b\s*:?|(?:text|words|byline)\s*:)\s*(.+)$/i;

/**
 * The day a header field states, as YYYY-MM-DD, read with chrono-node's strict parser (no "today", no bare
 * weekday): the field must be the date (beside a time of day, maybe after a "Published:" label), or start with
 * one after a "date" label. A date without its year ("Nov. 9") states no day and gives undefined.
 */
export function fieldDate(field: string): string | undefined {
  const label = DATE_LABEL.exec(field)?.[0] ?? '';
  const rest = field.slice(label.length);
  const parsed = readDate(rest);
  if (!parsed || !(['year', 'month', 'day'] as const).every((unit) => parsed.start.isCertain(unit))) return undefined;
  const around = rest.slice(0, parsed.index) + rest.slice(parsed.index + parsed.text.length);
  const isField = DATE_COMPANIONS.test(around) || (label !== '' && parsed.index === 0);
  if (!isField) return undefined;
  const [year, month, day] = (['year', 'month', 'day'] as const).map((unit) => parsed.start.get(unit)!);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * chrono-node's strict reading of the first date in a text, day first where the text is written so: a dotted date
 * ("04.03.2024") is day-first in every convention that writes one; a slashed date the two conventions read apart
 * ("04/03/2024": April 3 or 4 March) states no day.
 */
function readDate(text: string): ParsedResult | undefined {
  const [monthFirst] = chrono.strict.parse(text);
  const [dayFirst] = DAY_FIRST.parse(text);
  if (!monthFirst || !dayFirst || monthFirst.index !== dayFirst.index) return monthFirst;
  if (/\d\.\d{1,2}\.\d/.test(dayFirst.text)) return dayFirst;
  return monthFirst.start.date().getTime() === dayFirst.start.date().getTime() ? monthFirst : undefined;
}

/** The first date a header line states in one of its fields ("By Staff | June 17, 2016 | 4 min read", "By Jane Roe, May 3, 2024"). */
export function lineDate(line: string): string | undefined {
  for (const field of lineParts(line)) {
    const author = bylineAuthor(field);
    const afterName = author ? field.slice(field.indexOf(author) + author.length).replace(/^[\s,;–—-]*(?:on\s+)?/i, '') : field;
    const date = afterName ? fieldDate(afterName) : undefined;
    if (date) return date;
  }
  return undefined;
}

/**
 * The author a byline names: "By Jane Reporter", "Text: Elena Vasdeki", "Author: LA with AFP", or the byline
 * field of "By Staff Reporter | June 17, 2016 | 4 min read"; a date after the name ("By Jane Roe, May 3, 2024")
 * is cut off. A name starts with a letter and is no sentence ("By 2008 the firm had …" names no one).
 */
export function bylineAuthor(line: string): string | undefined {
  for (const field of lineParts(line)) {
    const named = BYLINE.exec(field)?.[1];
    if (!named) continue;
    const [date] = chrono.strict.parse(named);
    const name = (date && date.index > 0 ? named.slice(0, date.index) : named).replace(/[\s,;:–—-]+(?:on)?\s*$/i, '').trim();
    if (/^\p{L}/u.test(name) && name.length <= 80 && name.split(/\s+/).length <= 10 && !/[.!?]$/.test(name)) return name;
  }
  return undefined;
}

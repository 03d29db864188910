import { UserError } from '../errors.ts';
import { MONTH_ABBREVIATIONS } from '../text/calendar-words.ts';
import type { ImageEvent } from './types.ts';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The stretch of time an event's date stands for, in UTC milliseconds: [start, end), and its middle. */
export interface Period {
  start: number;
  end: number;
  mid: number;
  precision: ImageEvent['precision'];
}

/** Milliseconds at the start of a UTC calendar day; setUTCFullYear keeps years below 100 as they are. */
export function utc(year: number, month = 0, day = 1): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

/** The day, month or year that `event.date` names, at its precision. */
export function periodOf(event: Pick<ImageEvent, 'date' | 'precision'>): Period {
  const match = DATE.exec(event.date);
  if (!match) throw new UserError(`Cannot draw an event dated "${event.date}": expected YYYY, YYYY-MM or YYYY-MM-DD.`, 'BAD_EVENT_DATE');
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) - 1 : 0;
  const day = match[3] ? Number(match[3]) : 1;
  if (month > 11 || day < 1 || day > new Date(utc(year, month + 1) - 1).getUTCDate()) {
    throw new UserError(`Cannot draw an event dated "${event.date}": no such day or month.`, 'BAD_EVENT_DATE');
  }
  const precision = event.precision === 'day' && match[3] ? 'day' : event.precision !== 'year' && match[2] ? 'month' : 'year';
  const start = utc(year, precision === 'year' ? 0 : month, precision === 'day' ? day : 1);
  const end = precision === 'day' ? utc(year, month, day + 1) : precision === 'month' ? utc(year, month + 1) : utc(year + 1);
  return { start, end, mid: (start + end) / 2, precision };
}

/** "2008", "Nov 2011" or "Apr 5, 2012" (as the text view writes them), "c. " in front when approximate. */
export function formatDate(event: Pick<ImageEvent, 'date' | 'precision' | 'approximate'>): string {
  const [year, month, day] = event.date.split('-').filter(Boolean);
  const name = month ? (MONTH_ABBREVIATIONS[Number(month) - 1] ?? month) : undefined;
  const text =
    event.precision === 'year' || !name
      ? year!
      : event.precision === 'month' || !day
        ? `${name} ${year}`
        : `${name} ${Number(day)}, ${year}`;
  return event.approximate ? `c. ${text}` : text;
}

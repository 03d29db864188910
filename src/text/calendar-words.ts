/** Month and weekday names of English dates, and the units dates are counted in: written once for every reader. */

export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Three-letter abbreviations, as tables and axes print them. */
export const MONTH_ABBREVIATIONS = MONTH_NAMES.map((name) => name.slice(0, 3));

/** Weekdays from Sunday, in the order of `Date.prototype.getUTCDay`. */
export const WEEKDAY_NAMES: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The units a date or a span is counted in ("two years", "that month"). */
export const TIME_UNITS: readonly string[] = ['day', 'week', 'month', 'year', 'decade', 'century'];

/** The abbreviations as news style writes them: the three-letter ones and "Sept", the one of four letters. */
export const MONTH_SHORT_FORMS: readonly string[] = [...MONTH_ABBREVIATIONS, 'Sept'];

const MONTH_WORD = new RegExp(`^(${MONTH_SHORT_FORMS.join('|')})\\.?$`, 'i');

/** 1–12 for a month's name or its abbreviation ("Sept.", "june"), 0 for anything else. */
export function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  const full = MONTH_NAMES.findIndex((name) => name.toLowerCase() === lower);
  if (full >= 0) return full + 1;
  const short = MONTH_WORD.exec(lower)?.[1];
  return short ? MONTH_ABBREVIATIONS.findIndex((name) => short.startsWith(name.toLowerCase())) + 1 : 0;
}

/** True for a month or weekday name, or a month's abbreviation. */
export function isCalendarName(word: string): boolean {
  return monthNumber(word) > 0 || WEEKDAY_NAMES.some((name) => name.toLowerCase() === word.toLowerCase());
}

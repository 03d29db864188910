/** Date arithmetic on whole UTC days, and the precision a set of possible dates still supports. */
export type Precision = 'day' | 'month' | 'year';

/** A calendar date as days since 1970-01-01 (UTC), so arithmetic never meets time zones. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function parts(day: DayNumber): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

/** YYYY-MM-DD of a day. */
export function isoDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date string of `day` cut to `precision`: 2023, 2023-04 or 2023-04-07. */
export function formatDate(day: DayNumber, precision: Precision): string {
  const iso = isoDay(day);
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso;
}

/** Adds whole months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { year, month, day: dom } = parts(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const length = parts(dayNumber(targetYear, targetMonth + 1, 1) - 1).day;
  return dayNumber(targetYear, targetMonth, Math.min(dom, length));
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD; undefined when malformed or not a real date. */
export function parseDate(text: string): { first: DayNumber; last: DayNumber; precision: Precision } | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { first: dayNumber(year, 1, 1), last: dayNumber(year, 12, 31), precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { first: dayNumber(year, month, 1), last: dayNumber(year, month + 1, 1) - 1, precision: 'month' };
  const day = dayNumber(year, month, Number(match[3]));
  return isoDay(day) === match[0] ? { first: day, last: day, precision: 'day' } : undefined;
}

/** The finest date every day in [first, last] shares ("2023-03-27..2023-04-02" → "2023"); undefined across years. */
export function commonDate(first: DayNumber, last: DayNumber): { date: string; precision: Precision } | undefined {
  return commonPrefix([formatDate(first, 'day'), formatDate(last, 'day')]);
}

/** The finest date all the given dates agree on ("2023-04-04", "2023-04-11" → "2023-04"). */
export function commonPrefix(dates: string[]): { date: string; precision: Precision } | undefined {
  const split = dates.map((date) => date.split('-'));
  const common: string[] = [];
  for (let i = 0; i < 3; i++) {
    const value = split[0]?.[i];
    if (value === undefined || split.some((date) => date[i] !== value)) break;
    common.push(value);
  }
  if (common.length === 0) return undefined;
  return { date: common.join('-'), precision: (['year', 'month', 'day'] as const)[common.length - 1]! };
}

/** True when one date contains the other (2012 and 2012-04-05 are compatible; 2012-04 and 2012-05 are not). */
export function compatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

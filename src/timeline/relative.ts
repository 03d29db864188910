import { NUMBER_WORDS, numberWordValue } from '../text/number-words.ts';
import { addMonths, dayNumber, isoDay, parts, type DayNumber } from './calendar.ts';

/** What is known of the date a text was written: always its year, its month and day when stated. */
export interface Reference {
  year: number;
  month?: number;
  day?: DayNumber;
  /** As written for notes: 2023-04-09, 2023-04 or 2023. */
  label: string;
}

/** Where a relative expression puts its date: every day from `first` to `last` is possible. */
export interface Span {
  first: DayNumber;
  last: DayNumber;
  /** How the expression was counted, for `resolution`. */
  note: string;
}

/** A relative expression found in a sentence; `resolve` is undefined when no reference could ever pin it ("over a decade ago"). */
export interface RelativeMatch {
  index: number;
  text: string;
  resolve?: (reference: Reference) => Span | undefined;
  /** Anaphora ("that month", "at the time") point to an earlier date of the article, not to the publication date. */
  anaphora?: { unit?: 'day' | 'month' | 'year'; shift: number };
}

const COUNT = `(\\d{1,2}|an?|${[...NUMBER_WORDS.keys()].join('|')})`;
const BOUND = /^(over|more than|less than|at least|nearly|almost|just over|well over|under)$/i;

const AGO = new RegExp(
  `\\b(?:(about|around|some|roughly|approximately|over|more than|less than|at least|nearly|almost|just over|well over|under)\\s+)?` +
    `(?:(half a|half an)|${COUNT}(\\s+and\\s+a\\s+half)?|(one and a half|a year and a half))\\s*(days?|weeks?|months?|years?|decades?)?\\s+ago\\b`,
  'gi',
);
const CALENDAR = /\b(last|this|next|earlier this|later this)\s+(week|month|year)\b/gi;
const DAYWORD = /\b(yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening)\b/gi;
const ANAPHORA =
  /\b(?:(?:later|earlier)\s+)?(that|the same|the following|the next|the previous|the preceding)\s+(day|month|year)\b|\bat the time\b/gi;
// Parts of a day point to the day named before: "that evening" is that day, "the next morning" the day after.
const DAY_PART = /\b(that|the same|the following|the next|the previous)\s+(morning|afternoon|evening|night)\b/gi;
// "two days later", "a week earlier", "three months after": counted from the date named just before. "before" and
// "after" count so only when nothing follows them ("two days before the trial" counts from the trial, not from it).
const COUNTED = new RegExp(
  `(?<!\\b(?:for|to|of|served|serving|about|around|some|roughly|approximately|nearly|almost|over|than|least|under)\\s+)\\b${COUNT}\\s+(days?|weeks?|months?|years?)\\s+(later|earlier|afterwards?|before(?=\\s*(?:[,.;:)]|$))|after(?=\\s*(?:[,.;:)]|$)))`,
  'gi',
);

/** Finds relative date expressions the way a reporter uses them, each with a resolver against a reference date. */
export function findRelative(sentence: string): RelativeMatch[] {
  const found: RelativeMatch[] = [];
  for (const m of sentence.matchAll(AGO)) found.push({ index: m.index, text: m[0], resolve: agoResolver(m) });
  for (const m of sentence.matchAll(CALENDAR))
    found.push({ index: m.index, text: m[0], resolve: calendarResolver(m[1]!.toLowerCase(), m[2]!.toLowerCase(), m[0]) });
  for (const m of sentence.matchAll(DAYWORD))
    found.push({ index: m.index, text: m[0], resolve: dayWordResolver(m[1]!.toLowerCase(), m[0]) });
  for (const m of sentence.matchAll(ANAPHORA)) {
    const unit = m[2]?.toLowerCase() as 'day' | 'month' | 'year' | undefined;
    const word = m[1]?.toLowerCase() ?? '';
    const shift = /following|next/.test(word) ? 1 : /previous|preceding/.test(word) ? -1 : 0;
    found.push({ index: m.index, text: m[0], anaphora: { unit, shift } });
  }
  for (const m of sentence.matchAll(DAY_PART)) {
    const word = m[1]!.toLowerCase();
    found.push({
      index: m.index,
      text: m[0],
      anaphora: { unit: 'day', shift: /following|next/.test(word) ? 1 : word === 'the previous' ? -1 : 0 },
    });
  }
  for (const m of sentence.matchAll(COUNTED)) {
    const count = /^an?$/i.test(m[1]!) ? 1 : (numberWordValue(m[1]!) ?? Number(m[1]));
    const unit = m[2]!.toLowerCase().replace(/s$/, '');
    const sign = /^(earlier|before)$/i.test(m[3]!) ? -1 : 1;
    // A week is seven days: "a week later" names a day, as reporters use it.
    const [anaphoraUnit, size] = unit === 'week' ? (['day', 7] as const) : ([unit as 'day' | 'month' | 'year', 1] as const);
    found.push({ index: m.index, text: m[0], anaphora: { unit: anaphoraUnit, shift: sign * count * size } });
  }
  return found.sort((a, b) => a.index - b.index).filter((m, i, all) => i === 0 || m.index >= all[i - 1]!.index + all[i - 1]!.text.length);
}

function agoResolver(m: RegExpMatchArray): RelativeMatch['resolve'] {
  const [text, qualifier, halfA, count, andHalf, yearAndHalf, rawUnit] = m;
  if (qualifier && BOUND.test(qualifier)) return undefined;
  const unit = (yearAndHalf?.includes('year') ? 'year' : rawUnit?.replace(/s$/, '').toLowerCase()) as string | undefined;
  if (!unit || unit === 'decade') return undefined;
  const n = halfA
    ? 0.5
    : yearAndHalf
      ? 1.5
      : (/^an?$/i.test(count!) ? 1 : (numberWordValue(count!) ?? Number(count))) + (andHalf ? 0.5 : 0);
  const approx = Boolean(qualifier);
  const quoted = `“${text}”`;
  return (ref) => {
    if (unit === 'year' && Number.isInteger(n) && !approx) {
      const year = ref.year - n;
      return { first: dayNumber(year, 1, 1), last: dayNumber(year, 12, 31), note: `${quoted} counted back from ${ref.label}` };
    }
    if (ref.day === undefined) return undefined;
    const months = unit === 'year' ? n * 12 : unit === 'month' ? n : 0;
    const days = unit === 'week' ? n * 7 : unit === 'day' ? n : 0;
    const center = addMonths(ref.day - days, -Math.floor(months)) - (months % 1 === 0 ? 0 : 15);
    // Round counts are round numbers: allow a margin that grows with the distance named.
    const margin = unit === 'day' ? (approx ? 1 : 0) : unit === 'week' ? 3 : months >= 12 ? 90 : 15;
    const note = `${quoted}: about ${isoDay(center).slice(0, months >= 1 ? 7 : 10)}, counted back from ${ref.label}`;
    return { first: center - margin, last: center + margin, note };
  };
}

function calendarResolver(which: string, unit: string, text: string): RelativeMatch['resolve'] {
  const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  const quoted = `“${text}”`;
  return (ref) => {
    if (unit === 'year') {
      const year = ref.year + offset;
      return { first: dayNumber(year, 1, 1), last: dayNumber(year, 12, 31), note: `${quoted}, counted from ${ref.label}` };
    }
    if (unit === 'month') {
      if (ref.month === undefined) return undefined;
      const first = addMonths(dayNumber(ref.year, ref.month, 1), offset);
      return { first, last: addMonths(first, 1) - 1, note: `${quoted}, counted from ${ref.label}` };
    }
    if (ref.day === undefined) return undefined;
    const monday = ref.day - ((parts(ref.day).weekday + 6) % 7) + 7 * offset;
    let [first, last] = [monday, monday + 6];
    if (which === 'earlier this') last = ref.day;
    if (which === 'later this') first = ref.day;
    return { first, last, note: `${quoted}: ${isoDay(first)} to ${isoDay(last)}, counted from ${ref.label}` };
  };
}

function dayWordResolver(word: string, text: string): RelativeMatch['resolve'] {
  const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
  return (ref) => {
    if (ref.day === undefined) return undefined;
    const day = ref.day + offset;
    return { first: day, last: day, note: `“${text}” counted from ${ref.label}` };
  };
}

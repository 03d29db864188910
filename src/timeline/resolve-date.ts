// The English locale alone: importing all of chrono-node's locales costs 0.4 s of start-up.
import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import { MONTH_NAMES, MONTH_SHORT_FORMS, WEEKDAY_NAMES } from '../text/calendar-words.ts';
import { commonDate, commonPrefix, dayNumber, formatDate, parseDate, parts, type Precision } from './calendar.ts';
import { detectTense as detectKind, type Tense as EventKind } from './kind.ts';
import { findRelative, type Reference, type Span } from './relative.ts';

/** A date expression in a sentence, resolved as far as the text and the reference date allow. */
export interface DateMention {
  /** The expression as written, and where it sits in the sentence. */
  text: string;
  index: number;
  end: number;
  kind: EventKind;
  /** Absent when the expression needs a reference date that is not known ("on Friday" in an undated article). */
  date?: string;
  precision?: Precision;
  /** True when the date depends on the reference date rather than being stated outright. */
  relative: boolean;
  /** "that month", "at the time": the caller resolves these from an earlier date of the same article. */
  anaphora?: { unit?: Precision; shift: number; month?: number };
  /** How a relative date was counted, for the event's `resolution`. */
  note?: string;
}

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
const WEEKDAY = new RegExp(`\\b(${WEEKDAY_NAMES.join('|')})\\b`, 'i');
// An abbreviation counts only with its full stop: "Mar" and "May" are words too.
const MONTH = new RegExp(`\\b(${[...MONTH_NAMES, ...MONTH_SHORT_FORMS.map((short) => `${short}\\.`)].join('|')})`);
// A year standing alone: "in 2008", "his 2008 arrest", "early 2024"; "from 2010" (a start); not "since 2008" (a bound) nor "2008-2010".
const BARE_YEAR =
  /(?<![\d$£€#.,/-])\b(?:(early|late|mid)[-\s]+)?((?:1[89]|20)\d{2})\b(?![-–/]\d|\s*(?:-|–|to)\s*(?:1[89]|20)\d{2}|s\b|['’]s\b|%|\s*percent|,\d)/g;
// "by 2008" dates a state ("By 2008 the firm managed 14 tankers"); "before", "since" and ranges only bound one.
const YEAR_BOUND =
  /\b(?:before|after|since|until|till|between|through|than|to|around|circa|about)\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?$|\bbetween\s+(?:1[89]|20)\d{2}\s+and\s+$/i;
const BARE_MONTH = new RegExp(
  `\\b(?:(?:in|for|during|of|until|(early|late|mid|next|last|this|coming))[-\\s]+)(${MONTH_NAMES.join('|')})\\b(?!\\s+\\d)`,
  'g',
);
const MONTH_OF_YEAR = new RegExp(
  `\\b(${MONTH_NAMES.join('|')})\\s+(?:of\\s+)?(this|last|next|that|the same|the following|the next|the previous|the preceding)\\s+year\\b`,
  'g',
);
const YEAR_LEAD =
  /(?:^|\b(?:1[89]|20)\d{2}\s+(?:and|or)|\b(?:in|from|by|during|of|year|the|his|her|its|their|a|an|this|that|spring|summer|autumn|fall|winter)|['’]s)\s*$/i;

/**
 * Finds the date expressions of one sentence and resolves them against `reference`, the publication date
 * (YYYY-MM-DD, YYYY-MM or YYYY) when it is known, at the precision the text supports. Never invents one:
 * what cannot be pinned keeps no date.
 */
export function findDateMentions(sentence: string, reference?: string): DateMention[] {
  const ref = toReference(reference);
  // Each parser reads what earlier ones left: found expressions are blanked out, keeping offsets.
  let masked = sentence.replace(URL, (url) => ' '.repeat(url.length));
  const blank = (index: number, length: number) => (masked = masked.slice(0, index) + ' '.repeat(length) + masked.slice(index + length));
  const mentions: DateMention[] = [];
  const add = (mention: Omit<DateMention, 'end' | 'kind'> & { kind?: EventKind }) => {
    mentions.push({ ...mention, kind: mention.kind ?? detectKind(sentence, mention.index), end: mention.index + mention.text.length });
    blank(mention.index, mention.text.length);
  };

  // "June that year", "February last year": a month of a year named relatively.
  for (const match of masked.matchAll(MONTH_OF_YEAR)) {
    const month = MONTH_NAMES.indexOf(match[1]!) + 1;
    const word = match[2]!.toLowerCase();
    const shift = /last|previous|preceding/.test(word) ? -1 : /next|following/.test(word) ? 1 : 0;
    if (/this|last|next/.test(word) && !/the next/.test(word)) {
      const date = ref ? formatDate(dayNumber(ref.year + shift, month, 1), 'month') : undefined;
      add({
        text: match[0],
        index: match.index,
        relative: true,
        ...(date ? { date, precision: 'month' as const, note: `“${match[0]}”, counted from ${ref!.label}` } : {}),
      });
    } else add({ text: match[0], index: match.index, relative: true, anaphora: { unit: 'year', shift, month } });
  }
  for (const match of findRelative(masked)) {
    const span = ref && match.resolve?.(ref);
    if (match.anaphora) add({ text: match.text, index: match.index, relative: true, anaphora: match.anaphora });
    else if (!match.resolve) blank(match.index, match.text.length);
    else
      add({
        text: match.text,
        index: match.index,
        kind: forcedKind(match.text, detectKind(sentence, match.index)),
        relative: true,
        ...fromSpan(span || undefined),
      });
  }
  for (const result of chrono.parse(masked, chronoReference(ref))) {
    const mention = fromChrono(sentence, result, ref);
    if (mention) add(mention);
  }
  // chrono leaves a bare month alone unless "in" precedes it ("may" is also a verb): "scheduled for May".
  for (const match of masked.matchAll(BARE_MONTH)) {
    const index = match.index + match[0].length - match[2]!.length;
    const kind = forcedKind(match[1], detectKind(sentence, index));
    const month = MONTH_NAMES.indexOf(match[2]!) + 1;
    add({ text: match[2]!, index, kind, relative: true, ...fromSpan(ref && monthSpan(match[2]!, month, undefined, kind, ref)) });
  }
  for (const match of masked.matchAll(BARE_YEAR)) {
    const head = masked.slice(0, match.index);
    // "in 2014 and 2015": the second year of a list is led by the first (already blanked in `masked`).
    const listed =
      /\b(?:1[89]|20)\d{2}\s+(?:and|or)\s+$/.test(sentence.slice(0, match.index)) &&
      !/\bbetween\s+\S+\s+and\s+$/i.test(sentence.slice(0, match.index));
    if ((!YEAR_LEAD.test(head) && !listed) || YEAR_BOUND.test(head)) continue;
    if (
      /^(the|a|an|his|her|its|their)$/i.test(precedingWord(masked, match.index)) &&
      /^\s+\w+s\b/.test(masked.slice(match.index + match[0].length))
    )
      continue;
    add({ text: match[0], index: match.index, relative: false, date: match[2]!, precision: 'year' });
  }
  return mentions.filter((m) => m.date !== undefined || m.anaphora || m.relative).sort((a, b) => a.index - b.index);
}

function toReference(reference: string | undefined): Reference | undefined {
  const parsed = reference ? parseDate(reference) : undefined;
  if (!parsed) return undefined;
  const { year, month } = parts(parsed.first);
  if (parsed.precision === 'year') return { year, label: reference! };
  if (parsed.precision === 'month') return { year, month, label: reference! };
  return { year, month, day: parsed.first, label: reference! };
}

function chronoReference(ref: Reference | undefined): Date {
  if (!ref) return new Date();
  const { year, month, day } = parts(ref.day ?? dayNumber(ref.year, ref.month ?? 1, 1));
  return new Date(year, month - 1, day, 12);
}

function fromSpan(span: Span | undefined): Pick<DateMention, 'date' | 'precision' | 'note'> {
  if (!span) return {};
  const common = commonDate(span.first, span.last);
  if (!common) return { note: span.note };
  const whole = parseDate(common.date)!;
  const exact = whole.first === span.first && whole.last === span.last;
  return { ...common, note: exact ? span.note : `${span.note}; only ${common.date} is certain` };
}

function fromChrono(
  sentence: string,
  result: ParsedResult,
  ref: Reference | undefined,
  offset = 0,
): (Omit<DateMention, 'end' | 'kind'> & { kind?: EventKind }) | undefined {
  const tags = [...result.tags()];
  // Relative forms are read by findRelative; "now" is no date; "the morning of August 20, 2020" is.
  if (tags.some((tag) => tag.startsWith('result/relativeDate'))) return undefined;
  if (tags.some((tag) => tag.startsWith('casualReference'))) {
    // chrono blurs "the morning of August 20, 2020" into an uncertain date: read the named date on its own.
    // "on Thursday evening" likewise names the weekday.
    const weekday = WEEKDAY.exec(result.text);
    if (weekday && !MONTH.test(result.text)) {
      const day = chrono.parse(weekday[0], chronoReference(ref))[0];
      const mention = day && fromChrono(sentence, day, ref, offset + result.index + weekday.index);
      const text = result.text
        .trim()
        .replace(/[\s,.;:]+$/, '')
        .replace(/^on\s+/i, '');
      return mention && text.startsWith(weekday[0]) ? { ...mention, text } : mention;
    }
    const month = MONTH.exec(result.text);
    const inner = month && chrono.parse(result.text.slice(month.index), chronoReference(ref))[0];
    if (!inner || inner.index !== 0 || [...inner.tags()].some((tag) => tag.startsWith('casualReference'))) return undefined;
    return fromChrono(sentence, inner, ref, offset + result.index + month.index);
  }
  const lead = /^[\s,.;:]*/.exec(result.text)![0].length;
  const text = result.text.slice(lead).replace(/[\s,.;:]+$/, '');
  const { start } = result;
  const base = { text, index: offset + result.index + lead };
  if (tags.includes('parser/SlashDateFormatParser')) return slashDate(base, result);
  if (start.isCertain('year') && start.isCertain('month')) {
    const precision: Precision = start.isCertain('day') ? 'day' : 'month';
    const date = formatDate(dayNumber(start.get('year')!, start.get('month')!, start.get('day') ?? 1), precision);
    // "April 5-7, 2012" spans days: only what both ends share is the date.
    const end =
      result.end?.isCertain('year') && result.end.isCertain('month')
        ? formatDate(dayNumber(result.end.get('year')!, result.end.get('month')!, result.end.get('day') ?? 1), precision)
        : date;
    const common = commonPrefix([date, end]);
    return common ? { ...base, relative: false, ...common } : undefined;
  }
  const kind = forcedKind(text, detectKind(sentence, base.index));
  if (start.isCertain('month') && MONTH.test(text)) {
    return {
      ...base,
      kind,
      relative: true,
      ...fromSpan(ref && monthSpan(text, start.get('month')!, start.isCertain('day') ? start.get('day')! : undefined, kind, ref)),
    };
  }
  const weekday = WEEKDAY.exec(text);
  if (start.isCertain('weekday') && !start.isCertain('day') && weekday) {
    return { ...base, kind, relative: true, ...fromSpan(ref && weekdaySpan(text, start.get('weekday')!, kind, ref)) };
  }
  return undefined;
}

/** "on Friday": the latest Friday on or before the reference for a past event, the next one for a planned one. */
function weekdaySpan(text: string, weekday: number, kind: EventKind, ref: Reference): Span | undefined {
  if (ref.day === undefined) return undefined;
  const today = parts(ref.day).weekday;
  const back = ref.day - ((today - weekday + 7) % 7);
  const ahead = ref.day + (((weekday - today + 6) % 7) + 1);
  const name = WEEKDAY_NAMES[weekday]!;
  if (/\b(last|past|previous)\s/i.test(text)) {
    const day = back === ref.day ? back - 7 : back;
    return { first: day, last: day, note: `“${text}”: the ${name} before ${ref.label}` };
  }
  // "next Friday" is either the coming Friday or the one after: only what both share is certain.
  if (/\bnext\s/i.test(text))
    return { first: ahead, last: ahead + 7, note: `“${text}”: the ${name} after ${ref.label} or the one after that` };
  if (kind === 'occurred')
    return { first: back, last: back, note: `“${text}”: the ${name} ${back === ref.day ? 'of' : 'before'} ${ref.label}` };
  return { first: ahead, last: ahead, note: `“${text}”: the ${name} after ${ref.label}` };
}

/** "in December": the latest December up to the reference for a past event, the next one for a planned one. */
function monthSpan(text: string, month: number, day: number | undefined, kind: EventKind, ref: Reference): Span | undefined {
  if (ref.month === undefined || (day !== undefined && ref.day === undefined)) return undefined;
  const refKey = ref.month * 100 + (day === undefined ? 0 : parts(ref.day!).day);
  const key = month * 100 + (day ?? 0);
  const year = kind === 'occurred' ? (key <= refKey ? ref.year : ref.year - 1) : key >= refKey ? ref.year : ref.year + 1;
  const first = dayNumber(year, month, day ?? 1);
  const last = day === undefined ? dayNumber(year, month + 1, 1) - 1 : first;
  const which = kind === 'occurred' ? 'the latest on or before' : 'the next on or after';
  return { first, last, note: `“${text}”: ${which} ${ref.label}, in ${year}` };
}

/** Words that fix the direction whatever the verb: "last", "ago", "yesterday" look back; "next", "tomorrow" ahead. */
function forcedKind(text: string | undefined, kind: EventKind): EventKind {
  if (text && /\b(last|ago|yesterday|earlier|previous|past)\b/i.test(text) && kind === 'scheduled') return 'occurred';
  if (text && /\b(next|tomorrow|later|coming)\b/i.test(text) && kind === 'occurred') return 'scheduled';
  return kind;
}

/** "4/5/2012" reads as April 5 or May 4: only an unambiguous one keeps its day; without a year it is dropped. */
function slashDate(base: { text: string; index: number }, result: ParsedResult): Omit<DateMention, 'end' | 'kind'> | undefined {
  const { start } = result;
  if (!start.isCertain('year')) return undefined;
  const [month, day] = [start.get('month')!, start.get('day')!];
  const date = dayNumber(start.get('year')!, month, day);
  return month === day || day > 12
    ? { ...base, relative: false, date: formatDate(date, 'day'), precision: 'day' }
    : { ...base, relative: false, date: formatDate(date, 'year'), precision: 'year' };
}

function precedingWord(text: string, index: number): string {
  return /(\S+)\s*$/.exec(text.slice(0, index))?.[1] ?? '';
}

import { addMonths, dayNumber, formatDate, parseDate, type Precision } from './calendar.ts';
import type { DateMention } from './resolve-date.ts';

/** A date named earlier in an article, that "that month" or "two days later" counts from. */
export interface Antecedent {
  date: string;
  precision: Precision;
}

/**
 * "that month" → the month of the date named just before; "June that year" → June of that date's year; "two days
 * later" → that date plus two days. Undefined when the earlier date is too coarse for the count ("two days after"
 * a month), so that no day is invented.
 */
export function fromAntecedent(
  mention: Pick<DateMention, 'text' | 'anaphora'>,
  antecedent: Antecedent | undefined,
): (Antecedent & { note: string }) | undefined {
  if (!antecedent || !mention.anaphora) return undefined;
  const { unit, shift, month } = mention.anaphora;
  const note = `“${mention.text}” refers back to ${antecedent.date}, named just before`;
  const year = Number(antecedent.date.slice(0, 4));
  if (month !== undefined) return { date: formatDate(dayNumber(year + shift, month, 1), 'month'), precision: 'month', note };
  const order: Precision[] = ['year', 'month', 'day'];
  const wanted = unit ?? antecedent.precision;
  const precision = order[Math.min(order.indexOf(wanted), order.indexOf(antecedent.precision))]!;
  if (shift !== 0 && precision !== wanted) return undefined;
  const first = parseDate(antecedent.date)!.first;
  const day =
    shift === 0 ? first : wanted === 'day' ? first + shift : wanted === 'month' ? addMonths(first, shift) : dayNumber(year + shift, 1, 1);
  return { date: formatDate(day, precision), precision, note };
}

import { fromAntecedent, type Antecedent } from './anaphora.ts';
import { parseDate, type Precision } from './calendar.ts';
import { findDateMentions, type DateMention } from './resolve-date.ts';
import type { SentenceEvent } from './sentence-event.ts';

/** What dating again gives one event that depends on the date of writing: its new date, or null when it no longer resolves. */
export type Redated = { date: string; precision: Precision; resolution?: string } | null;

/**
 * An article's events dated again against another date of writing (`reference`, YYYY-MM-DD): those whose date
 * depends on it (`redate`) are resolved anew, in order, so that "two days later" follows the date it counts from;
 * the rest are kept. An event whose expression no longer resolves is left out.
 */
export function redate(events: SentenceEvent[], reference: string, source: string): SentenceEvent[] {
  return applyRedated(events, redatedDates(events, reference, source), reference);
}

/** The new dates of the events that carry `redate`, in order (the date parsing of `redate`, as plain data to keep). */
export function redatedDates(events: SentenceEvent[], reference: string, source: string): Redated[] {
  const dates = new Map<string, Antecedent>();
  // A sentence stating several dates carries an event for each: it is parsed once against the reference.
  const parsed = new Map<string, DateMention[]>();
  const out: Redated[] = [];
  for (const event of events) {
    const how = event.redate;
    if (!how) {
      dates.set(event.id, event);
      continue;
    }
    let dated: (Antecedent & { note?: string }) | undefined;
    if (how.via === 'dateline') dated = { date: reference, precision: parseDate(reference)!.precision };
    else if (how.via === 'reference') {
      let mentions = parsed.get(how.sentence);
      if (!mentions) parsed.set(how.sentence, (mentions = findDateMentions(how.sentence, reference)));
      const mention = mentions.find((candidate) => candidate.index === how.index);
      if (mention?.date && mention.precision)
        dated = { date: mention.date, precision: mention.precision, ...(mention.note ? { note: mention.note } : {}) };
    } else dated = fromAntecedent({ text: how.text, anaphora: how.anaphora }, dates.get(how.of));
    if (!dated) {
      out.push(null);
      continue;
    }
    dates.set(event.id, dated);
    out.push({ date: dated.date, precision: dated.precision, ...(dated.note ? { resolution: `${source}: ${dated.note}` } : {}) });
  }
  return out;
}

/** The events with `redated` (from `redatedDates`) applied to those that carry `redate`. */
export function applyRedated(events: SentenceEvent[], redated: Redated[], reference: string): SentenceEvent[] {
  const out: SentenceEvent[] = [];
  let next = 0;
  for (const event of events) {
    if (!event.redate) {
      out.push(event);
      continue;
    }
    const dated = redated[next++];
    if (!dated) continue;
    const { resolution: _old, ...rest } = event;
    out.push({
      ...rest,
      date: dated.date,
      precision: dated.precision,
      reference,
      ...(dated.resolution ? { resolution: dated.resolution } : {}),
    });
  }
  return out;
}

import { fromAntecedent, type Antecedent } from './anaphora.ts';
import { parseDate } from './calendar.ts';
import { findDateMentions } from './resolve-date.ts';
import type { SentenceEvent } from './sentence-event.ts';

/**
 * An article's events dated again against another date of writing (`reference`, YYYY-MM-DD): those whose date
 * depends on it (`redate`) are resolved anew, in order, so that "two days later" follows the date it counts from;
 * the rest are kept. An event whose expression no longer resolves is left out.
 */
export function redate(events: SentenceEvent[], reference: string, source: string): SentenceEvent[] {
  const dates = new Map<string, Antecedent>();
  const out: SentenceEvent[] = [];
  for (const event of events) {
    const how = event.redate;
    if (!how) {
      dates.set(event.id, event);
      out.push(event);
      continue;
    }
    let dated: (Antecedent & { note?: string }) | undefined;
    if (how.via === 'dateline') dated = { date: reference, precision: parseDate(reference)!.precision };
    else if (how.via === 'reference') {
      const mention = findDateMentions(how.sentence, reference).find((candidate) => candidate.index === how.index);
      if (mention?.date && mention.precision)
        dated = { date: mention.date, precision: mention.precision, ...(mention.note ? { note: mention.note } : {}) };
    } else dated = fromAntecedent({ text: how.text, anaphora: how.anaphora }, dates.get(how.of));
    if (!dated) continue;
    dates.set(event.id, dated);
    const { resolution: _old, ...rest } = event;
    out.push({
      ...rest,
      date: dated.date,
      precision: dated.precision,
      reference,
      ...(dated.note ? { resolution: `${source}: ${dated.note}` } : {}),
    });
  }
  return out;
}

import { tokenize } from '../text/terms.ts';
import type { TimelineEvent } from './types.ts';

/** The timeline's resolved date for a passage, if it holds a dated event. */
export type PassageDate = (
  source: string,
  start: number,
  end: number,
  questionTerms: string[],
) => { date: string; precision: 'day' | 'month' | 'year' } | undefined;

/**
 * Finds the timeline's resolved date for a passage, for date answers. A passage can hold several dated
 * events ("freed last year … on Friday, urged"): the one whose summary shares most with the question wins.
 */
export function passageDates(events: TimelineEvent[]): PassageDate {
  return (source, start, end, questionTerms) => {
    const wanted = new Set(questionTerms);
    const candidates = events
      // An approximate date is a best reading (a guessed year): an answer states only dates the articles fix.
      .filter(
        (e) => e.precision !== 'year' && !e.approximate && e.sources.some((s) => s.source === source && s.start < end && s.end > start),
      )
      .map((event) => ({ event, shared: tokenize(event.summary).filter((term) => wanted.has(term)).length }))
      .sort((a, b) => b.shared - a.shared || Number(b.event.precision === 'day') - Number(a.event.precision === 'day'));
    const best = candidates[0]?.event;
    return best ? { date: best.date, precision: best.precision } : undefined;
  };
}

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
      .filter((e) => e.sources.some((s) => s.source === source && s.start < end && s.end > start))
      .map((event) => ({ event, shared: tokenize(event.summary).filter((term) => wanted.has(term)).length }))
      .sort((a, b) => b.shared - a.shared || Number(b.event.precision === 'day') - Number(a.event.precision === 'day'));
    const [best, next] = candidates;
    if (!best) return undefined;
    // A passage telling of several happenings gives the date of the one the question is about; when the question's
    // words do not single one out, any date would be a guess.
    if (next && (best.shared === 0 || (next.shared === best.shared && next.event.date !== best.event.date))) return undefined;
    // A year alone is already in the passage's words, and an approximate date is a best reading (a guessed year):
    // an answer states only dates the articles fix.
    if (best.event.precision === 'year' || best.event.approximate) return undefined;
    return { date: best.event.date, precision: best.event.precision };
  };
}

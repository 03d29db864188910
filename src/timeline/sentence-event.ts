import type { Article, Sentence } from '../corpus/types.ts';
import type { Precision } from './calendar.ts';
import type { Entities } from './entities.ts';
import type { DateMention } from './resolve-date.ts';
import type { EventText } from './summarize.ts';
import type { TimelineEvent } from './types.ts';

/** An event as one sentence states it, before reports of the same happening are merged. */
export interface SentenceEvent extends TimelineEvent {
  /** The clause the date belongs to, for matching reports of one happening. */
  clause: string;
  /** The date expression as written ("on Friday", "December 2022"). */
  expression: string;
  /** The publication date the expression was counted from, when it was relative and known. */
  reference?: string;
}

/** Builds the event one date expression of one sentence states. */
export function sentenceEvent(
  article: Article,
  sentence: Sentence,
  mention: DateMention,
  text: EventText,
  entities: Entities,
  dated: { date: string; precision: Precision; resolution?: string; approximate?: boolean; reference?: string },
): SentenceEvent {
  const kind = mention.kind === 'scheduled' ? 'scheduled' : text.said ? 'said' : 'occurred';
  return {
    id: `${article.source}#${sentence.start + mention.index}`,
    date: dated.date,
    precision: dated.precision,
    approximate: dated.approximate ?? false,
    summary: text.summary,
    kind,
    people: entities.people(sentence.text),
    places: entities.places(sentence.text),
    sources: [{ source: article.source, quote: article.text.slice(sentence.start, sentence.end), start: sentence.start, end: sentence.end }],
    ...(dated.resolution ? { resolution: dated.resolution } : {}),
    clause: text.clause,
    expression: mention.text,
    ...(mention.relative && dated.reference ? { reference: dated.reference } : {}),
  };
}

import type { Sentence } from '../corpus/types.ts';
import type { Precision } from './calendar.ts';
import type { DateMention } from './resolve-date.ts';
import type { EventText } from './summarize.ts';
import type { TimelineEvent } from './types.ts';
export type { TimelineArticle } from './types.ts';

/** How a date that depends on the article's date of writing is computed again for another one (a yearless dateline's year). */
export type Redate =
  /** A relative expression of the sentence ("on Monday"), found again at the same place. */
  | { via: 'reference'; sentence: string; index: number }
  /** The report under a dateline: dated by the dateline itself. */
  | { via: 'dateline' }
  /** "two days later": counted from the event named before it. */
  | { via: 'antecedent'; of: string; anaphora: NonNullable<DateMention['anaphora']>; text: string };

/** An event as one sentence states it, before reports of the same happening are merged. */
export interface SentenceEvent extends TimelineEvent {
  /** The clause the date belongs to, for matching reports of one happening. */
  clause: string;
  /** Lemmas of the clause's main verbs, read once at extraction so that merging parses nothing. */
  verbs: string[];
  /** Its clause's words as similarity reads them (`profileWords`), read once at extraction. */
  terms?: string[];
  nameWords?: string[];
  /** The date expression as written ("on Friday", "December 2022"). */
  expression: string;
  /** The publication date the expression was counted from, when it was relative and known. */
  reference?: string;
  /** Set when the date depends on the article's date of writing. */
  redate?: Redate;
}

/** Where an event is stated and who it involves, as extraction found them. */
export interface StatedIn {
  source: string;
  /** The sentence, with its offsets in the original file text (a dateline's report may start earlier). */
  sentence: Sentence;
  quote: string;
  people: string[];
  places: string[];
}

/** Builds the event one date expression of one sentence states. */
export function sentenceEvent(
  stated: StatedIn,
  mention: DateMention,
  text: EventText & { verbs: string[]; terms?: string[]; nameWords?: string[] },
  dated: { date: string; precision: Precision; resolution?: string; approximate?: boolean; reference?: string; redate?: Redate },
): SentenceEvent {
  const kind = mention.kind === 'scheduled' ? 'scheduled' : text.said ? 'said' : 'occurred';
  const { sentence } = stated;
  return {
    id: `${stated.source}#${sentence.start + mention.index}`,
    date: dated.date,
    precision: dated.precision,
    approximate: dated.approximate ?? false,
    summary: text.summary,
    kind,
    people: stated.people,
    places: stated.places,
    sources: [{ source: stated.source, quote: stated.quote, start: sentence.start, end: sentence.end }],
    ...(dated.resolution ? { resolution: dated.resolution } : {}),
    clause: text.clause,
    verbs: text.verbs,
    ...(text.terms && text.nameWords ? { terms: text.terms, nameWords: text.nameWords } : {}),
    expression: mention.text,
    ...(mention.relative && dated.reference ? { reference: dated.reference } : {}),
    ...(dated.redate ? { redate: dated.redate } : {}),
  };
}

import type { Article } from '../corpus/types.ts';

/** What timeline extraction reads of an article: the index's stored articles carry all of it. */
export type TimelineArticle = Pick<Article, 'source' | 'hash' | 'text' | 'meta' | 'sentences'>;

/**
 * An article named by its file and checksum, read (`read`) only when no stored extraction matches: a corpus
 * change passes every kept article so, and reads only the one it adds.
 */
export interface TimelineArticleRef {
  source: string;
  hash: string;
  read(): TimelineArticle;
}

/** Where an event is stated: a corpus file and a verbatim quote from it. */
export interface EventSource {
  source: string;
  quote: string;
  /** Offsets of `quote` in the original file text. */
  start: number;
  end: number;
}

/** What an event is: something that happened, a statement, something planned or expected, or history before the case. */
export type EventKind = 'occurred' | 'said' | 'scheduled' | 'background';

/** A dated event of the case, merged across every article that reports it. */
export interface TimelineEvent {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, matching `precision`. */
  date: string;
  precision: 'day' | 'month' | 'year';
  /** True when the date is a best reading rather than certain (an article's year had to be guessed, say); `resolution` says why. */
  approximate: boolean;
  summary: string;
  kind: EventKind;
  /** People and places the event involves, as the NLP library finds them in its sources. */
  people: string[];
  places: string[];
  sources: EventSource[];
  /** How a relative date was pinned down, when it was not stated outright. */
  resolution?: string;
  /** What the sources disagree about, when they do (a date differing between sources names both). */
  conflict?: string;
}

/** Filters for a timeline lookup; every field is optional. */
export interface TimelineQuery {
  /** A year (2010) or a date (2010-05 / 2010-05-01), inclusive. */
  from?: string;
  to?: string;
  /** Words the event must be about (its summary, quotes, or passages retrieval finds for them). */
  topic?: string;
  /** A person the event involves (a full name or part of one: "Lavrov"). */
  person?: string;
  /** A place the event involves or its quotes name. */
  place?: string;
  /** "What happened around" a date: events within a window around it, nearest first in meaning, listed chronologically. */
  around?: string;
  /** A corpus file name. */
  source?: string;
}

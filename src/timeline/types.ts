/** Where an event is stated: a corpus file and a verbatim quote from it. */
export interface EventSource {
  source: string;
  quote: string;
  /** Offsets of `quote` in the original file text. */
  start: number;
  end: number;
}

/** A dated event of the case, merged across every article that reports it. */
export interface TimelineEvent {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, matching `precision`. */
  date: string;
  precision: 'day' | 'month' | 'year';
  summary: string;
  kind: 'occurred' | 'planned' | 'expected';
  sources: EventSource[];
  /** How a relative date was pinned down, when it was not stated outright. */
  resolution?: string;
  /** What the sources disagree about, when they do. */
  conflict?: string;
}

/** Filters for a timeline lookup; every field is optional. */
export interface TimelineQuery {
  /** A year (2010) or a date (2010-05 / 2010-05-01), inclusive. */
  from?: string;
  to?: string;
  topic?: string;
  /** A corpus file name. */
  source?: string;
}

/** What an article states about itself; a field is absent when the text does not state it. */
export interface ArticleMeta {
  title?: string;
  outlet?: string;
  author?: string;
  /** Publication date as stated, normalised to YYYY-MM-DD (or YYYY-MM / YYYY when only that is stated). */
  date?: string;
  url?: string;
}

/** A sentence of an article: `text` is cleaned for search, `start`/`end` index the original file text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (block of text between blank lines) the sentence belongs to. */
  paragraph: number;
}

/** One corpus file, loaded and cleaned. */
export interface Article {
  /** File name relative to the corpus folder: what citations name. */
  source: string;
  /** The file's text exactly as read; quotes are slices of it. */
  text: string;
  /** sha256 of the file's bytes, for staleness checks. */
  hash: string;
  meta: ArticleMeta;
  /** The cleaned article body, boilerplate removed. */
  clean: string;
  /** For each character of `clean`, its offset in `text`. */
  offsets: number[];
  sentences: Sentence[];
}

/** A passage indexed for retrieval. */
export interface Chunk {
  /** Stable id: `${source}#${ordinal}`. */
  id: string;
  source: string;
  ordinal: number;
  /** Cleaned text of the passage. */
  text: string;
  /** Offsets into the original file text. */
  start: number;
  end: number;
}

/** A file skipped while loading the corpus, with the reason shown to moderators. */
export interface SkippedFile {
  source: string;
  reason: string;
}

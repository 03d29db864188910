/** A numbered source of an answer; `quote` is a verbatim substring of the file `source`. */
export interface Citation {
  n: number;
  source: string;
  title?: string;
  date?: string;
  quote: string;
}

/** A chunk the retriever returned for a question, with its fused score. */
export interface RetrievedChunk {
  source: string;
  /** The chunk's id in the index (`<source>#<n>`), not its text. */
  chunkId: string;
  score: number;
}

/** Time spent on each stage of answering, in milliseconds. */
export interface AnswerTimings {
  embed: number;
  retrieve: number;
  compose: number;
  total: number;
}

/** An answer as every adapter shows it. When `abstained`, `answer` says what the articles don't cover. */
export interface Answer {
  question: string;
  answer: string;
  abstained: boolean;
  citations: Citation[];
  retrieved: RetrievedChunk[];
  timingsMs: AnswerTimings;
  /** Which answerer produced the text, and why a fallback happened if one did. */
  mode: 'extractive' | 'llm';
  note?: string;
  /** The fitted decision's probability that the extractive answer is right (answers below its threshold abstain). */
  confidence?: number;
  /** When abstaining: the articles closest to the question, for the reader to check. */
  nearest?: { source: string; title?: string; date?: string }[];
}

import type { Answer } from './answer/types.ts';
import type { CorpusChangeSummary } from './corpus-change.ts';
import type { SkippedFile } from './corpus/types.ts';
import type { Actor } from './ingest/audit.ts';
import type { ArticleInput, PreparedArticle } from './ingest/prepare.ts';
import type { RetrievalMode } from './retrieve/hybrid.ts';
import type { TimelineEvent, TimelineQuery } from './timeline/types.ts';

export type { CorpusChangeSummary } from './corpus-change.ts';
export type { Actor } from './ingest/audit.ts';
export type { ArticleInput, PreparedArticle } from './ingest/prepare.ts';
export { createDossier, type DossierDeps, type TimelineModule } from './indexed-dossier.ts';

/** An article as listed by `/sources`. */
export interface ArticleSummary {
  source: string;
  title?: string;
  outlet?: string;
  author?: string;
  date?: string;
  url?: string;
  chunks: number;
}

/** A ranked passage for `search`. */
export interface SearchHit {
  source: string;
  title?: string;
  chunk: string;
  score: number;
  start: number;
  end: number;
}

/** Where a running reindex is; adapters render it as a progress bar. */
export interface ReindexProgress {
  phase: 'scanning' | 'embedding' | 'timeline' | 'writing' | 'swapping' | 'done';
  filesTotal: number;
  chunksTotal: number;
  chunksEmbedded: number;
  startedAt: number;
}

/** What a reindex changed. */
export interface ReindexSummary {
  rebuilt: boolean;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  skipped: SkippedFile[];
  chunks: number;
  events: number;
  ms: number;
  /** Another process had promoted a newer index, which this reindex switched to before comparing with the corpus. */
  adopted?: IndexInfo;
}

/** The index currently answering questions. */
export interface IndexInfo {
  model: string;
  dimensions: number;
  articles: number;
  chunks: number;
  events: number;
  builtAt: string;
  /** Which fitted answer decision is in use; `fallback` when none was fitted for this encoder. */
  calibration?: { encoder: string; fallback: boolean };
}

/** Options of a question: the thread's earlier question, and (for evaluation) a single retrieval ranking. */
export interface AskOptions {
  context?: string;
  retrieval?: RetrievalMode;
}

/** The one facade the adapters (Discord, terminal, CLI) call; it knows nothing of Discord. */
export interface Dossier {
  /** Answers from the corpus with citations, or abstains. `context` is an earlier question of the same thread. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  search(query: string, k?: number): Promise<SearchHit[]>;
  timeline(query?: TimelineQuery): Promise<TimelineEvent[]>;
  sources(): ArticleSummary[];
  /** Rebuilds the index from the corpus while questions keep being answered from the current one. Throws IndexError('busy') when one already runs. */
  reindex(options?: { force?: boolean; onProgress?: (progress: ReindexProgress) => void }): Promise<ReindexSummary>;
  /** Reads an uploaded file or fetches a URL into the article it would add, refusing bad input and duplicates; changes nothing. */
  prepareArticle(input: ArticleInput): Promise<PreparedArticle>;
  /** Adds a prepared article to the corpus and updates the index incrementally (only it is embedded). */
  addArticle(prepared: PreparedArticle, actor: Actor): Promise<CorpusChangeSummary>;
  /** Removes an article (by corpus file name) from the corpus and the index incrementally. */
  removeArticle(source: string, actor: Actor): Promise<CorpusChangeSummary>;
  /** Switches to the index another process sharing DATA_DIR has since made current; returns its info when it did. */
  followCurrentIndex(): Promise<IndexInfo | undefined>;
  /** The running reindex's progress, or undefined when none runs. */
  reindexProgress(): ReindexProgress | undefined;
  info(): IndexInfo;
  close(): Promise<void>;
}


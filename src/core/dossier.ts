import type { Answer } from '../answer/types.ts';
import type { SkippedFile } from '../corpus/types.ts';
import type { Actor } from '../ingest/audit.ts';
import type { ArticleInput, PreparedArticle } from '../ingest/prepare.ts';
import type { RetrievalMode } from '../retrieve/hybrid.ts';
import type { TimelineEvent, TimelineQuery } from '../timeline/types.ts';

export type { Actor } from '../ingest/audit.ts';
export type { ArticleSummary } from '../index/catalog.ts';
import type { ArticleSummary } from '../index/catalog.ts';
export type { ArticleInput, PreparedArticle } from '../ingest/prepare.ts';

/** What a corpus change (one article added or removed) did. */
export interface CorpusChangeSummary {
  action: 'add' | 'remove';
  source: string;
  title?: string;
  /** Chunks of the article added or removed, and the index's total after. */
  chunks: number;
  totalChunks: number;
  /** Sentences embedded: the added article's only. */
  embedded: number;
  events: number;
  /** The articles whose timeline events were extracted (only the added one: the others' are reused), and the time taken. */
  /** `refitted`: the change fitted the timeline's word weights again rather than keep the last fit's. */
  timeline: { extracted: string[]; ms: { extract: number; assemble: number }; refitted?: boolean };
  ms: number;
}

/** A ranked passage for `search`. */
export interface SearchHit {
  source: string;
  title?: string;
  /** The passage's text. */
  text: string;
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
  /** The index directory's name (`index-<time>-<pid>-<n>`): which build answers, the same in every process loading it. */
  version: string;
  model: string;
  dimensions: number;
  articles: number;
  chunks: number;
  events: number;
  builtAt: string;
  /** Which fitted answer decision is in use; `fallback` when none was fitted for this encoder. */
  calibration?: { encoder: string; fallback: boolean };
}

/** The process holding the reindex lock, from the lock's owner record. */
export interface ReindexHolder {
  pid: number;
  host: string;
  since: string;
  /** Who asked for it, as the requester described itself (e.g. "shard 0, user 123"); absent for older records. */
  by?: string;
}

/** Options of a question: the thread's earlier question, and (for evaluation) a single retrieval ranking. */
export interface AskOptions {
  context?: string;
  retrieval?: RetrievalMode;
}

/** How a reindex is run: `force` re-embeds everything; `requestedBy` is recorded in the lock for other processes to show. */
export interface ReindexOptions {
  force?: boolean;
  requestedBy?: string;
  onProgress?: (progress: ReindexProgress) => void;
}

/** The one facade the adapters (Discord, terminal, CLI) call; it knows nothing of Discord. */
export interface Dossier {
  /** Answers from the corpus with citations, or abstains. `context` is an earlier question of the same thread. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  search(query: string, k?: number): Promise<SearchHit[]>;
  timeline(query?: TimelineQuery): Promise<TimelineEvent[]>;
  sources(): ArticleSummary[];
  /** Rebuilds the index from the corpus while questions keep being answered from the current one. Throws IndexError('busy') when one already runs. */
  reindex(options?: ReindexOptions): Promise<ReindexSummary>;
  /** Reads an uploaded file or fetches a URL into the article it would add, refusing bad input and duplicates; changes nothing. */
  prepareArticle(input: ArticleInput): Promise<PreparedArticle>;
  /** Adds a prepared article to the corpus and updates the index incrementally (only it is embedded). */
  addArticle(prepared: PreparedArticle, actor: Actor): Promise<CorpusChangeSummary>;
  /** Removes an article (by corpus file name) from the corpus and the index incrementally. */
  removeArticle(source: string, actor: Actor): Promise<CorpusChangeSummary>;
  /**
   * For a long-running process: from now on, readies each index's first corpus change in the background once it is
   * open (reading its stored timeline, making the assembly's in-memory state), so that the moderator does not wait
   * for it. Resolves when the current index's is ready; a failure only leaves that work to the change.
   */
  prepareChanges(): Promise<void>;
  /** Switches to the index another process sharing DATA_DIR has since made current; returns its info when it did. */
  followCurrentIndex(): Promise<IndexInfo | undefined>;
  /** The running reindex's progress, or undefined when none runs. */
  reindexProgress(): ReindexProgress | undefined;
  /** Who holds the reindex lock of DATA_DIR (this or another process), or undefined when no reindex runs anywhere. */
  reindexHolder(): Promise<ReindexHolder | undefined>;
  /**
   * Loads the index `current.json` names when another process promoted a new one, through the same checks as
   * opening; questions in flight finish on the index they started with. Resolves true when it switched to an
   * index another process built; waits for a reindex running in this process, which swaps in its own build.
   */
  refresh(): Promise<boolean>;
  info(): IndexInfo;
  close(): Promise<void>;
}

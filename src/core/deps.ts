// What the core is built from: one dependency type, wired by `openDossier` and replaced piecewise by tests.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { LoadedCalibration } from '../answer/calibration.ts';
import type { Config } from '../config.ts';
import type { LocalEmbeddings } from '../index/embeddings/types.ts';
import type { TimelineArticle } from '../timeline/sentence-event.ts';
import type { ArticleStoreSnapshot, SavedArticleTimelines, TimelineBuild, TimelineBuildOptions } from '../timeline/stage.ts';
import type { TimelineArticleRef, TimelineEvent, TimelineQuery } from '../timeline/types.ts';

/** The timeline functions the core uses: extraction and storage at build time, lookups at question time. */
export interface TimelineModule {
  /**
   * Extracts the timeline; articles whose extraction the index directory `reuse` holds are not read again, and an
   * `incremental` build (a corpus change) re-merges only what the change touches.
   */
  extract(articles: (TimelineArticle | TimelineArticleRef)[], reuse?: string, options?: TimelineBuildOptions): Promise<TimelineBuild>;
  /**
   * Writes a build into an index directory (the events and the per-article extractions); may give the snapshot of
   * the extractions it left, which the next `extract` from that directory takes as `held` instead of reading them.
   */
  save(dir: string, build: TimelineBuild): Promise<SavedArticleTimelines | void>;
  /**
   * Readies the next change of index `dir`, whose articles are `articles`, ahead of it: gives the snapshot its
   * `extract` takes as `held` (`prepareTimelineChange`). A module without it leaves that work to the change.
   */
  prepare?(dir: string, articles: TimelineArticleRef[]): Promise<ArticleStoreSnapshot | undefined>;
  load(dir: string): Promise<TimelineEvent[]>;
  select(
    events: TimelineEvent[],
    query: TimelineQuery,
    topicHits?: { source: string; start: number; end: number; score: number }[],
  ): TimelineEvent[];
}

/**
 * Embeds many texts at index time (in batches, or in worker threads), reporting how many are done. Unit vectors,
 * row-major: a Float32Array keeps 4 bytes a dimension (arrays of numbers, from in-process batches or fakes, are packed).
 */
export type EmbedRunner = (texts: string[], onBatch: (done: number) => void) => Promise<Float32Array | number[][]>;

export interface CoreDeps {
  config: Config;
  embeddings: LocalEmbeddings;
  timeline: TimelineModule;
  /** The fitted answer models for the encoder in use (see `npm run calibrate`). */
  calibration: LoadedCalibration;
  llm?: BaseChatModel;
  /** Runs index-time embedding (e.g. in a worker thread); defaults to in-process batches. Closed with the facade. */
  embed?: EmbedRunner & { close?(): Promise<void> };
  /** HNSW build parameters; DEFAULT_HNSW unless a benchmark or test sets others. */
  hnsw?: { efConstruction: number; m: number };
  /**
   * Full builds run in a worker thread (reading and chunking the corpus, the timeline, HNSW insertion, postings,
   * writes), so that a large build never stalls the main thread; the bot sets it. The thread imports its timeline
   * stage from `timelineStage`, the URL of a module exporting `timelineBuildStage` (functions cannot be posted to
   * a thread); `timeline.extract`/`save` are then not used for full builds. Otherwise in-process, yielding every 20 ms.
   */
  buildThread?: { timelineStage: string };
  /** Told about anything the operator should know (corpus files skipped, an index that failed to load). */
  warn(message: string): void;
  /**
   * Called at named moments of a build ('locked', 'written:<file>', 'built', 'renamed', 'swapped') and awaited;
   * only the crash-safety and lock tests pass one, to pause or kill a build at an exact point.
   */
  checkpoint?: (point: string) => unknown;
}

/** What a build or a corpus change reads of the dependencies (no answering, no LLM). */
export type BuildDeps = Pick<CoreDeps, 'embeddings' | 'embed' | 'hnsw' | 'buildThread' | 'checkpoint'> & {
  config: Pick<Config, 'corpusDir' | 'dataDir' | 'maxFileBytes' | 'chunking'>;
  timeline: Pick<TimelineModule, 'extract' | 'save' | 'prepare'>;
  warn?: CoreDeps['warn'];
};

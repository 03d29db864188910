// The Dossier facade over an on-disk index: one snapshot per question, reindex swapping in a new one.
import { answerQuestion } from '../answer/answer.ts';
import { answerCorpusOf } from './answer-corpus.ts';
import type { Answer } from '../answer/types.ts';
import { validateQuestion } from '../answer/validate.ts';
import type { CorpusChange } from './corpus-change.ts';
import { basename } from 'node:path';
import type { Actor } from '../ingest/audit.ts';
import type { ArticleInput, PreparedArticle } from '../ingest/prepare.ts';
import type {
  ArticleSummary,
  AskOptions,
  CorpusChangeSummary,
  Dossier,
  IndexInfo,
  ReindexHolder,
  ReindexOptions,
  ReindexProgress,
  ReindexSummary,
  SearchHit,
} from './dossier.ts';
import { describeError, IndexError } from '../errors.ts';
import { currentIndexDir } from '../index/location.ts';
import { reindexLockHolder } from '../index/reindex-lock.ts';
import { openIndexDir, openOrBuildIndex, type OpenIndex, type OpenReport } from './open-index.ts';
import type { CoreDeps } from './deps.ts';
import { checkStaleness } from './staleness.ts';
import { retrieve } from '../retrieve/hybrid.ts';
import { passageDates } from '../timeline/date-lookup.ts';
import type { TimelineEvent, TimelineQuery } from '../timeline/types.ts';

/** Opens (building when missing or stale) the index and returns the facade over it. */
export async function createDossier(
  deps: CoreDeps,
  onBuildProgress?: (progress: ReindexProgress) => void,
): Promise<Dossier & { opened: OpenReport }> {
  const { artifact, events, built, reason, removedLeftovers } = await openOrBuildIndex(deps, onBuildProgress);
  // The report only: keeping the opened index here would hold it in memory after every later swap.
  return new IndexedDossier(deps, { artifact, events }, { built, reason, removedLeftovers });
}

const TOPIC_PASSAGES = 3;
/** A replaced index stays open this long: far longer than a question takes (its reads are synchronous, or an LLM call's timeout). */
const RETIRE_AFTER_MS = 10 * 60_000;

function catchUpOrStale(artifact: OpenIndex['artifact']): 'changed' | 'unchanged' | 'stale' {
  try {
    return artifact.catchUp() ? 'changed' : 'unchanged';
  } catch (error) {
    if (error instanceof IndexError && error.reason === 'stale') return 'stale';
    throw error;
  }
}

interface RunningReindex {
  progress: ReindexProgress;
  done: Promise<void>;
}

class IndexedDossier implements Dossier {
  private running: RunningReindex | undefined;
  /** The refresh in progress: refreshes and a rebuild's adoption never load indexes at the same time. */
  private refreshing: Promise<boolean> = Promise.resolve(false);
  /** Whether the process asked for each index's next corpus change to be readied ahead (`prepareChanges`). */
  private readyingChanges = false;
  /** The readying in progress (or the last, settled): a change waits for it rather than read the same again. */
  private readying: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: CoreDeps,
    private current: OpenIndex,
    readonly opened: OpenReport,
  ) {}

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const valid = validateQuestion(question, this.deps.config.maxQuestionChars);
    const context = options.context ? validateQuestion(options.context, this.deps.config.maxQuestionChars) : undefined;
    // One snapshot per question: a reindex swapping `current` meanwhile cannot mix two indexes.
    const { artifact, events } = this.current;
    const llm = this.deps.llm ? { model: this.deps.llm, timeoutMs: this.deps.config.llm.timeoutMs } : undefined;
    return answerQuestion(
      answerCorpusOf(artifact),
      valid,
      {
        embeddings: this.deps.embeddings,
        lookupDate: passageDates(events),
        calibration: this.deps.calibration.calibration,
        llm,
        retrievalMode: options.retrieval,
      },
      context,
    );
  }

  async search(query: string, k = 8): Promise<SearchHit[]> {
    const text = validateQuestion(query, this.deps.config.maxQuestionChars);
    const { artifact } = this.current;
    const hits = await retrieve(artifact, { text, vector: await this.deps.embeddings.embedQuery(text) }, { k });
    return hits.map(({ chunk, score }) => ({
      source: chunk.source,
      title: artifact.articles.get(chunk.source)?.meta.title,
      text: chunk.text,
      score,
      start: chunk.start,
      end: chunk.end,
    }));
  }

  async timeline(query: TimelineQuery = {}): Promise<TimelineEvent[]> {
    const { events } = this.current;
    const topic = query.topic?.trim();
    // Only the best few passages: deeper hits drift off-topic and would match nearly every event.
    const topicHits = topic ? await this.search(topic, TOPIC_PASSAGES) : undefined;
    return this.deps.timeline.select(events, { ...query, topic }, topicHits);
  }

  sources(): ArticleSummary[] {
    return this.current.artifact.articles.summaries().map(({ source, meta, chunks }) => ({ source, ...meta, chunks }));
  }

  async reindex(options: ReindexOptions = {}): Promise<ReindexSummary> {
    if (this.running) throw new IndexError('A reindex is already running; its progress is shown below.', 'busy');
    const startedAt = Date.now();
    const running: RunningReindex = {
      progress: { phase: 'scanning', filesTotal: 0, chunksTotal: 0, chunksEmbedded: 0, startedAt },
      done: Promise.resolve(),
    };
    return this.runExclusive(running, this.rebuild(running, options, startedAt));
  }

  /** Marks `work` as the one running build until it settles, so close() can wait for it and others are refused. */
  private async runExclusive<T>(running: RunningReindex, work: Promise<T>): Promise<T> {
    running.done = work.then(
      () => undefined,
      () => undefined,
    );
    this.running = running;
    try {
      return await work;
    } finally {
      this.running = undefined;
    }
  }

  private async rebuild(running: RunningReindex, options: ReindexOptions, startedAt: number): Promise<ReindexSummary> {
    await this.refreshing;
    // Another process sharing DATA_DIR may have promoted a newer index: use it rather than build the same again.
    const adopted = await this.adoptCurrentIndex();
    const previous = this.current.artifact.manifest;
    const { scan, diff, reason } = await checkStaleness(this.deps, previous);
    if (!options.force && !reason) {
      return {
        rebuilt: false,
        ...diff,
        skipped: scan.skipped,
        chunks: previous.counts.chunks,
        events: previous.counts.events,
        ms: Date.now() - startedAt,
        ...(adopted && { adopted }),
      };
    }
    // The build, the corpus changes and article preparation are imported when first used: a process answering
    // from a current index never loads the text splitter, the HTML and PDF readers (seconds of a cold start).
    const { reindex } = await import('./build.ts');
    const { dir, summary } = await reindex(
      this.deps,
      previous,
      (progress) => {
        running.progress = progress;
        options.onProgress?.(progress);
      },
      options.requestedBy,
    );
    this.replaceCurrent(await openIndexDir(this.deps, dir));
    return { ...summary, ...(adopted && { adopted }) };
  }

  async followCurrentIndex(): Promise<IndexInfo | undefined> {
    // While this process reindexes, the pointer changing is its own build being promoted, not another process's.
    return this.running ? undefined : this.adoptCurrentIndex();
  }

  private async adoptCurrentIndex(): Promise<IndexInfo | undefined> {
    const dir = await currentIndexDir(this.deps.config.dataDir).catch(() => undefined);
    if (!dir) return undefined;
    try {
      if (dir === this.current.artifact.dir) {
        // Another process changed this index in place (an article added or removed): replay its change, or load
        // it again when that process compacted the log this index would replay.
        const caughtUp = catchUpOrStale(this.current.artifact);
        if (caughtUp === 'unchanged') return undefined;
        if (caughtUp === 'stale') this.replaceCurrent(await openIndexDir(this.deps, dir));
        else this.current = { artifact: this.current.artifact, events: await this.deps.timeline.load(dir) };
        void this.readyNextChange();
        return this.info();
      }
      this.replaceCurrent(await openIndexDir(this.deps, dir));
      return this.info();
    } catch (error) {
      this.deps.warn(`Could not load the index another process built (${describeError(error)}); still answering from the previous one.`);
      return undefined;
    }
  }

  refresh(): Promise<boolean> {
    const next = this.refreshing.then(async () => {
      const before = this.current.artifact.dir;
      // This process's own reindex swaps in what it builds: wait for it rather than load the same index twice.
      if (this.running) {
        await this.running.done;
        return false;
      }
      const seq = this.current.artifact.seq;
      return (await this.adoptCurrentIndex()) !== undefined && (this.current.artifact.dir !== before || this.current.artifact.seq !== seq);
    });
    this.refreshing = next.catch(() => false);
    return next;
  }

  async reindexHolder(): Promise<ReindexHolder | undefined> {
    return reindexLockHolder(this.deps.config.dataDir);
  }

  async prepareArticle(input: ArticleInput): Promise<PreparedArticle> {
    const { config } = this.deps;
    const [{ prepareArticle }, { refuseDuplicate }] = await Promise.all([import('../ingest/prepare.ts'), import('./corpus-change.ts')]);
    const prepared = await prepareArticle(input, { maxFileBytes: config.maxFileBytes, urlFetch: config.urlFetch });
    refuseDuplicate(prepared, this.current.artifact);
    return prepared;
  }

  addArticle(prepared: PreparedArticle, actor: Actor): Promise<CorpusChangeSummary> {
    return this.change({ kind: 'add', prepared }, actor);
  }

  removeArticle(source: string, actor: Actor): Promise<CorpusChangeSummary> {
    return this.change({ kind: 'remove', source }, actor);
  }

  /** A corpus change runs like a reindex (one at a time, the current index answering until the swap). */
  private async change(change: CorpusChange, actor: Actor): Promise<CorpusChangeSummary> {
    if (this.running) throw new IndexError('A reindex or another corpus change is running; try again when it has finished.', 'busy');
    const startedAt = Date.now();
    const running: RunningReindex = {
      progress: { phase: 'embedding', filesTotal: 1, chunksTotal: 0, chunksEmbedded: 0, startedAt },
      done: Promise.resolve(),
    };
    const work = (async () => {
      await this.readying;
      await this.adoptCurrentIndex();
      const { changeCorpus } = await import('./corpus-change.ts');
      const next = await changeCorpus(this.deps, this.current, change, actor);
      this.current = { artifact: next.artifact, events: next.events, ...(next.extractions ? { extractions: next.extractions } : {}) };
      return next.summary;
    })();
    return this.runExclusive(running, work);
  }

  prepareChanges(): Promise<void> {
    this.readyingChanges = true;
    return this.readyNextChange();
  }

  /**
   * Readies the current index's next corpus change in the background, once the process asked for it and unless
   * a change already left what the next one needs. Only for the index it started on: a change or another index
   * swapped in meanwhile brings its own.
   */
  private readyNextChange(): Promise<void> {
    const current = this.current;
    if (!this.readyingChanges || current.extractions) return this.readying;
    this.readying = this.readying
      .then(async () => {
        if (this.current !== current || this.running) return;
        const { prepareCorpusChange } = await import('./corpus-change.ts');
        const extractions = await prepareCorpusChange(this.deps, current);
        if (extractions && this.current === current) this.current = { ...current, extractions };
      })
      .catch((error: unknown) =>
        this.deps.warn(
          `Could not ready the next corpus change (${describeError(error)}); the change will read the stored timeline itself.`,
        ),
      );
    return this.readying;
  }

  /** Switches to another index; the one replaced is closed once questions already using it are done. */
  private replaceCurrent(next: OpenIndex): void {
    const previous = this.current.artifact;
    this.current = next;
    if (previous !== next.artifact) setTimeout(() => previous.close(), RETIRE_AFTER_MS).unref();
    void this.readyNextChange();
  }

  reindexProgress(): ReindexProgress | undefined {
    return this.running ? { ...this.running.progress } : undefined;
  }

  info(): IndexInfo {
    const { manifest } = this.current.artifact;
    return {
      version: basename(this.current.artifact.dir),
      model: manifest.model.id,
      dimensions: manifest.model.dimensions,
      articles: manifest.counts.articles,
      chunks: manifest.counts.chunks,
      events: this.current.events.length,
      builtAt: manifest.builtAt,
      calibration: { encoder: this.deps.calibration.calibration.encoder, fallback: this.deps.calibration.fallback },
    };
  }

  /** Waits for a running reindex to finish, so a shutdown never leaves a half-written build behind. */
  async close(): Promise<void> {
    await this.running?.done;
    await this.readying;
    await this.deps.embed?.close?.();
  }
}

import {
  loadArticleTimelines,
  saveArticleTimelines,
  type ArticleStoreSnapshot,
  type Pause,
  type SavedArticleTimelines,
} from './article-store-db.ts';
import type { ArticleTimelineStore } from './article-store.ts';
import type { ArticleTimeline } from './article-timeline.ts';
import { AssemblyMemo } from './assembly-memo.ts';
import { bindEventRows } from './event-rows.ts';
import { assemblySteps, type AssemblyState } from './assembly-state.ts';
import { extractArticles } from './extract.ts';
import type { HeldAssembly } from './held-assembly.ts';
import { runSteps, runStepsPaced } from './steps.ts';
import type { TimelineArticle } from './sentence-event.ts';
import type { TimelineArticleRef, TimelineEvent } from './types.ts';

/** A built timeline: the merged events, each article's extraction, and which articles had to be read. */
export interface TimelineBuild {
  events: TimelineEvent[];
  records: ArticleTimeline[];
  extracted: string[];
  /** Milliseconds spent extracting articles, and assembling and merging across them. */
  ms: { extract: number; assemble: number };
  /** Date readings assembly had to compute rather than recall from the stored extractions (`assembly-memo.ts`). */
  computed: number;
  /** What the assembly keeps for the next, and whether it fitted the word weights anew (`assembly-state.ts`). */
  assembly?: AssemblyState;
  refitted?: boolean;
  /** The snapshot of the index's stored extractions the build read, if it read them from an index directory. */
  base?: ArticleStoreSnapshot;
  /** What the assembly kept in memory for the next build (`held-assembly.ts`): the next snapshot carries it. */
  held?: HeldAssembly;
}

export type { ArticleStoreSnapshot, SavedArticleTimelines };

/**
 * `incremental`: a corpus change, which keeps the word weights of the last assembly within their drift. `held`: the
 * snapshot the last save into the `reuse` directory gave, used instead of reading the database while it is current.
 */
export interface TimelineBuildOptions {
  incremental?: boolean;
  held?: ArticleStoreSnapshot;
  /** Given, the assembly runs in slices of a few milliseconds with a turn of the event loop between (`steps.ts`). */
  pause?: Pause;
}

/**
 * The timeline of `articles`, the build stage of an index: articles whose extraction is saved in the index
 * directory `reuse` (the current one), or held by a store, are not read again, so a corpus change reads only
 * the article it adds; an `incremental` one also re-merges only the years it changes (`assembleIncrementally`).
 * A full build fits the word weights on the corpus. With a `pause`, the same assembly runs in slices.
 */
export async function buildTimeline(
  articles: (TimelineArticle | TimelineArticleRef)[],
  reuse?: string | ArticleTimelineStore,
  options: TimelineBuildOptions = {},
): Promise<TimelineBuild> {
  const loaded = typeof reuse === 'string' ? await loadArticleTimelines(reuse, options.held) : undefined;
  const store = loaded?.store ?? (typeof reuse === 'string' ? undefined : reuse);
  const started = performance.now();
  const { records, extracted } = extractArticles(articles, store);
  const assembling = performance.now();
  const memo = new AssemblyMemo(records);
  // The extractions of the articles the change removes are still in the store: their events were evidence. A
  // store that lacks one cannot say what its removal changes: the assembly is then a full one.
  const kept = new Set(records.map((record) => record.checksum));
  const gone = Object.keys(store?.assembly?.sizes ?? {}).filter((checksum) => !kept.has(checksum));
  const removed = gone.flatMap((checksum) => store?.get(checksum) ?? []);
  const previous = options.incremental && removed.length === gone.length ? store?.assembly : undefined;
  const steps = assemblySteps(records, memo, previous, { removed, ...(store?.held ? { held: store.held } : {}) });
  const { events, state, refitted } = options.pause ? await runStepsPaced(steps, options.pause) : runSteps(steps);
  const assembled = memo.records();
  // A store the caller keeps gets the records with their date readings, for the next build to recall.
  if (store) {
    for (const record of assembled) store.put(record);
    store.assembly = state;
  }
  return {
    events,
    records: assembled,
    extracted,
    computed: memo.misses,
    assembly: state,
    refitted,
    ...(loaded?.snapshot ? { base: loaded.snapshot } : {}),
    ...(store?.held ? { held: store.held } : {}),
    ms: { extract: Math.round(assembling - started), assemble: Math.round(performance.now() - assembling) },
  };
}

/**
 * Readies the next corpus change of index `dir`, whose articles are `articles`, ahead of it (a long-running process
 * does it after opening an index, so that the moderator does not wait for it): reads the stored extractions, and
 * assembles the corpus as it stands, which gives the stored timeline and leaves the assembly's in-memory state
 * (`HeldAssembly`) made for the change to update. Gives the snapshot the change takes as `held`: the stored one
 * only, not assembled, when an article has no stored extraction or no assembly state was kept (assembling would
 * then extract or assemble in full, which the change has to do anyway). `pause` gives the event loop turns while
 * the rows are read and while the corpus is assembled, in slices of a few milliseconds (`steps.ts`).
 */
export async function prepareTimelineChange(
  dir: string,
  articles: TimelineArticleRef[],
  pause: Pause,
): Promise<ArticleStoreSnapshot | undefined> {
  const { snapshot } = await loadArticleTimelines(dir, undefined, pause);
  if (!snapshot?.assembly || articles.some((article) => snapshot.records.get(article.hash)?.source !== article.source)) return snapshot;
  await pause();
  const build = await buildTimeline(articles, dir, { incremental: true, held: snapshot, pause });
  await pause();
  // Another process's save since the first read: the build read the database again, and prepared that.
  const base = build.base ?? snapshot;
  return { ...base, events: bindEventRows(base.events, build.events), ...(build.held ? { heldAssembly: build.held } : {}) };
}

/**
 * Writes a build into an index directory: its events and per-article extractions (only the rows that changed since
 * the snapshot the build read, when `dir` is where it read them). Gives the snapshot for the next build.
 */
export async function saveTimelineBuild(
  dir: string,
  build: Pick<TimelineBuild, 'events' | 'records' | 'assembly' | 'base' | 'held'>,
): Promise<SavedArticleTimelines> {
  const saved = await saveArticleTimelines(dir, build, build.base);
  // The in-memory state goes with the snapshot it matches, for the next change of this index in this process.
  return build.held ? { ...saved, snapshot: { ...saved.snapshot, heldAssembly: build.held } } : saved;
}

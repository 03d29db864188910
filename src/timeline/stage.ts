import { loadArticleTimelines, saveArticleTimelines } from './article-store-file.ts';
import type { ArticleTimelineStore } from './article-store.ts';
import type { ArticleTimeline } from './article-timeline.ts';
import { assembleTimeline } from './assemble.ts';
import { AssemblyMemo } from './assembly-memo.ts';
import { extractArticles } from './extract.ts';
import type { TimelineArticle } from './sentence-event.ts';
import { saveTimeline } from './store.ts';
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
}

/**
 * The timeline of `articles`, the build stage of an index: articles whose extraction is saved in the index
 * directory `reuse` (the current one), or held by a store, are not read again, so a corpus change reads only
 * the article it adds.
 */
export async function buildTimeline(
  articles: (TimelineArticle | TimelineArticleRef)[],
  reuse?: string | ArticleTimelineStore,
): Promise<TimelineBuild> {
  const store = typeof reuse === 'string' ? await loadArticleTimelines(reuse) : reuse;
  const started = performance.now();
  const { records, extracted } = extractArticles(articles, store);
  const assembling = performance.now();
  const memo = new AssemblyMemo(records);
  const events = assembleTimeline(records, memo);
  const assembled = memo.records();
  // A store the caller keeps gets the records with their date readings, for the next build to recall.
  if (store) for (const record of assembled) store.put(record);
  return {
    events,
    records: assembled,
    extracted,
    computed: memo.misses,
    ms: { extract: Math.round(assembling - started), assemble: Math.round(performance.now() - assembling) },
  };
}

/** Writes a build into an index directory: `timeline.json` and the per-article extractions. */
export async function saveTimelineBuild(dir: string, build: Pick<TimelineBuild, 'events' | 'records'>): Promise<void> {
  await saveTimeline(dir, build.events);
  await saveArticleTimelines(dir, build.records);
}

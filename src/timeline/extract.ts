import { MemoryArticleTimelines, type ArticleTimelineStore } from './article-store.ts';
import type { ArticleTimeline } from './article-timeline.ts';
import { assembleSentenceEvents, assembleTimeline } from './assemble.ts';
import { extractArticle } from './read-article.ts';
import type { SentenceEvent, TimelineArticle } from './sentence-event.ts';
import type { TimelineArticleRef, TimelineEvent } from './types.ts';

/** The case's timeline: every dated event of the articles, with reports of one happening merged. `store` keeps per-article extractions. */
export function extractEvents(articles: TimelineArticle[], store?: ArticleTimelineStore): TimelineEvent[] {
  return assembleTimeline(extractArticles(articles, store).records);
}

/** Every event each sentence states, dated across articles, before reports of one happening are merged. */
export function extractSentenceEvents(articles: TimelineArticle[]): SentenceEvent[] {
  return assembleSentenceEvents(articles.map(extractArticle));
}

/**
 * Each article's extraction: taken from `store` when it holds the article (same checksum and file name),
 * else extracted now and put there. `extracted` names the articles that were read.
 */
export function extractArticles(
  articles: (TimelineArticle | TimelineArticleRef)[],
  store: ArticleTimelineStore = new MemoryArticleTimelines(),
): { records: ArticleTimeline[]; extracted: string[] } {
  const extracted: string[] = [];
  const records = articles.map((article) => {
    const kept = store.get(article.hash);
    // The file name is part of every quote's citation: a renamed copy of a file is read again.
    if (kept && kept.source === article.source) return kept;
    const record = extractArticle('read' in article ? article.read() : article);
    store.put(record);
    extracted.push(article.source);
    return record;
  });
  return { records, extracted };
}

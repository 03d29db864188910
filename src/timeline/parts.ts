import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, Sentence } from '../corpus/types.ts';
import { readArticle, sentenceEventsOf } from './extract.ts';
import { mergeEvents } from './merge.ts';
import type { DateMention } from './resolve-date.ts';
import type { SentenceEvent } from './sentence-event.ts';
import type { EventText } from './summarize.ts';
import type { TimelineEvent } from './types.ts';

/** What event extraction reads of an article: an index's stored articles have exactly this. */
export type EventArticle = Pick<Article, 'source' | 'text' | 'meta' | 'sentences'>;

/**
 * One article's share of the timeline, as JSON: its dated sentence events and the relative dates it could not
 * resolve alone. Adding or removing an article recomputes only its part; the parts are then pinned and merged.
 */
export interface ArticleEvents {
  source: string;
  events: SentenceEvent[];
  pending: { sentence: Sentence; mention: DateMention; text: EventText }[];
}

/** The index file holding every article's part. */
export const PARTS_FILE = 'timeline-parts.json';

/** Reads one article's events on their own (the costly, per-article half of extraction). */
export function readArticleEvents(article: EventArticle): ArticleEvents {
  // Extraction only reads source, text, meta and sentences; the cleaned copy and its offsets are not needed.
  const read = readArticle(article as Article);
  return { source: article.source, events: read.events, pending: read.pending.map(({ sentence, mention, text }) => ({ sentence, mention, text })) };
}

/** The timeline of a corpus from its articles' parts: the same events `extractEvents` gives for those articles. */
export function combineArticleEvents(parts: ArticleEvents[], articles: ReadonlyMap<string, EventArticle>): TimelineEvent[] {
  const read = parts.map((part) => {
    const article = articles.get(part.source) as Article | undefined;
    if (!article) throw new Error(`timeline part for ${part.source} has no article`);
    return { events: part.events, pending: part.pending.map((item) => ({ ...item, article })) };
  });
  return mergeEvents(sentenceEventsOf(read));
}

/** Writes the parts beside the timeline. */
export async function saveArticleEvents(dir: string, parts: ArticleEvents[]): Promise<void> {
  await writeFile(join(dir, PARTS_FILE), JSON.stringify(parts));
}

/** The parts saved in an index directory, or undefined for an index built before they were saved. */
export async function loadArticleEvents(dir: string): Promise<ArticleEvents[] | undefined> {
  const text = await readFile(join(dir, PARTS_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as ArticleEvents[]);
}

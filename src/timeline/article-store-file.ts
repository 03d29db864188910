import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryArticleTimelines } from './article-store.ts';
import type { ArticleTimeline } from './article-timeline.ts';
import { EXTRACTOR_VERSION } from './extractor-version.ts';
import { recordWellFormed, stateWellFormed } from './stored-shape.ts';

/**
 * The per-article extractions' file of indexes written before the database (`article-store-db.ts`): one JSON
 * document, rewritten whole on every change. It is read once, when an index has no database yet, and removed once
 * the database holds what it held.
 */
export const ARTICLE_TIMELINES_FILE = 'article-timelines.json';

/**
 * The extractions of an old-format file in index `dir`, as a store. They are a cache: a missing, damaged or older
 * file gives an empty store (every article is extracted again), never an error.
 */
export async function loadLegacyArticleTimelines(dir: string): Promise<MemoryArticleTimelines> {
  try {
    const data = JSON.parse(await readFile(join(dir, ARTICLE_TIMELINES_FILE), 'utf8')) as {
      version?: unknown;
      articles?: unknown;
      assembly?: unknown;
    };
    if (data?.version !== EXTRACTOR_VERSION || !Array.isArray(data.articles)) return new MemoryArticleTimelines();
    const assembly = stateWellFormed(data.assembly) ? data.assembly : undefined;
    return new MemoryArticleTimelines((data.articles as ArticleTimeline[]).filter(recordWellFormed), assembly);
  } catch {
    return new MemoryArticleTimelines();
  }
}

/** Removes an old-format file from index `dir`, if it has one. */
export async function removeLegacyArticleTimelines(dir: string): Promise<void> {
  await rm(join(dir, ARTICLE_TIMELINES_FILE), { force: true });
}

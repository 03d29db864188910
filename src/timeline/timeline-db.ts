// Kept apart from the database's reader and writer (`article-store-db.ts`, which imports the assembly and, through
// it, the parsers), so that loading the timeline at start-up (`store.ts`) loads none of them.

/** The timeline's database in an index directory: the merged events, and the per-article extractions. */
export const ARTICLE_STORE_FILE = 'article-timelines.sqlite';

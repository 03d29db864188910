import type { PreparedItem } from './prepare.ts';

/** Folds that hold out a whole question set at a time. */
export const bySet = (item: PreparedItem) => item.set;

/**
 * Folds that hold out a whole article at a time: a question belongs to the article its evidence comes from;
 * an unanswerable one to the article of its near miss, or else is spread over the folds by its id.
 */
export function byArticle(item: PreparedItem): string {
  const q = item.question as PreparedItem['question'] & { near_miss?: { source?: string } };
  const source = q.evidence_source || q.gold_sources[0] || q.near_miss?.source;
  if (source) return `${item.corpusName}:${source}`;
  const articles = [...item.corpus.store.articles()].map((article) => article.source);
  const hash = [...q.id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
  return `${item.corpusName}:${articles[hash % articles.length]}`;
}

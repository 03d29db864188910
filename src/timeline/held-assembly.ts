import { SurnameTally } from './surnames.ts';

/**
 * What one index's assembly keeps in memory from one corpus change to the next, beside the snapshot of its stored
 * extractions (`ArticleStoreSnapshot.held`), never stored: counts a change updates by the articles it adds and
 * removes instead of counting the corpus again. Each piece gives what counting from nothing gives for whatever
 * corpus it is handed (it compares articles by object), so a held state that is behind costs time, never a
 * wrong result; one per index, so that two indexes open in one process never share one.
 */
export class HeldAssembly {
  readonly surnames = new SurnameTally();
}

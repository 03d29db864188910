import { tokenize as wordsOf } from '../text/terms.ts';
import type { ArticleRecords } from './record-store.ts';
import type { LoadedIndex } from './loaded-index.ts';
import type { Manifest } from './manifest.ts';

/** One article's rows and sentence vectors (row-major, in sentence order), as adding it inserts them. */
export interface ArticleRows {
  records: ArticleRecords;
  sentenceVectors: Float32Array;
}

/** One article added or removed (by source), with the timeline's new event count for the manifest. */
export interface IndexChange {
  add?: ArticleRows;
  remove?: string;
  events: number;
}

/**
 * Applies one article's change to an open index in place, touching only that article: its sentence vectors are
 * appended to the vector file and flushed, then its rows, the change log entry and the new manifest are
 * committed in one SQLite transaction, then the open index catches up (HNSW insert or mark-deleted, BM25
 * postings). A crash before the commit leaves the index as it was (appended bytes past the committed rows are
 * never read); after it, the next load replays the log. The caller holds the reindex lock.
 */
export function applyChange(index: LoadedIndex, change: IndexChange, startedAt: number): Manifest {
  const { store } = index;
  index.catchUp();
  const dims = index.manifest.model.dimensions;
  const next = store.nextIds();
  if (change.add) {
    if (change.add.sentenceVectors.length !== change.add.records.article.sentences.length * dims)
      throw new RangeError('one vector per sentence is needed');
    index.vectors.append(next.sentence, change.add.sentenceVectors);
  }
  const manifest = store.transaction(() => {
    const files = { ...index.manifest.files };
    // A file changed here was written just now: it has no stamp until a full build reads it (its hash is checked).
    const stamps = { ...index.manifest.stamps };
    if (change.remove) {
      const removed = store.article(change.remove);
      const { id } = store.removeArticle(change.remove, removed ? [...new Set(wordsOf(removed.text))] : []);
      store.logChange('remove', id);
      delete files[change.remove];
      delete stamps[change.remove];
    }
    if (change.add) {
      const { id } = store.insertArticle(change.add.records);
      store.logChange('add', id);
      files[change.add.records.article.source] = change.add.records.article.hash;
      delete stamps[change.add.records.article.source];
    }
    const counts = store.counts();
    const updated: Manifest = {
      ...index.manifest,
      files,
      stamps,
      counts: { articles: counts.articles, chunks: counts.chunks ?? 0, sentences: counts.sentences ?? 0, events: change.events },
      builtAt: new Date().toISOString(),
      buildMs: Date.now() - startedAt,
    };
    delete updated.deletedVectors;
    store.setMeta('manifest', JSON.stringify(updated));
    return updated;
  });
  index.catchUp();
  return manifest;
}

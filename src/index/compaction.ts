import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { baseFiles, sha256File } from './artifact.ts';
import type { LoadedIndex } from './loaded-index.ts';

/**
 * Changes replayed at every load before the graph and postings are written again. A replayed addition costs an
 * HNSW insertion per chunk (about 1.4 ms at 100,000 chunks, some 14 ms an article): 50 of them keep a load's
 * replay under a second, while a compaction (writing the whole graph and postings, about a second at that size)
 * comes once every 50 changes.
 */
export const COMPACT_AFTER_CHANGES = 50;

/**
 * Writes the open index's HNSW graph and BM25 postings as new base files once enough changes were logged since
 * the last ones, then switches the records to them and clears the log in one transaction; the old files are
 * removed after. A crash before the commit leaves the old base and log in use (the new files are ignored).
 * Another process that had read the old base sees `baseSeq` move and reloads the index. The caller holds the
 * reindex lock. Returns whether it compacted.
 */
export async function compactIfDue(index: LoadedIndex, threshold = COMPACT_AFTER_CHANGES): Promise<boolean> {
  const { store } = index;
  const baseSeq = Number(store.meta('baseSeq') ?? 0);
  const seq = store.lastSeq();
  if (seq - baseSeq < threshold || index.seq !== seq) return false;
  const old = baseFiles(store);
  const files = { dense: `hnswlib-${seq}.index`, lexical: `lexical-${seq}.bin` };
  await index.dense.write(join(index.dir, files.dense));
  const handle = await open(join(index.dir, files.lexical), 'w');
  try {
    await handle.writeFile(index.lexical.serialize());
    await handle.sync();
  } finally {
    await handle.close();
  }
  const dense = await open(join(index.dir, files.dense), 'r');
  await dense.sync().finally(() => dense.close());
  const checksums = {
    [files.dense]: await sha256File(join(index.dir, files.dense)),
    [files.lexical]: await sha256File(join(index.dir, files.lexical)),
  };
  store.transaction(() => {
    store.setMeta('baseFiles', JSON.stringify(files));
    store.setMeta('checksums', JSON.stringify(checksums));
    store.setMeta('baseSeq', String(seq));
    store.clearChangesThrough(seq);
  });
  index.rebased(seq);
  await Promise.all([old.dense, old.lexical].map((name) => rm(join(index.dir, name), { force: true })));
  return true;
}

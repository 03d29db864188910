import { join } from 'node:path';
import type { Config } from '../config.ts';
import { scanCorpus } from '../corpus/load.ts';
import { manifestOf } from './artifact.ts';
import { currentIndexDir } from './location.ts';
import { diffCorpus } from './manifest.ts';
import { RECORDS_FILE, RecordStore } from './record-store.ts';

/** An article as listed by `/sources`. */
export interface ArticleSummary {
  source: string;
  title?: string;
  outlet?: string;
  author?: string;
  date?: string;
  url?: string;
  chunks: number;
}

/**
 * The articles of the current index, read from its record store without the model or the vectors, when the index
 * is complete and up to date with the corpus and the chunking settings; otherwise undefined, and the caller opens
 * the index the usual way (which rebuilds it). Lets `dossier sources` answer without the seconds a model load takes.
 */
export async function upToDateSources(config: Config): Promise<ArticleSummary[] | undefined> {
  try {
    const dir = await currentIndexDir(config.dataDir);
    if (!dir) return undefined;
    const store = RecordStore.open(join(dir, RECORDS_FILE), { readonly: true });
    try {
      const manifest = manifestOf(store, dir);
      if (manifest.chunking.size !== config.chunking.size || manifest.chunking.overlap !== config.chunking.overlap) return undefined;
      const { files } = await scanCorpus(config.corpusDir, {
        maxFileBytes: config.maxFileBytes,
        indexed: manifest.files,
        stamps: manifest.stamps,
      });
      const diff = diffCorpus(manifest.files, files);
      if (diff.added.length + diff.changed.length + diff.removed.length > 0) return undefined;
      const articles = store.summaries();
      if (articles.length !== manifest.counts.articles) return undefined;
      return articles.map(({ source, meta, chunks }) => ({ source, ...meta, chunks }));
    } finally {
      store.close();
    }
  } catch {
    // Anything unexpected (a damaged file, an unreadable corpus) is for the full open to report and repair.
    return undefined;
  }
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { scanCorpus } from '../corpus/load.ts';
import type { Chunk } from '../corpus/types.ts';
import type { StoredArticle } from './artifact.ts';
import { currentIndexDir } from './location.ts';
import { diffCorpus, parseManifest } from './manifest.ts';

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
 * The articles of the current index, read from its files without the model or the vectors, when the index is
 * complete and up to date with the corpus and the chunking settings; otherwise undefined, and the caller opens the
 * index the usual way (which rebuilds it). Lets `dossier sources` answer without the seconds a model load takes.
 */
export async function upToDateSources(config: Config): Promise<ArticleSummary[] | undefined> {
  try {
    const dir = await currentIndexDir(config.dataDir);
    if (!dir) return undefined;
    const manifest = parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
    if (typeof manifest === 'string') return undefined;
    if (manifest.chunking.size !== config.chunking.size || manifest.chunking.overlap !== config.chunking.overlap) return undefined;
    const { files } = await scanCorpus(config.corpusDir, { maxFileBytes: config.maxFileBytes });
    const diff = diffCorpus(manifest.files, files);
    if (diff.added.length + diff.changed.length + diff.removed.length > 0) return undefined;
    const [articles, chunks] = await Promise.all([readJson<StoredArticle[]>(dir, 'articles.json'), readJson<Pick<Chunk, 'source'>[]>(dir, 'chunks.json')]);
    if (articles.length !== manifest.counts.articles || chunks.length !== manifest.counts.chunks) return undefined;
    const counts = new Map<string, number>();
    for (const chunk of chunks) counts.set(chunk.source, (counts.get(chunk.source) ?? 0) + 1);
    return articles.map(({ source, meta }) => ({ source, ...meta, chunks: counts.get(source) ?? 0 }));
  } catch {
    // Anything unexpected (a damaged file, an unreadable corpus) is for the full open to report and repair.
    return undefined;
  }
}

async function readJson<T>(dir: string, name: string): Promise<T> {
  return JSON.parse(await readFile(join(dir, name), 'utf8')) as T;
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../files/write-atomic.ts';
import { MemoryArticleTimelines } from './article-store.ts';
import type { ArticleTimeline } from './article-timeline.ts';
import type { AssemblyState } from './assembly-state.ts';

/** The per-article extractions' file in an index directory. */
export const ARTICLE_TIMELINES_FILE = 'article-timelines.json';
// The libraries extraction parses with: their upgrades change what is read.
const PARSERS = ['chrono-node', 'compromise', 'wink-porter2-stemmer'];

/**
 * A fingerprint of the extraction code (every file of this folder and of the word lists it reads, `../text`, and
 * the versions of the parsers it runs): records saved by other code are extracted again, so an edit to the
 * extractor, or a parser upgrade, never leaves stale events or date readings behind and needs no version to bump.
 */
export const EXTRACTOR_VERSION = fingerprint(dirname(fileURLToPath(import.meta.url)));

/**
 * The per-article extractions saved in index `dir`, as a store. They are a cache: a missing, damaged or older
 * file gives an empty store (every article is extracted again), never an error.
 */
export async function loadArticleTimelines(dir: string): Promise<MemoryArticleTimelines> {
  try {
    const data = JSON.parse(await readFile(join(dir, ARTICLE_TIMELINES_FILE), 'utf8')) as {
      version?: unknown;
      articles?: unknown;
      assembly?: unknown;
    };
    if (data?.version !== EXTRACTOR_VERSION || !Array.isArray(data.articles)) return new MemoryArticleTimelines();
    const assembly = stateWellFormed(data.assembly) ? data.assembly : undefined;
    return new MemoryArticleTimelines((data.articles as ArticleTimeline[]).filter(wellFormed), assembly);
  } catch {
    return new MemoryArticleTimelines();
  }
}

/** Writes the extractions of the articles of an index to `dir`, atomically, with the state their assembly kept. */
export async function saveArticleTimelines(dir: string, records: ArticleTimeline[], assembly?: AssemblyState): Promise<void> {
  await writeFileAtomic(
    join(dir, ARTICLE_TIMELINES_FILE),
    `${JSON.stringify({ version: EXTRACTOR_VERSION, articles: records, assembly })}\n`,
  );
}

// A state it cannot use is dropped: the next assembly fits the word weights again, as a full build does.
function stateWellFormed(state: unknown): state is AssemblyState {
  const value = state as AssemblyState | undefined;
  const counts = (item: unknown) =>
    typeof (item as { n?: unknown })?.n === 'number' && Array.isArray((item as { counts?: unknown }).counts);
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.fitted === 'number' &&
    typeof value.drift === 'number' &&
    typeof value.sizes === 'object' &&
    value.sizes !== null &&
    counts(value.weights?.merge) &&
    counts(value.weights?.pin) &&
    counts(value.weights?.year) &&
    typeof value.dating === 'object' &&
    value.dating !== null &&
    Array.isArray(value.dating.years) &&
    Array.isArray(value.dating.looked) &&
    typeof value.dating.yearless === 'object' &&
    typeof value.dating.windows === 'object' &&
    typeof value.merge?.years === 'object' &&
    typeof value.merge?.events === 'object'
  );
}

function wellFormed(record: ArticleTimeline): boolean {
  return (
    typeof record?.checksum === 'string' &&
    typeof record.source === 'string' &&
    Array.isArray(record.events) &&
    Array.isArray(record.pending) &&
    typeof record.names === 'object' &&
    record.names !== null &&
    (record.memo === undefined || (typeof record.memo === 'object' && record.memo !== null && !Array.isArray(record.memo)))
  );
}

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const folder of [dir, join(dir, '..', 'text')])
    for (const name of readdirSync(folder)
      .filter((file) => /\.(ts|js)$/.test(file))
      .sort())
      hash.update(name).update(readFileSync(join(folder, name)));
  for (const name of PARSERS) hash.update(`${name}@${packageVersion(name)}`);
  return hash.digest('hex').slice(0, 16);
}

/** An installed package's version, from the package.json above its entry point (its `exports` may hide the file). */
function packageVersion(name: string): string {
  let at: string;
  try {
    at = dirname(createRequire(import.meta.url).resolve(name));
  } catch {
    return 'unknown';
  }
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version ?? 'unknown';
    } catch {
      // No package.json at this level: keep walking up.
    }
    const parent = dirname(at);
    if (parent === at) return 'unknown';
    at = parent;
  }
}

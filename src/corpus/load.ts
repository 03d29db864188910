import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CorpusError } from '../errors.ts';
import { parseArticle, sha256 } from './article.ts';
import type { Article, SkippedFile } from './types.ts';

const ARTICLE_EXTENSIONS = /\.(txt|md|markdown)$/i;

/** What loading a corpus folder found. */
export interface LoadedCorpus {
  articles: Article[];
  skipped: SkippedFile[];
}

/** A corpus file's name and content hash, without parsing it: enough to tell whether an index is stale. */
export interface CorpusFileState {
  source: string;
  hash: string;
}

/**
 * Reads every .txt/.md file under `dir` (recursively), skipping with a reason anything that cannot be an
 * article: hidden files, other types, links leaving the folder, files over `maxFileBytes`, binary or non-UTF-8 files.
 * The corpus is only ever read.
 */
export async function loadCorpus(dir: string, options: { maxFileBytes: number }): Promise<LoadedCorpus> {
  const { files, skipped } = await readCorpusFiles(dir, options);
  const articles = files.map((file) => parseArticle(file.source, file.text, file.hash));
  for (const article of articles) {
    if (article.sentences.length === 0) skipped.push({ source: article.source, reason: 'no article text after removing boilerplate' });
  }
  return { articles: articles.filter((article) => article.sentences.length > 0), skipped };
}

/** Names and hashes of the corpus files `loadCorpus` would index. */
export async function scanCorpus(dir: string, options: { maxFileBytes: number }): Promise<CorpusFileState[]> {
  const { files } = await readCorpusFiles(dir, options);
  return files.map(({ source, hash }) => ({ source, hash }));
}

async function readCorpusFiles(dir: string, options: { maxFileBytes: number }) {
  const root = await realpath(dir).catch((cause: unknown) => {
    throw new CorpusError(`Cannot read the corpus folder ${dir}: it does not exist or is not readable. Set CORPUS_DIR to a folder of .txt/.md articles.`, { cause });
  });
  const files: { source: string; text: string; hash: string }[] = [];
  const skipped: SkippedFile[] = [];
  for (const path of await listFiles(root)) {
    const source = relative(root, path).split(sep).join('/');
    const problem = await checkFile(root, path, source, options.maxFileBytes);
    if (typeof problem === 'string') {
      if (problem) skipped.push({ source, reason: problem });
      continue;
    }
    const decoded = decodeUtf8(problem);
    if (decoded === undefined) {
      skipped.push({ source, reason: isBinary(problem) ? 'binary file' : 'not valid UTF-8 text (save it as UTF-8)' });
      continue;
    }
    files.push({ source, text: decoded, hash: sha256(problem) });
  }
  files.sort((a, b) => a.source.localeCompare(b.source));
  return { files, skipped };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() && !entry.name.startsWith('.') ? listFiles(path) : [path];
    }),
  );
  return nested.flat();
}

/** The file's bytes when it is an article to read; otherwise why it is skipped ('' = silently, not an article type). */
async function checkFile(root: string, path: string, source: string, maxFileBytes: number): Promise<Buffer | string> {
  const name = source.split('/').pop()!;
  if (name.startsWith('.')) return 'hidden file';
  if (!ARTICLE_EXTENSIONS.test(name)) return `not a .txt or .md file`;
  const info = await lstat(path);
  if (info.isSymbolicLink()) {
    const target = await realpath(path).catch(() => undefined);
    if (!target) return 'broken symbolic link';
    if (!target.startsWith(root + sep)) return 'symbolic link pointing outside the corpus folder';
  }
  const size = info.isSymbolicLink() ? (await lstat(await realpath(path))).size : info.size;
  if (size > maxFileBytes) return `file is ${size} bytes, over MAX_FILE_BYTES=${maxFileBytes}`;
  return readFile(path);
}

function decodeUtf8(bytes: Buffer): string | undefined {
  if (isBinary(bytes)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

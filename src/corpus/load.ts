import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
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
  const articles: Article[] = [];
  let lastYield = performance.now();
  for (const file of files) {
    articles.push(parseArticle(file.source, file.text, file.hash));
    // Parsing takes a few ms an article: a 10,000-article corpus would hold the event loop for a minute at once.
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
  for (const article of articles) {
    if (article.sentences.length === 0) skipped.push({ source: article.source, reason: 'no article text after removing boilerplate' });
  }
  return { articles: articles.filter((article) => article.sentences.length > 0), skipped };
}

/**
 * Names and hashes of exactly the files `loadCorpus` would index (an article left empty by cleaning is not
 * one, or the index would look stale forever), and the files it would skip.
 */
export async function scanCorpus(dir: string, options: { maxFileBytes: number; indexed?: Record<string, string> }): Promise<{ files: CorpusFileState[]; skipped: SkippedFile[] }> {
  const { files, skipped } = await readCorpusFiles(dir, options);
  const states: CorpusFileState[] = [];
  let lastYield = performance.now();
  for (const file of files) {
    // A file with the hash an index was built from had article text then (it was indexed): no need to parse it again.
    if (options.indexed?.[file.source] === file.hash || parseArticle(file.source, file.text, file.hash).sentences.length > 0) states.push({ source: file.source, hash: file.hash });
    else skipped.push({ source: file.source, reason: 'no article text after removing boilerplate' });
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
  return { files: states, skipped };
}

/** Long loops give the event loop a turn this often (Discord heartbeats, questions). */
const YIELD_EVERY_MS = 20;

async function readCorpusFiles(dir: string, options: { maxFileBytes: number }) {
  const root = await realpath(dir).catch((cause: unknown) => {
    throw new CorpusError(`Cannot read the corpus folder ${dir}: it does not exist or is not readable. Set CORPUS_DIR to a folder of .txt/.md articles.`, { cause });
  });
  const files: { source: string; text: string; hash: string }[] = [];
  const skipped: SkippedFile[] = [];
  const paths = await listFiles(root, root, skipped).catch((cause: unknown) => {
    throw new CorpusError(`Cannot list the corpus folder ${dir}: it is not a readable folder. Set CORPUS_DIR to a folder of .txt/.md articles.`, { cause });
  });
  for (const path of paths) {
    const source = relative(root, path).split(sep).join('/');
    const problem = await checkFile(root, path, source, options.maxFileBytes);
    if (typeof problem === 'string') {
      if (problem) skipped.push({ source, reason: problem });
      continue;
    }
    const decoded = decodeUtf8(problem);
    if (decoded === undefined) {
      skipped.push({ source, reason: undecodable(problem) });
      continue;
    }
    files.push({ source, text: decoded, hash: sha256(problem) });
  }
  files.sort((a, b) => a.source.localeCompare(b.source));
  return { files, skipped };
}

/** Every file path under `dir`; a subfolder that cannot be read is recorded as skipped (the root throws). */
async function listFiles(root: string, dir: string, skipped: SkippedFile[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (!entry.isDirectory()) return [path];
      const source = relative(root, path).split(sep).join('/');
      if (entry.name.startsWith('.')) {
        skipped.push({ source, reason: 'hidden folder' });
        return [];
      }
      return listFiles(root, path, skipped).catch((error: NodeJS.ErrnoException) => {
        skipped.push({ source, reason: `folder cannot be read (${error.code ?? error.message})` });
        return [];
      });
    }),
  );
  return nested.flat();
}

/** The file's bytes when it is an article to read; otherwise why it is skipped ('' = silently, not an article type). */
async function checkFile(root: string, path: string, source: string, maxFileBytes: number): Promise<Buffer | string> {
  const name = source.split('/').pop()!;
  if (name.startsWith('.')) return 'hidden file';
  if (!ARTICLE_EXTENSIONS.test(name)) return `not a .txt or .md file`;
  try {
    if ((await lstat(path)).isSymbolicLink()) {
      const target = await realpath(path).catch(() => undefined);
      if (!target) return 'broken symbolic link';
      if (!target.startsWith(root + sep)) return 'symbolic link pointing outside the corpus folder';
    }
    const info = await stat(path);
    // A FIFO or device would block or never end; a folder named *.md cannot be read as text.
    if (!info.isFile()) return 'not a regular file';
    if (info.size > maxFileBytes) return `file is ${info.size} bytes, over MAX_FILE_BYTES=${maxFileBytes}`;
    const bytes = await readFile(path);
    return bytes.length > maxFileBytes ? `file is ${bytes.length} bytes, over MAX_FILE_BYTES=${maxFileBytes}` : bytes;
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/** Why bytes that are not UTF-8 text were skipped. */
function undecodable(bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16 text, not UTF-8 (save it as UTF-8)';
  return isBinary(bytes) ? 'binary file' : 'not valid UTF-8 text (save it as UTF-8)';
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

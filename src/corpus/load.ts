import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import pMap from 'p-map';
import { CorpusError } from '../errors.ts';
import { parseArticle, sha256 } from './article.ts';
import type { Article, SkippedFile } from './types.ts';

const ARTICLE_EXTENSIONS = /\.(txt|md|markdown)$/i;

/** What loading a corpus folder found. */
export interface LoadedCorpus {
  articles: Article[];
  skipped: SkippedFile[];
  /** Stamps of the articles' files, for the manifest (see `FileStamp`); a file changed just before it was read has none. */
  stamps: Record<string, FileStamp>;
}

/** A corpus file's name and content hash, without parsing it: enough to tell whether an index is stale. */
export interface CorpusFileState {
  source: string;
  hash: string;
}

/**
 * What identifies a file's bytes without reading them: a write changes the size or the change time (ctime, which
 * no program can set back), and a replacement by rename changes the inode. When all four are as they were when
 * the file was hashed, its hash is still its hash.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * A stamp is recorded only for a file last changed this long before it was read: a write in the same clock tick
 * as the read, after it, would leave the times unchanged (git's "racily clean" files); 2 s also covers the
 * coarsest file-system timestamps (FAT's 2 s mtime).
 */
const RACY_MARGIN_MS = 2_000;

/** One item of `readArticles`: an article with its file's stamp, or a file skipped. */
export type CorpusItem = { article: Article; stamp?: FileStamp } | { skipped: SkippedFile };

/**
 * Reads every .txt/.md file under `dir` (recursively), skipping with a reason anything that cannot be an
 * article: hidden files, other types, links leaving the folder, files over `maxFileBytes`, binary or non-UTF-8 files.
 * The corpus is only ever read.
 */
export async function loadCorpus(dir: string, options: { maxFileBytes: number }): Promise<LoadedCorpus> {
  const corpus: LoadedCorpus = { articles: [], skipped: [], stamps: {} };
  for await (const item of readArticles(dir, options)) {
    if ('skipped' in item) corpus.skipped.push(item.skipped);
    else {
      corpus.articles.push(item.article);
      if (item.stamp) corpus.stamps[item.article.source] = item.stamp;
    }
  }
  return corpus;
}

/**
 * `loadCorpus` one article at a time, in source order, so that a build holds only what it keeps of each: the
 * files are listed first, then each is read and parsed when it is asked for.
 */
export async function* readArticles(dir: string, options: { maxFileBytes: number }): AsyncGenerator<CorpusItem> {
  const { root, files, skipped } = await listCorpus(dir);
  for (const file of skipped) yield { skipped: file };
  for (const { source, path } of files) {
    const read = await readCorpusFile(root, path, source, options.maxFileBytes);
    if (read === UNCHANGED) continue; // only with a known stamp, and none is given here
    if (typeof read === 'string') {
      if (read) yield { skipped: { source, reason: read } };
      continue;
    }
    const article = parseArticle(source, read.text, read.hash);
    if (article.sentences.length === 0) yield { skipped: { source, reason: 'no article text after removing boilerplate' } };
    else yield { article, stamp: read.stamp };
  }
}

/**
 * Names and hashes of exactly the files `loadCorpus` would index (an article left empty by cleaning is not
 * one, or the index would look stale forever), and the files it would skip. A file whose stamp is the one an
 * index recorded (`stamps`) is not read: its hash is the indexed one. Others are read and hashed.
 */
export async function scanCorpus(
  dir: string,
  options: { maxFileBytes: number; indexed?: Record<string, string>; stamps?: Record<string, FileStamp> },
): Promise<{ files: CorpusFileState[]; skipped: SkippedFile[]; read: number }> {
  const { root, files, skipped } = await listCorpus(dir);
  let read = 0;
  // Several files at a time: one at a time, the stat calls of 10,000 files wait on each other's round trips.
  const results = await pMap(
    files,
    async ({ source, path }): Promise<CorpusFileState | SkippedFile | undefined> => {
      const indexedHash = options.indexed?.[source];
      const known = options.stamps?.[source];
      const file = await readCorpusFile(root, path, source, options.maxFileBytes, indexedHash && known ? known : undefined);
      if (typeof file === 'string') return file ? { source, reason: file } : undefined;
      if (file === UNCHANGED) return { source, hash: indexedHash! };
      read++;
      // A file with the hash an index was built from had article text then (it was indexed): no need to parse it again.
      if (indexedHash === file.hash || parseArticle(source, file.text, file.hash).sentences.length > 0) return { source, hash: file.hash };
      return { source, reason: 'no article text after removing boilerplate' };
    },
    { concurrency: SCAN_CONCURRENCY },
  );
  const states: CorpusFileState[] = [];
  for (const result of results) {
    if (result && 'hash' in result) states.push(result);
    else if (result) skipped.push(result);
  }
  return { files: states, skipped, read };
}

/** Files a scan reads or stats at once: enough to keep libuv's four file threads busy, few enough to stay small. */
const SCAN_CONCURRENCY = 16;

/** The article files under `dir` in source order, and the folders skipped while listing them. */
async function listCorpus(dir: string): Promise<{ root: string; files: { source: string; path: string }[]; skipped: SkippedFile[] }> {
  const root = await realpath(dir).catch((cause: unknown) => {
    throw new CorpusError(`Cannot read the corpus folder ${dir}: it does not exist or is not readable. Set CORPUS_DIR to a folder of .txt/.md articles.`, { cause });
  });
  const skipped: SkippedFile[] = [];
  const paths = await listFiles(root, root, skipped).catch((cause: unknown) => {
    throw new CorpusError(`Cannot list the corpus folder ${dir}: it is not a readable folder. Set CORPUS_DIR to a folder of .txt/.md articles.`, { cause });
  });
  const files = paths.map((path) => ({ source: relative(root, path).split(sep).join('/'), path }));
  files.sort((a, b) => a.source.localeCompare(b.source));
  return { root, files, skipped };
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

/** `readCorpusFile`'s answer for a file whose stamp is the known one: not read, unchanged. */
const UNCHANGED = Symbol('unchanged');

/**
 * The file's text, hash and stamp when it is an article to read, UNCHANGED when its stamp is `known`; otherwise
 * why it is skipped ('' = silently, not an article type).
 */
async function readCorpusFile(
  root: string,
  path: string,
  source: string,
  maxFileBytes: number,
  known?: FileStamp,
): Promise<{ text: string; hash: string; stamp?: FileStamp } | typeof UNCHANGED | string> {
  const name = source.split('/').pop()!;
  if (name.startsWith('.')) return 'hidden file';
  if (!ARTICLE_EXTENSIONS.test(name)) return `not a .txt or .md file`;
  try {
    let info = await lstat(path);
    if (info.isSymbolicLink()) {
      const target = await realpath(path).catch(() => undefined);
      if (!target) return 'broken symbolic link';
      if (!target.startsWith(root + sep)) return 'symbolic link pointing outside the corpus folder';
      info = await stat(path);
    }
    // A FIFO or device would block or never end; a folder named *.md cannot be read as text.
    if (!info.isFile()) return 'not a regular file';
    if (info.size > maxFileBytes) return `file is ${info.size} bytes, over MAX_FILE_BYTES=${maxFileBytes}`;
    // Taken before the read: a write during or after it changes the stamp, so the next scan reads the file again.
    const stamp: FileStamp = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
    if (known && sameStamp(known, stamp)) return UNCHANGED;
    const settled = Date.now() - Math.max(info.mtimeMs, info.ctimeMs) > RACY_MARGIN_MS;
    const bytes = await readFile(path);
    if (bytes.length > maxFileBytes) return `file is ${bytes.length} bytes, over MAX_FILE_BYTES=${maxFileBytes}`;
    const text = decodeUtf8(bytes);
    if (text === undefined) return undecodable(bytes);
    return { text, hash: sha256(bytes), stamp: settled ? stamp : undefined };
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
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

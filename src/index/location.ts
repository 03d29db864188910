import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IndexError } from '../errors.ts';
import { acquireReindexLock } from './reindex-lock.ts';
import { isLeftoverOf, syncDirectory, writeFileAtomic } from '../files/write-atomic.ts';

// Layout of DATA_DIR: `current.json` names the index in use; `index-*` are complete indexes; `.build-*` are
// builds in progress. A build becomes visible only through the atomic renames in `promoteBuild`.
const POINTER = 'current.json';
const BUILD_PREFIX = '.build-';
const INDEX_PREFIX = 'index-';

/** The directory of the index in use, or undefined when none was ever promoted. */
export async function currentIndexDir(dataDir: string): Promise<string | undefined> {
  const raw = await readFile(join(dataDir, POINTER), 'utf8').catch(() => undefined);
  if (raw === undefined) return undefined;
  try {
    const { index } = JSON.parse(raw) as { index?: unknown };
    if (typeof index === 'string' && index.startsWith(INDEX_PREFIX) && !index.includes('/')) return join(dataDir, index);
  } catch {
    // Fall through: a damaged pointer is reported like a damaged index.
  }
  throw new IndexError(`${join(dataDir, POINTER)} is damaged.`, 'corrupt');
}

/** A fresh directory for a build, invisible to readers until promoted. */
export async function createBuildDir(dataDir: string): Promise<string> {
  await mkdir(dataDir, { recursive: true });
  const dir = join(dataDir, `${BUILD_PREFIX}${stamp()}`);
  await mkdir(dir);
  return dir;
}

/**
 * Makes a finished build the current index: its files are flushed to disk, the directory is renamed, then the
 * pointer is replaced by rename, so a crash (or power loss) at any point leaves either the old or the new index
 * current. Older indexes but the previous one are removed. `checkpoint` lets crash tests stop between the renames.
 */
export async function promoteBuild(dataDir: string, buildDir: string, checkpoint: (point: string) => unknown = () => {}): Promise<string> {
  const name = `${INDEX_PREFIX}${stamp()}`;
  const indexDir = join(dataDir, name);
  await syncFiles(buildDir);
  await rename(buildDir, indexDir);
  await syncDirectory(dataDir);
  await checkpoint('renamed');
  const previous = await currentIndexDir(dataDir).catch(() => undefined);
  await writeFileAtomic(join(dataDir, POINTER), JSON.stringify({ index: name }));
  await checkpoint('swapped');
  await removeOldIndexes(
    dataDir,
    [indexDir, previous].filter((dir): dir is string => Boolean(dir)),
  );
  return indexDir;
}

/**
 * Tells processes sharing DATA_DIR that the current index changed in place (an article added or removed): the
 * pointer is rewritten with the change's sequence number, so their watch on it fires and they catch up.
 */
export async function announceChange(dataDir: string, indexDir: string, seq: number): Promise<void> {
  await writeFileAtomic(join(dataDir, POINTER), JSON.stringify({ index: indexDir.slice(dataDir.length).replace(/^\/+/, ''), seq }));
}

/** fsyncs every file of `dir`, then the directory itself so renames persist. */
async function syncFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const handle = await open(join(dir, name), 'r');
    await handle.sync().finally(() => handle.close());
  }
  await syncDirectory(dir);
}

/**
 * Removes builds left by a crash, and indexes that are neither current nor the previous one. Does nothing while
 * another process holds the reindex lock: its `.build-*` folder is a build in progress, not a leftover.
 */
export async function cleanLeftovers(dataDir: string, keep: string[]): Promise<string[]> {
  const lock = await acquireReindexLock(dataDir).catch((error: unknown) => {
    if (error instanceof IndexError && error.reason === 'locked') return undefined;
    throw error;
  });
  if (!lock) return [];
  try {
    const entries = await readdir(dataDir).catch(() => [] as string[]);
    const removed: string[] = [];
    for (const name of entries) {
      if (name.startsWith(BUILD_PREFIX) || isLeftoverOf(name, POINTER)) {
        await rm(join(dataDir, name), { recursive: true, force: true });
        removed.push(name);
      }
    }
    return [...removed, ...(await removeOldIndexes(dataDir, keep))];
  } finally {
    await lock.release();
  }
}

async function removeOldIndexes(dataDir: string, keep: string[]): Promise<string[]> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  const old = entries.filter((name) => name.startsWith(INDEX_PREFIX) && !keep.includes(join(dataDir, name)));
  // Keep the newest unreferenced one too: it is the fallback if the current index turns out damaged.
  const removable = old.sort().slice(0, Math.max(0, old.length - Math.max(0, 2 - keep.length)));
  await Promise.all(removable.map((name) => rm(join(dataDir, name), { recursive: true, force: true })));
  return removable;
}

/** Every complete index directory, newest first: candidates when the current one is damaged. */
export async function indexDirs(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  return entries
    .filter((name) => name.startsWith(INDEX_PREFIX))
    .sort()
    .reverse()
    .map((name) => join(dataDir, name));
}

let counter = 0;
function stamp(): string {
  return `${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}-${counter++}`;
}

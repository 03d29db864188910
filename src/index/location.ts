import { mkdir, readdir, readFile, rename, rm, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { IndexError } from '../errors.ts';

// Layout of DATA_DIR: `current.json` names the index in use; `index-*` are complete indexes; `.build-*` are
// builds in progress. A build becomes visible only through the atomic renames in `promoteBuild`.
const POINTER = 'current.json';
const BUILD_PREFIX = '.build-';
const INDEX_PREFIX = 'index-';
const LOCK_FILE = 'reindex.lock';

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
 * Makes a finished build the current index: the directory is renamed, then the pointer is replaced by
 * rename, so a crash at any point leaves either the old or the new index current. Older indexes but the
 * previous one are removed.
 */
export async function promoteBuild(dataDir: string, buildDir: string): Promise<string> {
  const name = `${INDEX_PREFIX}${stamp()}`;
  const indexDir = join(dataDir, name);
  await rename(buildDir, indexDir);
  const previous = await currentIndexDir(dataDir).catch(() => undefined);
  const temp = join(dataDir, `${POINTER}.${process.pid}.tmp`);
  const handle = await open(temp, 'w');
  await handle.writeFile(JSON.stringify({ index: name }));
  await handle.sync();
  await handle.close();
  await rename(temp, join(dataDir, POINTER));
  await removeOldIndexes(dataDir, [indexDir, previous].filter((dir): dir is string => Boolean(dir)));
  return indexDir;
}

/** Removes builds left by a crash, and indexes that are neither current nor the previous one. */
export async function cleanLeftovers(dataDir: string, keep: string[]): Promise<string[]> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of entries) {
    if (name.startsWith(BUILD_PREFIX) || (name.startsWith(POINTER) && name.endsWith('.tmp'))) {
      await rm(join(dataDir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return [...removed, ...(await removeOldIndexes(dataDir, keep))];
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
  return entries.filter((name) => name.startsWith(INDEX_PREFIX)).sort().reverse().map((name) => join(dataDir, name));
}

/**
 * Takes the reindex lock shared by every process using this DATA_DIR. A lock whose holder died is taken
 * over after `staleMs`. @throws IndexError('locked') when another process is reindexing.
 */
export async function acquireReindexLock(dataDir: string, staleMs = 30_000): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = join(dataDir, LOCK_FILE);
  await writeFile(lockPath, '', { flag: 'a' });
  try {
    return await lockfile.lock(lockPath, { stale: staleMs, update: Math.floor(staleMs / 3), realpath: false });
  } catch (cause) {
    throw new IndexError(`Another process is already reindexing ${dataDir}; wait for it to finish.`, 'locked', { cause });
  }
}

let counter = 0;
function stamp(): string {
  return `${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}-${counter++}`;
}

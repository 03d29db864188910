import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { IndexError } from '../errors.ts';
import { isLeftoverOf, syncDirectory, writeFileAtomic } from '../files/write-atomic.ts';

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
  await removeOldIndexes(dataDir, [indexDir, previous].filter((dir): dir is string => Boolean(dir)));
  return indexDir;
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
  return entries.filter((name) => name.startsWith(INDEX_PREFIX)).sort().reverse().map((name) => join(dataDir, name));
}

/** The reindex lock of a DATA_DIR while this process holds it. */
export interface ReindexLock {
  /** @throws IndexError('locked') when another process took the lock over, so this build must not be promoted. */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

/** The owner record beside the lock: which process holds it, since when, and who asked for the reindex. */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  by?: string;
}

/**
 * Takes the reindex lock shared by every process using this DATA_DIR (a proper-lockfile lock beside an owner
 * record). A lock whose holder died is taken over at once when the holder ran on this host (its pid is gone),
 * otherwise once the lock went `staleMs` without a refresh. `by` describes the requester for other processes to show.
 * @throws IndexError('locked') when another process is reindexing.
 */
export async function acquireReindexLock(dataDir: string, staleMs = STALE_MS, by?: string): Promise<ReindexLock> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = join(dataDir, LOCK_FILE);
  await writeFile(lockPath, '', { flag: 'a' });
  // The default onCompromised throws from a timer and would crash the bot; `assertHeld` checks ownership instead.
  const take = () => lockfile.lock(lockPath, { stale: staleMs, realpath: false, onCompromised: () => {} });
  let unlock: () => Promise<void>;
  try {
    unlock = await take();
  } catch (cause) {
    const owner = await readOwner(lockPath);
    if (!owner || !holderDied(owner, lockPath)) {
      const who = owner ? ` (${describeOwner(owner)})` : '';
      throw new IndexError(`Another process${who} is already reindexing ${dataDir}; wait for it to finish, then try again.`, 'locked', { cause });
    }
    // The holder was killed before it could release the lock. Two processes finding the same dead holder
    // within the same few milliseconds could both take over; that needs two simultaneous restarts.
    await rm(`${lockPath}.lock`, { recursive: true, force: true });
    unlock = await take().catch((error: unknown) => {
      throw new IndexError(`Another process is already reindexing ${dataDir}; wait for it to finish, then try again.`, 'locked', { cause: error });
    });
  }
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), ...(by ? { by } : {}) };
  await writeFile(lockPath, JSON.stringify(me));
  heldHere.add(lockPath);
  const mine = async () => {
    const owner = await readOwner(lockPath);
    return owner?.pid === me.pid && owner.host === me.host && owner.since === me.since;
  };
  return {
    async assertHeld() {
      if (!(await mine())) {
        throw new IndexError(`Another process took over the reindex lock of ${dataDir} while this build ran (the lock went ${staleMs / 1000}s without a refresh); this build was discarded.`, 'locked');
      }
    },
    async release() {
      // Never remove a lock that another process has since taken over.
      heldHere.delete(lockPath);
      if (!(await mine())) return;
      await writeFile(lockPath, '');
      await unlock().catch(() => rm(`${lockPath}.lock`, { recursive: true, force: true }));
    },
  };
}

/** A lock not refreshed for this long is stale (proper-lockfile refreshes it every staleMs/2 while held). */
const STALE_MS = 120_000;

/** The holder of the reindex lock as its record names it, or undefined when no live process holds it. */
export async function reindexLockHolder(dataDir: string): Promise<LockOwner | undefined> {
  const lockPath = join(dataDir, LOCK_FILE);
  const locked = await lockfile.check(lockPath, { stale: STALE_MS, realpath: false }).catch(() => false);
  if (!locked) return undefined;
  const owner = await readOwner(lockPath);
  return owner && !holderDied(owner, lockPath) ? owner : undefined;
}

/** "pid 12 on host, since …, requested by …", for messages. */
export function describeOwner(owner: LockOwner): string {
  return `pid ${owner.pid} on ${owner.host}, since ${owner.since}${owner.by ? `, requested by ${owner.by}` : ''}`;
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return undefined;
    return { pid: owner.pid, host: owner.host, since: String(owner.since), ...(typeof owner.by === 'string' ? { by: owner.by } : {}) };
  } catch {
    return undefined;
  }
}

/** Locks this process holds: an owner record with our own pid for any other lock was left by an earlier process. */
const heldHere = new Set<string>();

/** True when the owner ran on this host and its process no longer exists. */
function holderDied(owner: LockOwner, lockPath: string): boolean {
  if (owner.host !== hostname()) return false;
  // In a container the restarted bot often gets the pid of the one that died (pid 1, same hostname).
  if (owner.pid === process.pid) return !heldHere.has(lockPath);
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

let counter = 0;
function stamp(): string {
  return `${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}-${counter++}`;
}

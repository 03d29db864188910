import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { IndexError } from '../errors.ts';

// The lock beside the indexes in DATA_DIR: one build or corpus change at a time, across processes.
const LOCK_FILE = 'reindex.lock';

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
      throw new IndexError(`Another process${who} is already reindexing ${dataDir}; wait for it to finish, then try again.`, 'locked', {
        cause,
      });
    }
    // The holder was killed before it could release the lock. Two processes finding the same dead holder
    // within the same few milliseconds could both take over; that needs two simultaneous restarts.
    await rm(`${lockPath}.lock`, { recursive: true, force: true });
    unlock = await take().catch((error: unknown) => {
      throw new IndexError(`Another process is already reindexing ${dataDir}; wait for it to finish, then try again.`, 'locked', {
        cause: error,
      });
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
        throw new IndexError(
          `Another process took over the reindex lock of ${dataDir} while this build ran (the lock went ${staleMs / 1000}s without a refresh); this build was discarded.`,
          'locked',
        );
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

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/write-atomic.ts';

/**
 * Beside the graph and the postings: the stamp (size, times, inode) each had when its bytes last matched their
 * checksum, so that a later load need not read and hash them again (200+ MB at 100,000 chunks).
 */
export const VERIFIED_FILE = 'verified.json';

interface VerifiedStamp {
  sha256: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * A stamp is recorded only for a file last changed this long before it was hashed: a write in the same clock tick
 * as the hash, after it, would leave its times unchanged (git's "racily clean" files); 2 s covers the coarsest
 * file-system timestamps too. A build's fresh files are therefore hashed by the first load after it.
 */
const RACY_MARGIN_MS = 2_000;

/** What `verifyFiles` found: the files that do not match, and the ones it had to read to know. */
export interface Verification {
  damaged: string[];
  hashed: string[];
}

/**
 * Checks each file of `dir` against its SHA-256 in `expected`. A file whose stamp is the one recorded when it last
 * matched the same sum is taken as unchanged: any write changes its size or its change time (ctime, which no
 * program can set back), a replacement its inode. Bytes damaged with no write at all (the disk itself) are what
 * this does not see after the first check. Stamps are recorded best effort: a read-only folder is hashed each time.
 * `now` is the clock the racy margin is measured on (tests move it on).
 */
export async function verifyFiles(
  dir: string,
  expected: Record<string, string>,
  options: { now?: () => number } = {},
): Promise<Verification> {
  const now = options.now ?? Date.now;
  const known = await readStamps(dir);
  const result: Verification = { damaged: [], hashed: [] };
  const stamps: Record<string, VerifiedStamp> = {};
  for (const [name, sum] of Object.entries(expected)) {
    const path = join(dir, name);
    const before = await stampOf(path, sum);
    if (!before) {
      result.damaged.push(`${name} is missing`);
      continue;
    }
    if (sameStamp(known[name], before)) {
      stamps[name] = before;
      continue;
    }
    result.hashed.push(name);
    const actual = await sha256File(path).catch(() => undefined);
    if (actual !== sum) {
      result.damaged.push(actual === undefined ? `${name} is missing` : `${name} does not match its checksum (truncated or modified)`);
      continue;
    }
    const after = await stampOf(path, sum);
    const settled = Math.max(before.mtimeMs, before.ctimeMs) < now() - RACY_MARGIN_MS;
    if (after && sameStamp(before, after) && settled) stamps[name] = after;
  }
  const changed = Object.keys(stamps).some((name) => !sameStamp(known[name], stamps[name]));
  if (result.damaged.length === 0 && changed) await writeFileAtomic(join(dir, VERIFIED_FILE), JSON.stringify(stamps)).catch(() => {});
  return result;
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    // 1 MiB reads: with the default 64 KiB, hashing a 200 MB graph file takes twice as long.
    createReadStream(path, { highWaterMark: 2 ** 20 })
      .on('error', reject)
      .on('data', (data) => hash.update(data))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function stampOf(path: string, sha256: string): Promise<VerifiedStamp | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info && { sha256, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
}

function sameStamp(a: VerifiedStamp | undefined, b: VerifiedStamp | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.sha256 === b.sha256 &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs &&
    a.ino === b.ino
  );
}

/** The recorded stamps; none when the file is absent or unreadable (then every file is hashed). */
async function readStamps(dir: string): Promise<Record<string, VerifiedStamp>> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, VERIFIED_FILE), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, VerifiedStamp>) : {};
  } catch {
    return {};
  }
}

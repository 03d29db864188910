import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `path` with `content` so that a reader, a crash or a power loss finds the old file or the new one, never
 * half of either: written to a hidden temporary file beside it (corpus scans skip hidden names), flushed to disk,
 * renamed over `path`, then the folder is flushed so the rename itself survives. The folder must exist.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** True for a temporary file `writeFileAtomic` left beside `file` when the process died mid-write. */
export function isLeftoverOf(name: string, file: string): boolean {
  return name.startsWith(`.${file}.`) && name.endsWith('.partial');
}

/** Flushes a folder's entries (names created, renamed or removed in it) to disk. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  // Some filesystems refuse fsync on a directory; the files in it are flushed on their own then.
  await handle
    .sync()
    .catch(() => {})
    .finally(() => handle.close());
}

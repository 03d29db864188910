import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Stops watching. */
export interface CurrentWatch {
  close(): void;
}

/** How often the pointer is read even without a change event: fs.watch misses events on network and some container filesystems. */
const DEFAULT_POLL_MS = 2000;

/**
 * Calls `onChange` whenever `DATA_DIR/current.json` names another index than it did, e.g. after another process
 * (a shard, the CLI, a builder on another machine publishing into a shared folder) promoted a new one. Watches the
 * directory, not the file: the pointer is replaced by rename, which ends a watch on the file itself. A poll backs
 * the watch up. `onChange` must be idempotent (it is also called once at the start). Calls never overlap; a change
 * seen while one runs is delivered after it.
 */
export function watchCurrentIndex(dataDir: string, onChange: () => Promise<void> | void, options: { pollMs?: number } = {}): CurrentWatch {
  const pointer = join(dataDir, 'current.json');
  let last: string | undefined;
  let running = false;
  let again = false;
  let closed = false;

  const check = async () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const now = await readFile(pointer, 'utf8').catch(() => undefined);
        if (now === undefined || now === last) continue;
        last = now;
        // Also on the first read: the pointer may have moved between opening the index and starting the watch.
        if (!closed) await onChange();
      } while (again && !closed);
    } catch {
      // onChange reports its own failures; the next change or poll tries again.
    } finally {
      running = false;
    }
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dataDir, { persistent: false }, (_event, name) => {
      if (!name || name === 'current.json') void check();
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // No watch support (or the folder is missing for now): the poll alone notices changes.
  }
  const timer = setInterval(() => void check(), options.pollMs ?? DEFAULT_POLL_MS);
  timer.unref();
  void check();
  return {
    close() {
      closed = true;
      clearInterval(timer);
      watcher?.close();
    },
  };
}

import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Stops a watch started by `watchCurrentIndex`. */
export interface IndexWatch {
  close(): void;
}

// A promotion writes and renames within milliseconds; one call per burst of events is enough.
const SETTLE_MS = 100;
// Where inotify-style watching is unavailable (some network filesystems), the pointer's mtime is polled.
const POLL_MS = 2000;

/**
 * Calls `onChange` when DATA_DIR/current.json is replaced (another process promoted a new index). Never keeps the
 * process alive.
 */
export function watchCurrentIndex(dataDir: string, onChange: () => void): IndexWatch {
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, SETTLE_MS);
    timer.unref();
  };
  const pointer = join(dataDir, 'current.json');
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dataDir, { persistent: false }, (_, filename) => {
      if (filename === null || filename === 'current.json') settle();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
      watchFile(pointer, { persistent: false, interval: POLL_MS }, settle);
    });
  } catch {
    watchFile(pointer, { persistent: false, interval: POLL_MS }, settle);
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
      unwatchFile(pointer);
    },
  };
}

/** Drives `reindex-child.ts` from a test: wait for a line, let it continue, or SIGKILL it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const CHILD = join(import.meta.dirname, 'reindex-child.ts');

export interface ReindexChild {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `pattern` (rejects if the child exits first or after 20 s). */
  waitFor(pattern: RegExp): Promise<string>;
  /** Lets a paused child carry on. */
  resume(): void;
  /** SIGKILLs the child and waits until it is gone (reaped, so its pid no longer exists). */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

export function spawnReindex(dataDir: string, corpusDir: string, pauseAt = ''): ReindexChild {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, corpusDir, pauseAt], {
    cwd: join(import.meta.dirname, '../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const seen: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    seen.push(line);
    for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    exited,
    waitFor(pattern) {
      const already = seen.find((line) => pattern.test(line));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`child never printed ${pattern}; stdout: ${seen.join(' | ')}; stderr: ${stderr}`)),
          20_000,
        );
        waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`child exited (${code}) before printing ${pattern}; stdout: ${seen.join(' | ')}; stderr: ${stderr}`));
        });
      });
    },
    resume: () => child.stdin!.write('continue\n'),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

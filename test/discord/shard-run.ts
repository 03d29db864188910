/** Runs `npm start`'s entry point as a real sharding manager against the emulator, and reads what it reports. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { readShardStatus, type ShardsStatus } from '../../src/discord/shard-status.ts';

// What `npm start` runs: bin/start.js picks dist/ when it is current, else the sources through tsx.
const START = join(import.meta.dirname, '../../bin/start.js');

export interface ManagerRun {
  process: ChildProcess;
  /** Every JSON log line of the manager and its shards (they share its stderr), parsed. */
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
  /** Polls DATA_DIR/shards.json until `ready(status)` holds; rejects with the last status after `timeoutMs`. */
  waitForStatus(ready: (status: ShardsStatus) => boolean, label: string, timeoutMs?: number): Promise<ShardsStatus>;
}

/** Starts `npm start`'s entry point with only the given settings in its environment; its cwd holds no .env. */
export function startManager(cwd: string, dataDir: string, env: Record<string, string>): ManagerRun {
  const child = spawn(process.execPath, [START], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  createInterface({ input: child.stderr! }).on('line', (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      logs.push({ msg: line });
    }
  });
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    process: child,
    logs,
    exited,
    async waitForStatus(ready, label, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      let last: ShardsStatus | undefined;
      while (Date.now() < deadline && !gone) {
        last = await readShardStatus(dataDir);
        if (last && ready(last)) return last;
        await sleep(100);
      }
      const tail = logs
        .slice(-15)
        .map((l) => JSON.stringify(l))
        .join('\n  ');
      throw new Error(`${gone ? 'The manager exited' : 'Timed out'} waiting for ${label}; shards.json: ${JSON.stringify(last)}\n  ${tail}`);
    },
  };
}

import { spawn } from 'node:child_process';
import { ROOT } from './setup.ts';

const MARK = 'BENCH-RESULT ';

/**
 * Runs a bench/children script in a fresh Node process (so that its memory and start-up are its own) and
 * returns what it reported, with the wall time from spawn to its report.
 */
export function runChild<T>(
  script: string,
  input: unknown,
  options: { heapMb?: number; nodeFlags?: string[]; typescript?: boolean; stopWhen?: Promise<unknown> } = {},
): Promise<T & { wallMs: number }> {
  const started = performance.now();
  const flags = [...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []), ...(options.nodeFlags ?? [])];
  // A plain-JavaScript child (typescript: false) runs without tsx's loader, as compiled code does.
  const loader = options.typescript === false ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...flags, ...loader, `bench/children/${script}`, JSON.stringify(input)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A child that runs until told (idle-loop.ts) is sent SIGTERM once `stopWhen` settles, and reports then.
  const stop = () => child.kill('SIGTERM');
  options.stopWhen?.then(stop, stop);
  return new Promise((resolve, reject) => {
    let output = '';
    let result: (T & { wallMs: number }) | undefined;
    child.stdout.setEncoding('utf8').on('data', (data: string) => {
      output += data;
      const line = output.split('\n').find((candidate) => candidate.startsWith(MARK));
      if (line && !result) result = { ...(JSON.parse(line.slice(MARK.length)) as T), wallMs: Math.round(performance.now() - started) };
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) resolve(result);
      else
        reject(
          new Error(
            `bench/children/${script} ended (${signal ?? `exit code ${code}`}${signal === 'SIGABRT' ? ', out of memory?' : ''}) without a result`,
          ),
        );
    });
  });
}

/** Reports a child's result to `runChild`. */
export function report(result: unknown): void {
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`);
}

/** The input `runChild` passed to this child. */
export function childInput<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

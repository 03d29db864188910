// `npm run bench:start-up [-- --root DIR] [-- --runs N]`: wall time from spawning the `dossier` command to its
// output, for `--help`, an argument error, `sources` and a first answer (`ask`) on a built index, through the
// `dossier` bin (compiled JavaScript when built) and through tsx on the sources (the development path).
// `--root` measures another checkout of Dossier (e.g. an older commit exported to a folder) with the same method.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, tempDir } from './lib/setup.ts';
import { summarize, type Summary } from './lib/stats.ts';

const argValue = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const root = resolve(argValue('--root') ?? ROOT);
const runs = Number(argValue('--runs') ?? 5);
const QUESTION = 'Where was Viktor Bout arrested?';

interface Case {
  label: string;
  args: string[];
  /** Settings beyond DATA_DIR and CORPUS_DIR. */
  env?: Record<string, string>;
  expectCode: number;
}

/** Spawns one command and resolves with the milliseconds until it exited, and its exit code. */
function time(command: string[], env: Record<string, string>): Promise<{ ms: number; code: number; stderr: string }> {
  const started = performance.now();
  // cwd is a folder with no .env, so a developer's own settings do not change what is measured.
  const child = spawn(process.execPath, command, {
    cwd: env.DATA_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ ms: performance.now() - started, code: code ?? -1, stderr }));
  });
}

async function main(): Promise<void> {
  const dataDir = await tempDir('start-up');
  const env = { DATA_DIR: dataDir, CORPUS_DIR: join(root, 'corpus') };
  const bin = [join(root, 'bin/dossier.js')];
  const tsx = ['--import', join(ROOT, 'node_modules/tsx/dist/esm/index.mjs'), join(root, 'src/cli/main.ts')];
  const cases: Case[] = [
    { label: '--help', args: ['--help'], expectCode: 0 },
    { label: 'unknown option (usage error)', args: ['ask', '--jsno', QUESTION], expectCode: 2 },
    { label: 'sources (built index)', args: ['sources'], env: { EMBEDDINGS: 'use-lite' }, expectCode: 0 },
    { label: 'first answer, EMBEDDINGS=use-lite', args: ['ask', QUESTION], env: { EMBEDDINGS: 'use-lite' }, expectCode: 0 },
    { label: 'first answer, EMBEDDINGS=auto (hub unreachable)', args: ['ask', QUESTION], env: { EMBEDDINGS: 'auto' }, expectCode: 0 },
  ];
  try {
    // Build the index once for each encoder setting, outside the measurement.
    for (const embeddings of ['use-lite', 'auto']) {
      const built = await time([...bin, 'index'], { ...env, EMBEDDINGS: embeddings });
      if (built.code !== 0) throw new Error(`building the index failed (exit ${built.code}): ${built.stderr.slice(-400)}`);
    }
    const rows: { path: string; label: string; summary: Summary; codes: number[] }[] = [];
    for (const [path, command] of [
      ['bin/dossier.js', bin],
      ['tsx src/cli/main.ts', tsx],
    ] as const) {
      for (const c of cases) {
        const times: number[] = [];
        const codes: number[] = [];
        for (let i = 0; i < runs; i++) {
          const run = await time([...command, ...c.args], { ...env, ...c.env });
          times.push(run.ms);
          codes.push(run.code);
        }
        rows.push({ path, label: c.label, summary: summarize(times), codes: [...new Set(codes)] });
        if (!codes.every((code) => code === c.expectCode))
          console.error(`bench: ${path} ${c.args.join(' ')} exited ${codes.join(',')}, expected ${c.expectCode}`);
      }
    }
    const built = existsSync(join(root, 'dist'));
    console.log(
      `Start-up, ${runs} runs each, ${root}${built ? ' (dist/ built)' : ''}; ${cpus().length} cores, load ${loadavg()
        .map((v) => v.toFixed(2))
        .join(' ')}`,
    );
    console.log(`${'command'.padEnd(16)} ${'case'.padEnd(48)} ${'p50 ms'.padStart(7)} ${'max ms'.padStart(7)}  exit`);
    for (const row of rows)
      console.log(
        `${row.path.padEnd(16)} ${row.label.padEnd(48)} ${String(Math.round(row.summary.p50)).padStart(7)} ${String(Math.round(row.summary.max)).padStart(7)}  ${row.codes.join(',')}`,
      );
    const out = join(ROOT, 'bench/results');
    await mkdir(out, { recursive: true });
    const file = join(out, `start-up-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFile(file, JSON.stringify({ root, runs, loadAverage: loadavg(), rows }, null, 2));
    console.log(`Written to ${file}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

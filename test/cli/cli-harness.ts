import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/program.ts';
import type { DossierOpener } from '../../src/cli/context.ts';
import { createDossier } from '../../src/core/facade.ts';
import { fakeDeps, makeWorkspace, type Workspace } from '../core/fakes.ts';

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Opens the real facade over the workspace with the hashed fake encoder (fast, deterministic) instead of a model. */
export const fakeOpener: DossierOpener = (config, hooks) => createDossier({ ...fakeDeps(config), warn: hooks.warn }, hooks.onBuildProgress);

/** A workspace (fixture corpus copy, empty data dir) with an optional `.env`, where the CLI runs. */
export function cliWorkspace(dotenv?: string): Workspace {
  const ws = makeWorkspace();
  if (dotenv !== undefined) writeFileSync(join(ws.root, '.env'), dotenv);
  return ws;
}

/** Runs `dossier <argv>` in-process in the workspace, with `stdin` as standard input. */
export async function cli(ws: Workspace, argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return runIn(
    argv,
    { cwd: ws.root, env: { CORPUS_DIR: ws.corpusDir, DATA_DIR: ws.dataDir, ...options.env }, stdin: options.stdin },
    fakeOpener,
  );
}

/**
 * Runs `dossier <argv>` in-process on the real core (the encoder `env` names), as the `dossier` process would, without
 * paying for a process and a model load per command; the process itself is tested in process.test.ts.
 */
export async function realCli(argv: string[], options: { cwd: string; env: Record<string, string>; stdin?: string }): Promise<CliRun> {
  return runIn(argv, options);
}

async function runIn(
  argv: string[],
  options: { cwd: string; env: Record<string, string>; stdin?: string },
  opener?: DossierOpener,
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  stdin.end(options.stdin ?? '');
  const code = await runCli(argv, { stdout, stderr, stdin, env: options.env, cwd: options.cwd }, opener);
  return { code, stdout: out, stderr: err };
}

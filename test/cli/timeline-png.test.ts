// `dossier timeline --png FILE [--theme]`: the picture of the same events the command lists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/program.ts';
import type { DossierOpener } from '../../src/cli/context.ts';
import { createDossier } from '../../src/core/facade.ts';
import { timelineModule } from '../../src/core/open-dossier.ts';
import { fakeDeps, type Workspace } from '../core/fakes.ts';
import { cliWorkspace, type CliRun } from './cli-harness.ts';

/** The CLI harness's fake encoder, with the real timeline stage so that the corpus has events to draw. */
const opener: DossierOpener = (config, hooks) =>
  createDossier({ ...fakeDeps(config, { timeline: timelineModule }), warn: hooks.warn }, hooks.onBuildProgress);

async function cli(ws: Workspace, argv: string[]): Promise<CliRun> {
  const [stdout, stderr, stdin] = [new PassThrough(), new PassThrough(), new PassThrough()];
  let [out, err] = ['', ''];
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  stdin.end('');
  const code = await runCli(argv, { stdout, stderr, stdin, env: { CORPUS_DIR: ws.corpusDir, DATA_DIR: ws.dataDir }, cwd: ws.root }, opener);
  return { code, stdout: out, stderr: err };
}

describe('dossier timeline --png', () => {
  let ws: Workspace;
  before(async () => {
    ws = cliWorkspace();
    assert.equal((await cli(ws, ['index'])).code, 0);
  });
  after(() => ws.cleanup());

  it('GIVEN --png and --theme dark WHEN run THEN the PNG is written (path relative to the working folder), and the text timeline is still printed', async () => {
    const listed = await cli(ws, ['timeline', '--json']);
    const count = (JSON.parse(listed.stdout) as unknown[]).length;
    assert.ok(count > 5, `${count} events`);
    const run = await cli(ws, ['timeline', '--png', 'out.png', '--theme', 'dark']);
    assert.equal(run.code, 0);
    const png = PNG.sync.read(readFileSync(join(ws.root, 'out.png')));
    assert.equal(png.width, 1200);
    assert.deepEqual([...png.data.subarray(0, 3)], [0x31, 0x33, 0x38]);
    assert.equal(run.stderr, `Wrote out.png (1200×${png.height} px, ${count} events).\n`);
    assert.ok(run.stdout.split('\n').length > count, 'the text timeline is printed too');
  });

  it('GIVEN an unknown theme WHEN run THEN it is refused before anything is written, exit 2', async () => {
    const run = await cli(ws, ['timeline', '--png', 'blue.png', '--theme', 'blue']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^error: Unknown theme "blue": use light or dark\.\n/);
    assert.equal(existsSync(join(ws.root, 'blue.png')), false);
  });

  it('GIVEN filters that select nothing WHEN --png is given THEN no file is written and the exit code says so', async () => {
    const run = await cli(ws, ['timeline', '--from', '2990', '--png', 'none.png']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^error: No dated events match these filters, so .*none\.png was not written\.\n/);
    assert.equal(existsSync(join(ws.root, 'none.png')), false);
  });
});

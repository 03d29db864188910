import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { upToDateSources } from '../../src/index/catalog.ts';
import type { Workspace } from '../core/fakes.ts';
import { cli, cliWorkspace } from './cli-harness.ts';

describe('dossier sources', () => {
  let ws: Workspace;
  before(() => {
    ws = cliWorkspace();
  });
  after(() => ws.cleanup());

  it('GIVEN no index WHEN sources is run THEN it builds one, with a few plain progress lines when piped, and lists the articles', async () => {
    const run = await cli(ws, ['sources', '--json']);
    assert.equal(run.code, 0);
    assert.deepEqual(
      run.stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/\d+\/\d+/, 'n/m')),
      [
        ...Array(run.stderr.split('\n').filter((l) => l.startsWith('Indexing: embedding')).length).fill(
          'Indexing: embedding (5 files, n/m chunks embedded)',
        ),
        'Indexing: timeline (5 files, n/m chunks embedded)',
        'Indexing: done (5 files, n/m chunks embedded)',
      ],
    );
    assert.ok(run.stderr.split('\n').length <= 9, run.stderr);
    assert.equal(JSON.parse(run.stdout).length, 5);
  });

  it('GIVEN an up-to-date index WHEN its articles are read without the model THEN they equal what the opened index lists', async () => {
    const full = await cli(ws, ['sources', '--json']);
    const fast = await upToDateSources(ws.config);
    assert.deepEqual(fast, JSON.parse(full.stdout));
    assert.equal(full.stderr, '');
  });

  it('GIVEN an article added to the corpus WHEN its articles are read without the model THEN the index is stale: none, and sources rebuilds', async () => {
    writeFileSync(join(ws.corpusDir, 'new.txt'), '# A new article\n\nThe court met on Monday to hear the appeal of the case.\n');
    assert.equal(await upToDateSources(ws.config), undefined);
    const run = await cli(ws, ['sources']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^new\.txt — A new article · 1 chunks$/m);
  });
});

// Slow model test: `dossier add/list/remove/audit` on the real core (packaged offline encoder), run in-process as the
// `dossier` process runs them, on a temp copy of the corpus and of the shared index built from it.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_CORPUS } from '../core/fakes.ts';
import { copySharedIndex } from '../fixtures/shared-index.ts';
import { realCli } from './cli-harness.ts';

const DAM =
  '# Brennar Valley dam opens\n\nThe Brennar Valley dam was opened on Monday by the regional governor after six years of construction and two lawsuits.\n\nThe dam was designed by the Austrian engineer Ilse Marquardt, whose firm also built the two reservoirs above the valley.\n';

describe('dossier add, list, remove and audit', () => {
  let root: string;
  const run = async (...args: string[]) => {
    const result = await realCli(args, {
      cwd: root,
      env: { CORPUS_DIR: join(root, 'corpus'), DATA_DIR: join(root, 'data'), EMBEDDINGS: 'use-lite' },
    });
    return { code: result.code, out: result.stdout, err: result.stderr };
  };
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dossier-cli-corpus-'));
    await copySharedIndex(join(root, 'data'));
    cpSync(FIXTURE_CORPUS, join(root, 'corpus'), { recursive: true });
    writeFileSync(join(root, 'dam.md'), DAM);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it(
    'GIVEN a file WHEN `dossier add --yes` runs THEN the preview is printed, the article is added, and `list --json` shows it with its chunks',
    { timeout: 120_000 },
    async () => {
      const added = await run('add', join(root, 'dam.md'), '--yes');
      assert.equal(added.code, 0, added.err);
      assert.match(added.out, /^Title: {3}Brennar Valley dam opens\nOutlet: {2}\(not stated\)\n/);
      assert.match(
        added.out,
        /^Added brennar-valley-dam-opens-[0-9a-f]{10}\.md: 1 chunks, 3 sentences embedded in [\d.]+ s \(index: 33 chunks, \d+ timeline events\)\.$/m,
      );

      const listed = await run('list', '--json');
      assert.equal(listed.code, 0, listed.err);
      const rows = JSON.parse(listed.out) as {
        id: string;
        title: string | null;
        outlet: string | null;
        date: string | null;
        chunks: number;
      }[];
      assert.equal(rows.length, 6);
      assert.deepEqual(
        rows.find((row) => row.id.startsWith('brennar')),
        {
          id: readdirSync(join(root, 'corpus')).find((name) => name.startsWith('brennar')),
          title: 'Brennar Valley dam opens',
          outlet: null,
          author: null,
          date: null,
          url: null,
          chunks: 1,
        },
      );
      const { id, title, outlet, date } = rows.find((row) => row.id === '004_91ab4689b524ca48.txt')!;
      assert.deepEqual(
        { id, title, outlet, date },
        { id: '004_91ab4689b524ca48.txt', title: 'Russia Intends to Intercede for Bout', outlet: 'The Moscow Times', date: '2012-04-08' },
      );
    },
  );

  it(
    'GIVEN no terminal WHEN `dossier remove` runs without --yes THEN it refuses and removes nothing; with --yes it removes, and `audit` prints both changes',
    { timeout: 120_000 },
    async () => {
      const id = readdirSync(join(root, 'corpus')).find((name) => name.startsWith('brennar'))!;
      const refused = await run('remove', id);
      assert.equal(refused.code, 2);
      assert.match(refused.err, /no terminal to ask in; pass --yes to confirm from a script\.$/m);
      assert.ok(readdirSync(join(root, 'corpus')).includes(id));

      const removed = await run('remove', id, '--yes');
      assert.equal(removed.code, 0, removed.err);
      assert.equal(readdirSync(join(root, 'corpus')).includes(id), false);

      const audit = await run('audit');
      const lines = audit.out.trim().split('\n');
      assert.equal(lines.length, 2);
      assert.match(
        lines[0]!,
        new RegExp(`^\\S+Z {2}add {4}${id.replace(/\./g, '\\.')} {2}by cli:\\S+ {2}sha256 [0-9a-f]{64} {2}from dam\\.md$`),
      );
      assert.match(lines[1]!, new RegExp(`^\\S+Z {2}remove ${id.replace(/\./g, '\\.')} {2}by cli:\\S+ {2}sha256 [0-9a-f]{64}$`));
    },
  );
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.ts';
import { createDossier } from '../../src/core/facade.ts';
import { CorpusError } from '../../src/errors.ts';
import { currentIndexDir } from '../../src/index/location.ts';
import { fakeDeps, fingerprint, makeWorkspace, type Workspace } from '../core/fakes.ts';

const MAX_FILE_BYTES = 20_000;
const REAL_ARTICLES = [
  '000_538beb675e1a6ae0.txt',
  '001_8cf058473a78eb62.txt',
  '002_46d3cbafd3f6e099.txt',
  '003_c464dfc57fd8e736.txt',
  '004_91ab4689b524ca48.txt',
];
const ARTICLE = 'Bout hearing adjourned\n\nThe court adjourned the hearing of Viktor Bout until Monday.\n';

describe('corpus files that are not articles', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = makeWorkspace({ env: { MAX_FILE_BYTES: String(MAX_FILE_BYTES) } });
  });
  afterEach(() => ws.cleanup());

  it(
    'GIVEN binary, oversized, Latin-1, UTF-16, hidden, linked-outside, FIFO and empty files and a hidden folder WHEN indexing THEN each is skipped with a warning naming it and the build succeeds',
    { timeout: 15_000 },
    async () => {
      const at = (name: string) => join(ws.corpusDir, name);
      writeFileSync(at('image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
      writeFileSync(at('huge.txt'), `${ARTICLE}${'Viktor Bout. '.repeat(2_000)}`);
      writeFileSync(at('latin1.txt'), Buffer.from('Caf\xe9 r\xe9union: Bout\xb4s lawyer spoke in the caf\xe9.\n', 'latin1'));
      writeFileSync(at('utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]));
      writeFileSync(at('.hidden.txt'), ARTICLE);
      writeFileSync(join(ws.root, 'secret.txt'), 'DISCORD_TOKEN=outside-the-corpus\n');
      symlinkSync(join(ws.root, 'secret.txt'), at('outside.txt'));
      symlinkSync(ws.root, at('linked-folder.md'));
      execFileSync('mkfifo', [at('pipe.txt')]);
      writeFileSync(at('empty.md'), '');
      writeFileSync(at('notes.pdf'), '%PDF-1.4');
      mkdirSync(at('.git'));
      writeFileSync(at('.git/HEAD.txt'), ARTICLE);
      const corpusBefore = fingerprint(ws.corpusDir);

      const deps = fakeDeps(ws.config);
      const dossier = await createDossier(deps);

      const expected = [
        { source: '.git', reason: 'hidden folder' },
        { source: '.hidden.txt', reason: 'hidden file' },
        { source: 'empty.md', reason: 'no article text after removing boilerplate' },
        { source: 'huge.txt', reason: `file is ${ARTICLE.length + 26_000} bytes, over MAX_FILE_BYTES=${MAX_FILE_BYTES}` },
        { source: 'image.txt', reason: 'binary file' },
        { source: 'latin1.txt', reason: 'not valid UTF-8 text (save it as UTF-8)' },
        { source: 'linked-folder.md', reason: 'symbolic link pointing outside the corpus folder' },
        { source: 'notes.pdf', reason: 'not a .txt or .md file' },
        { source: 'outside.txt', reason: 'symbolic link pointing outside the corpus folder' },
        { source: 'pipe.txt', reason: 'not a regular file' },
        { source: 'utf16.txt', reason: 'UTF-16 text, not UTF-8 (save it as UTF-8)' },
      ];
      const bySource = (a: { source: string }, b: { source: string }) => a.source.localeCompare(b.source);
      assert.deepEqual([...dossier.opened.built!.skipped].sort(bySource), expected);
      for (const { source, reason } of expected)
        assert.ok(deps.warnings.includes(`Skipped corpus file ${source}: ${reason}.`), `no warning for ${source}`);
      assert.deepEqual(
        dossier.sources().map((s) => s.source),
        REAL_ARTICLES,
      );
      const answer = await dossier.ask('What is in the secret file outside the corpus?');
      assert.ok(!answer.answer.includes('outside-the-corpus'));
      assert.deepEqual(fingerprint(ws.corpusDir), corpusBefore, 'the corpus is never modified');
    },
  );

  it('GIVEN a link inside the corpus to a folder named like an article WHEN loading THEN it is skipped as not a regular file', async () => {
    mkdirSync(join(ws.corpusDir, 'sub'));
    symlinkSync(join(ws.corpusDir, 'sub'), join(ws.corpusDir, 'sub-link.md'));
    const { articles, skipped } = await loadCorpus(ws.corpusDir, { maxFileBytes: MAX_FILE_BYTES });
    assert.equal(articles.length, 5);
    assert.deepEqual(skipped, [{ source: 'sub-link.md', reason: 'not a regular file' }]);
  });

  it('GIVEN CORPUS_DIR naming a file WHEN loading THEN a CorpusError says it is not a readable folder', async () => {
    const file = join(ws.corpusDir, REAL_ARTICLES[0]!);
    await assert.rejects(loadCorpus(file, { maxFileBytes: MAX_FILE_BYTES }), {
      name: 'CorpusError',
      message: `Cannot list the corpus folder ${file}: it is not a readable folder. Set CORPUS_DIR to a folder of .txt/.md articles.`,
    });
  });
});

describe('an empty corpus folder', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(() => ws.cleanup());

  const emptyCorpus = () => {
    mkdirSync(join(ws.root, 'moved'));
    for (const name of readdirSync(ws.corpusDir)) renameSync(join(ws.corpusDir, name), join(ws.root, 'moved', name));
  };

  it('GIVEN no index yet WHEN Dossier starts on an empty corpus THEN a CorpusError says what to do', async () => {
    emptyCorpus();
    await assert.rejects(createDossier(fakeDeps(ws.config)), {
      name: 'CorpusError',
      message: `The corpus folder ${ws.corpusDir} has no readable .txt or .md articles. Add articles and reindex; the current index is kept.`,
    });
  });

  it('GIVEN a built index WHEN the corpus is emptied and a reindex runs THEN it fails with a CorpusError and the index keeps answering, on disk too', async () => {
    const dossier = await createDossier(fakeDeps(ws.config));
    const indexDir = await currentIndexDir(ws.dataDir);
    emptyCorpus();
    writeFileSync(join(ws.corpusDir, 'picture.txt'), Buffer.from([0, 1, 2, 3]));

    await assert.rejects(dossier.reindex(), (error: unknown) => {
      assert.ok(error instanceof CorpusError);
      assert.equal(
        error.message,
        `The corpus folder ${ws.corpusDir} has no readable .txt or .md articles (skipped: picture.txt: binary file). Add articles and reindex; the current index is kept.`,
      );
      return true;
    });
    assert.equal(dossier.info().articles, 5);
    assert.equal((await dossier.ask('Where was Viktor Bout arrested?')).abstained, false);
    assert.equal(await currentIndexDir(ws.dataDir), indexDir);

    const deps = fakeDeps(ws.config);
    const restarted = await createDossier(deps);
    assert.equal(restarted.opened.reason, 'rebuild failed');
    assert.equal(restarted.info().articles, 5);
    assert.ok(
      deps.warnings.some(
        (w) => w.startsWith('Rebuilding the index failed (The corpus folder') && w.endsWith('answering from the previous index.'),
      ),
      deps.warnings.join('\n'),
    );
  });
});

import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { createDossier } from '../../src/core/facade.ts';
import { IndexError } from '../../src/errors.ts';
import { loadIndex } from '../../src/index/artifact.ts';
import { currentIndexDir } from '../../src/index/location.ts';
import { fakeDeps, fingerprint, HashedEmbeddings, makeWorkspace, type Workspace } from '../core/fakes.ts';

// The corpus article that says where Bout was arrested ("Bout was arrested in Thailand by ...").
const ARREST_ARTICLE = '004_91ab4689b524ca48.txt';

describe('a damaged index on disk', () => {
  let pristine: Workspace;
  let ws: Workspace;
  let indexDir: string;
  let corpusBefore: Record<string, string>;

  before(async () => {
    pristine = makeWorkspace();
    await createDossier(fakeDeps(pristine.config));
  });
  after(() => pristine.cleanup());

  beforeEach(async () => {
    ws = makeWorkspace();
    cpSync(pristine.dataDir, ws.dataDir, { recursive: true });
    indexDir = (await currentIndexDir(ws.dataDir))!;
    corpusBefore = fingerprint(ws.corpusDir);
  });
  afterEach(() => ws.cleanup());

  /** Starts Dossier on the damaged data dir and checks it rebuilt from the corpus, answers, and left the corpus alone. */
  async function startAndExpectRebuild(embeddings = new HashedEmbeddings()) {
    const deps = fakeDeps(ws.config, { embeddings });
    const dossier = await createDossier(deps);
    assert.ok(dossier.opened.built?.rebuilt, 'the index was rebuilt');
    assert.equal(dossier.info().articles, 5);
    assert.notEqual(await currentIndexDir(ws.dataDir), indexDir, 'a new index replaced the damaged one');
    // The rebuilt index retrieves the passage that answers; whether a hashed test encoder's answer clears the fitted
    // threshold is the calibration's business, not the rebuild's.
    const answer = await dossier.ask('Where was Viktor Bout arrested?');
    assert.ok(
      answer.retrieved.some((chunk) => chunk.source === ARREST_ARTICLE),
      answer.retrieved.map((chunk) => chunk.source).join(', '),
    );
    assert.deepEqual(fingerprint(ws.corpusDir), corpusBefore, 'the corpus is never modified');
    return { dossier, warnings: deps.warnings };
  }

  const setManifest = (value: string) => {
    const db = new Database(join(indexDir, 'records.sqlite'));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'manifest'").run(value);
    db.close();
  };

  const loadError = async (embeddings = new HashedEmbeddings()) => {
    const error = await loadIndex(indexDir, embeddings).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof IndexError, `loading fails with an IndexError, got ${String(error)}`);
    return error;
  };

  it('GIVEN hnswlib.index truncated to half WHEN loaded THEN an IndexError(corrupt) names the file, and a start rebuilds it', async () => {
    const file = join(indexDir, 'hnswlib.index');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const error = await loadError();
    assert.equal(error.reason, 'corrupt');
    assert.match(error.message, /^The index in .+ is damaged: hnswlib\.index does not match its checksum \(truncated or modified\)\.$/);
    const { warnings } = await startAndExpectRebuild();
    assert.ok(
      warnings.some((w) => w.includes('hnswlib.index does not match its checksum') && w.endsWith('Rebuilding it from the corpus.')),
      warnings.join('\n'),
    );
  });

  it('GIVEN bytes inside hnswlib.index overwritten (same size) WHEN loaded THEN it is reported damaged instead of crashing the process', async () => {
    // Without the checksum, hnswlib reads these bytes as graph links and the process dies with a segfault.
    const file = join(indexDir, 'hnswlib.index');
    const bytes = readFileSync(file);
    for (let i = 200; i < 1200; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(file, bytes);
    assert.equal((await loadError()).reason, 'corrupt');
    await startAndExpectRebuild();
  });

  it('GIVEN sentence-vectors.f32 truncated WHEN loaded THEN an IndexError(corrupt) names the file, and a start rebuilds it', async () => {
    const file = join(indexDir, 'sentence-vectors.f32');
    truncateSync(file, statSync(file).size - 1000);
    const error = await loadError();
    assert.equal(error.reason, 'corrupt');
    assert.match(error.message, /sentence-vectors\.f32 is truncated \(\d+ bytes for \d+ vectors of 64 dimensions\)\.$/);
    await startAndExpectRebuild();
  });

  it('GIVEN a manifest that is not valid JSON in the record store WHEN loaded THEN an IndexError(corrupt) says so, and a start rebuilds it', async () => {
    setManifest('\u0000\u0013garbage{{');
    const error = await loadError();
    assert.equal(error.reason, 'corrupt');
    assert.equal(error.message, `The index manifest in ${indexDir} is not valid JSON (the file is damaged).`);
    const { dossier, warnings } = await startAndExpectRebuild();
    assert.equal(dossier.opened.reason, 'index damaged');
    assert.ok(
      warnings.some((w) => w.includes('is not valid JSON')),
      warnings.join('\n'),
    );
  });

  it('GIVEN a manifest that is JSON but not a manifest WHEN loaded THEN IndexError(corrupt) lists the bad fields', async () => {
    setManifest(JSON.stringify({ version: 1, model: { id: 'x' } }));
    const error = await loadError();
    assert.equal(error.reason, 'corrupt');
    assert.match(error.message, /^The index manifest in .+ is malformed: .*model\.dimensions/);
    await startAndExpectRebuild();
  });

  it('GIVEN records.sqlite overwritten with garbage WHEN loaded THEN an IndexError(corrupt) names the file, and a start rebuilds it', async () => {
    const file = join(indexDir, 'records.sqlite');
    writeFileSync(file, Buffer.alloc(statSync(file).size, 0x5a));
    const error = await loadError();
    assert.equal(error.reason, 'corrupt');
    assert.match(error.message, /records\.sqlite is damaged \(file is not a database\)\.$/);
    await startAndExpectRebuild();
  });

  it('GIVEN records.sqlite truncated to half WHEN loaded THEN an IndexError(corrupt), and a start rebuilds it', async () => {
    const file = join(indexDir, 'records.sqlite');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    assert.equal((await loadError()).reason, 'corrupt');
    await startAndExpectRebuild();
  });

  it('GIVEN lexical.bin modified WHEN loaded THEN an IndexError(corrupt) names it', async () => {
    const file = join(indexDir, 'lexical.bin');
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(file, bytes);
    assert.match((await loadError()).message, /lexical\.bin does not match its checksum/);
  });

  it('GIVEN an index built by another model WHEN Dossier starts with a 32-dimensional one THEN it rebuilds and says which models', async () => {
    const other = new HashedEmbeddings(32, 'fake:other-model');
    const error = await loadError(other);
    assert.equal(error.reason, 'stale');
    assert.equal(error.message, `The index in ${indexDir} has 64-dimensional vectors but fake:other-model makes 32.`);
    const { dossier } = await startAndExpectRebuild(other);
    assert.equal(dossier.opened.reason, 'index built with fake:hashed-64, now using fake:other-model');
    assert.equal(dossier.info().dimensions, 32);
  });

  it('GIVEN the same model id now producing other dimensions WHEN Dossier starts THEN the dimension mismatch is reported and the index rebuilt', async () => {
    const { dossier, warnings } = await startAndExpectRebuild(new HashedEmbeddings(32, 'fake:hashed-64'));
    assert.ok(
      warnings.some((w) => w.includes('has 64-dimensional vectors but fake:hashed-64 makes 32')),
      warnings.join('\n'),
    );
    assert.equal(dossier.info().dimensions, 32);
  });

  it('GIVEN a damaged current.json pointer WHEN Dossier starts THEN it warns and rebuilds', async () => {
    writeFileSync(join(ws.dataDir, 'current.json'), '{"index": "../../etc"}');
    const { dossier, warnings } = await startAndExpectRebuild();
    assert.equal(dossier.opened.reason, 'index pointer damaged');
    assert.ok(
      warnings.some((w) => w.includes('current.json is damaged')),
      warnings.join('\n'),
    );
  });

  it('GIVEN every index damaged and an unreadable corpus WHEN Dossier starts THEN it fails with the corpus error rather than loading garbage', async () => {
    truncateSync(join(indexDir, 'hnswlib.index'), 10);
    ws.config.corpusDir = join(ws.root, 'no-such-folder');
    await assert.rejects(createDossier(fakeDeps(ws.config)), {
      name: 'CorpusError',
      message: /Cannot read the corpus folder .*no-such-folder/,
    });
    assert.deepEqual(
      readdirSync(ws.dataDir).filter((name) => name.startsWith('.build-')),
      [],
    );
  });
});

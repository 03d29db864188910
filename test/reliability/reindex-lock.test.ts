import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createDossier } from '../../src/core/facade.ts';
import { IndexError } from '../../src/errors.ts';
import { currentIndexDir } from '../../src/index/location.ts';
import { acquireReindexLock } from '../../src/index/reindex-lock.ts';
import { reindex } from '../../src/core/build.ts';
import { fakeDeps, makeWorkspace, type Workspace } from '../core/fakes.ts';
import { spawnReindex, type ReindexChild } from './child.ts';

describe('one reindex at a time per DATA_DIR, across processes', () => {
  let ws: Workspace;
  let child: ReindexChild | undefined;

  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(async () => {
    await child?.kill();
    child = undefined;
    ws.cleanup();
  });

  const reindexHere = () => reindex(fakeDeps(ws.config), undefined);

  it('GIVEN another process reindexing WHEN this one reindexes THEN IndexError(locked) names that process, and once it is done this one can', async () => {
    child = spawnReindex(ws.dataDir, ws.corpusDir, 'locked');
    await child.waitFor(/^PAUSED locked$/);
    const error = await reindexHere().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof IndexError, `expected IndexError, got ${String(error)}`);
    assert.equal(error.reason, 'locked');
    assert.match(
      error.message,
      new RegExp(
        `^Another process \\(pid ${child.process.pid} on ${hostname()}, since \\S+\\) is already reindexing ${ws.dataDir}; wait for it to finish, then try again\\.$`,
      ),
    );

    child.resume();
    assert.match(await child.waitFor(/^(DONE|ERROR)/), /^DONE /);
    await child.exited;
    const { dir } = await reindexHere();
    assert.equal(await currentIndexDir(ws.dataDir), dir);
  });

  it('GIVEN another process writing a build WHEN Dossier starts on the same DATA_DIR THEN it leaves that build alone and the other process promotes it', async () => {
    await createDossier(fakeDeps(ws.config));
    child = spawnReindex(ws.dataDir, ws.corpusDir, 'written:hnswlib.index');
    await child.waitFor(/^PAUSED /);
    const building = readdirSync(ws.dataDir).filter((name) => name.startsWith('.build-'));
    assert.equal(building.length, 1);

    const dossier = await createDossier(fakeDeps(ws.config));
    assert.deepEqual(dossier.opened.removedLeftovers, []);
    assert.deepEqual(
      readdirSync(ws.dataDir).filter((name) => name.startsWith('.build-')),
      building,
    );

    child.resume();
    const done = await child.waitFor(/^(DONE|ERROR)/);
    assert.match(done, /^DONE /);
    assert.equal(await currentIndexDir(ws.dataDir), done.slice('DONE '.length));
  });

  it('GIVEN the lock holder was SIGKILLed a moment ago WHEN this process reindexes THEN it takes the lock over at once', async () => {
    child = spawnReindex(ws.dataDir, ws.corpusDir, 'locked');
    await child.waitFor(/^PAUSED locked$/);
    await child.kill();
    const started = Date.now();
    const { dir } = await reindexHere();
    assert.equal(await currentIndexDir(ws.dataDir), dir);
    assert.ok(Date.now() - started < 5_000, 'no wait for the stale period');
  });

  /** A lock left by a process on another machine (its pid cannot be checked from here), last refreshed `ageMs` ago. */
  function foreignLock(ageMs: number) {
    mkdirSync(ws.dataDir, { recursive: true });
    writeFileSync(join(ws.dataDir, 'reindex.lock'), JSON.stringify({ pid: 4242, host: 'other-host', since: '2024-01-01T00:00:00.000Z' }));
    mkdirSync(join(ws.dataDir, 'reindex.lock.lock'));
    const at = new Date(Date.now() - ageMs);
    utimesSync(join(ws.dataDir, 'reindex.lock.lock'), at, at);
  }

  it('GIVEN a fresh lock held from another host WHEN reindexing THEN IndexError(locked) names that host', async () => {
    foreignLock(1_000);
    await assert.rejects(acquireReindexLock(ws.dataDir), {
      name: 'IndexError',
      reason: 'locked',
      message: `Another process (pid 4242 on other-host, since 2024-01-01T00:00:00.000Z) is already reindexing ${ws.dataDir}; wait for it to finish, then try again.`,
    });
  });

  it('GIVEN a lock from another host not refreshed for longer than the stale period WHEN reindexing THEN it is taken over', async () => {
    foreignLock(10 * 60_000);
    const lock = await acquireReindexLock(ws.dataDir);
    await lock.assertHeld();
    await lock.release();
  });

  it('GIVEN a fresh lock left by an earlier process with this pid on this host (a restarted container) WHEN reindexing THEN it is taken over at once', async () => {
    mkdirSync(join(ws.dataDir, 'reindex.lock.lock'), { recursive: true });
    writeFileSync(
      join(ws.dataDir, 'reindex.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), since: '2024-01-01T00:00:00.000Z' }),
    );
    const lock = await acquireReindexLock(ws.dataDir);
    await lock.assertHeld();
    await lock.release();
  });

  it('GIVEN this process holds the lock WHEN it asks for it again THEN IndexError(locked), and after release it can', async () => {
    const lock = await acquireReindexLock(ws.dataDir);
    await assert.rejects(acquireReindexLock(ws.dataDir), { name: 'IndexError', reason: 'locked' });
    await lock.release();
    await (await acquireReindexLock(ws.dataDir)).release();
  });

  it('GIVEN another process took the lock over while a build ran THEN this process does not crash, the build is discarded and the other lock stays', async () => {
    const lock = await acquireReindexLock(ws.dataDir, 2_000);
    // What a takeover looks like on disk: the lock folder re-created (new mtime) and a new owner record.
    rmSync(join(ws.dataDir, 'reindex.lock.lock'), { recursive: true });
    mkdirSync(join(ws.dataDir, 'reindex.lock.lock'));
    writeFileSync(join(ws.dataDir, 'reindex.lock'), JSON.stringify({ pid: 4242, host: 'other-host', since: 'now' }));
    // proper-lockfile notices at its next refresh (1 s here); its default reaction throws from a timer, killing the process.
    await sleep(1_500);
    await assert.rejects(lock.assertHeld(), { name: 'IndexError', reason: 'locked', message: /took over the reindex lock/ });
    await lock.release();
    assert.ok(readdirSync(ws.dataDir).includes('reindex.lock.lock'), "the other process's lock is left in place");
  });
});

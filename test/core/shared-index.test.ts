import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createDossier } from '../../src/core/facade.ts';
import { acquireReindexLock } from '../../src/index/reindex-lock.ts';
import { ADDED_SOURCE, changeCorpus, fakeDeps, HashedEmbeddings, makeWorkspace, type Workspace } from '../core/fakes.ts';

/** Slow questions, so that one is still in flight when the other facade's index is adopted. */
class SlowQueries extends HashedEmbeddings {
  override async embedQuery(text: string): Promise<number[]> {
    await sleep(200);
    return super.embedQuery(text);
  }
}

describe('two processes sharing one DATA_DIR', () => {
  let ws: Workspace;
  beforeEach(() => (ws = makeWorkspace()));
  afterEach(() => ws.cleanup());

  it('GIVEN two facades on one DATA_DIR WHEN one reindexes THEN the other refreshes onto the same index, and a question it had in flight is answered from the old one', async () => {
    const builder = await createDossier(fakeDeps(ws.config));
    const reader = await createDossier(fakeDeps(ws.config, { embeddings: new SlowQueries() }));
    assert.equal(reader.info().version, builder.info().version);
    changeCorpus(ws);
    const summary = await builder.reindex();
    assert.deepEqual(summary.added, [ADDED_SOURCE]);

    const inFlight = reader.ask('What did the lighthouse keeper see?');
    assert.equal(await reader.refresh(), true);
    assert.equal(await reader.refresh(), false, 'a second refresh finds nothing new');
    assert.equal(reader.info().version, builder.info().version);
    assert.ok(
      !(await inFlight).retrieved.some((r) => r.source === ADDED_SOURCE),
      'the question asked before the switch uses the old index',
    );
    assert.ok((await reader.ask('What did the lighthouse keeper see?')).retrieved.some((r) => r.source === ADDED_SOURCE));
  });

  it('GIVEN another process holding the reindex lock WHEN asked who reindexes THEN its record says who asked and since when; without it, nobody', async () => {
    const dossier = await createDossier(fakeDeps(ws.config));
    assert.equal(await dossier.reindexHolder(), undefined);
    const lock = await acquireReindexLock(ws.dataDir, undefined, '@mod (42) on shard 0');
    try {
      const holder = await dossier.reindexHolder();
      assert.equal(holder?.by, '@mod (42) on shard 0');
      assert.equal(holder?.pid, process.pid);
      assert.match(holder?.since ?? '', /^\d{4}-\d\d-\d\dT/);
      changeCorpus(ws);
      await assert.rejects(dossier.reindex(), { name: 'IndexError', reason: 'locked', message: /requested by @mod \(42\) on shard 0/ });
    } finally {
      await lock.release();
    }
    assert.equal(await dossier.reindexHolder(), undefined);
  });
});

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createDossier } from '../../src/core/facade.ts';
import { loadIndex } from '../../src/index/artifact.ts';
import { currentIndexDir } from '../../src/index/location.ts';
import { ADDED_SOURCE, changeCorpus, fakeDeps, fingerprint, HashedEmbeddings, makeWorkspace, REMOVED_SOURCE } from '../core/fakes.ts';
import { spawnReindex } from './child.ts';

const builds = (dataDir: string) => readdirSync(dataDir).filter((name) => name.startsWith('.build-'));

/**
 * Each case: an index of the original corpus, then the corpus changes and a reindex in a child process is
 * SIGKILLed at one point. The swap happens at 'swapped' (pointer replaced); before it, the old index must stay current.
 */
const KILL_POINTS = [
  { at: 'embedded:16', swapped: false, leavesBuild: true },
  { at: 'written:hnswlib.index', swapped: false, leavesBuild: true },
  { at: 'built', swapped: false, leavesBuild: true },
  { at: 'renamed', swapped: false, leavesBuild: false },
  { at: 'swapped', swapped: true, leavesBuild: false },
];

describe('a reindex process killed with SIGKILL', { concurrency: KILL_POINTS.length }, () => {
  for (const { at, swapped, leavesBuild } of KILL_POINTS) {
    it(`GIVEN a reindex of a changed corpus WHEN killed at ${at} THEN the ${swapped ? 'new' : 'previous'} index loads and the next start cleans up and answers`, async () => {
      const ws = makeWorkspace();
      try {
        await createDossier(fakeDeps(ws.config));
        const previous = (await currentIndexDir(ws.dataDir))!;
        changeCorpus(ws);
        const corpusBefore = fingerprint(ws.corpusDir);

        const child = spawnReindex(ws.dataDir, ws.corpusDir, at);
        await child.waitFor(new RegExp(`^PAUSED ${at}$`));
        await child.kill();

        // The index in use loads as it is, without any repair: the old one, or the new one once the pointer moved.
        const current = (await currentIndexDir(ws.dataDir))!;
        const loaded = await loadIndex(current, new HashedEmbeddings());
        assert.equal(current === previous, !swapped);
        assert.equal(REMOVED_SOURCE in loaded.manifest.files, !swapped);
        assert.equal(ADDED_SOURCE in loaded.manifest.files, swapped);
        assert.equal(builds(ws.dataDir).length > 0, leavesBuild, `left-over .build-* after a kill at ${at}: ${builds(ws.dataDir)}`);
        assert.ok(existsSync(join(ws.dataDir, 'reindex.lock.lock')), 'the dead child still holds the lock');

        // The next start removes the leftovers, takes over the dead child's lock and brings the index up to date.
        const dossier = await createDossier(fakeDeps(ws.config));
        assert.deepEqual(builds(ws.dataDir), []);
        assert.equal(
          dossier.opened.removedLeftovers.some((name) => name.startsWith('.build-')),
          leavesBuild,
        );
        assert.equal(Boolean(dossier.opened.built), !swapped, 'rebuilt unless the swap had happened');
        assert.deepEqual(
          dossier
            .sources()
            .map((s) => s.source)
            .sort(),
          Object.keys(fingerprint(ws.corpusDir)).sort(),
        );
        const answer = await dossier.ask('What did the lighthouse keeper see?');
        assert.equal(answer.citations[0]?.source, ADDED_SOURCE);
        assert.deepEqual(fingerprint(ws.corpusDir), corpusBefore, 'the corpus is never modified');
      } finally {
        ws.cleanup();
      }
    });
  }
});

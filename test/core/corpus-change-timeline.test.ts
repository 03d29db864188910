// Through the facade: adding an article that needs the others to be dated (undated, or a dateline without a year),
// then removing another, on both real corpora; after each change the stored timeline is the one a full
// extraction of the corpus folder gives, and a forced full rebuild writes the same one.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { createDossier } from '../../src/core/facade.ts';
import type { TimelineModule } from '../../src/core/deps.ts';
import { timelineModule } from '../../src/core/open-dossier.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { currentIndexDir } from '../../src/index/location.ts';
import { extractEvents } from '../../src/timeline/extract.ts';
import type { ArticleStoreSnapshot } from '../../src/timeline/stage.ts';
import { loadTimeline } from '../../src/timeline/store.ts';
import { fakeDeps } from './fakes.ts';

const actor = { via: 'cli' as const, id: 'tester' };

async function storedTimeline(dataDir: string): Promise<unknown> {
  return loadTimeline((await currentIndexDir(dataDir))!);
}

async function freshTimeline(corpusDir: string): Promise<unknown> {
  return JSON.parse(JSON.stringify(extractEvents((await loadCorpus(corpusDir, { maxFileBytes: 2_000_000 })).articles)));
}

for (const [corpus, added, removed, why] of [
  ['corpus', '001_8cf058473a78eb62.txt', '004_91ab4689b524ca48.txt', 'an undated article'],
  ['eval/corpus-b', '001_d938fc3105a7ddc0.txt', '003_608a6c86a6d73317.txt', 'a dateline without a year'],
] as const) {
  test(`GIVEN ${corpus} without ${added} (${why}) WHEN it is added and then ${removed} removed THEN each timeline equals a full extraction and a forced rebuild`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-change-timeline-'));
    const corpusDir = join(root, 'corpus');
    const dataDir = join(root, 'data');
    cpSync(corpus, corpusDir, { recursive: true });
    rmSync(join(corpusDir, added));
    const dossier = await createDossier(
      fakeDeps(loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, MAX_FILE_BYTES: '2000000' }), { timeline: timelineModule }),
    );
    try {
      const prepared = await dossier.prepareArticle({ kind: 'file', name: added, bytes: readFileSync(join(corpus, added)) });
      const addition = await dossier.addArticle(prepared, actor);
      assert.deepEqual(addition.timeline.extracted, [prepared.source]);
      const afterAdd = await storedTimeline(dataDir);
      assert.deepEqual(afterAdd, await freshTimeline(corpusDir));

      const removal = await dossier.removeArticle(removed, actor);
      assert.deepEqual(removal.timeline.extracted, []);
      assert.equal(readdirSync(corpusDir).includes(removed), false);
      const afterRemove = await storedTimeline(dataDir);
      assert.deepEqual(afterRemove, await freshTimeline(corpusDir));
      await dossier.reindex({ force: true });
      assert.deepEqual(await storedTimeline(dataDir), afterRemove);
    } finally {
      await dossier.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
}

test('GIVEN a dossier asked to ready its corpus changes WHEN an article is added THEN the change is handed the readied snapshot with its held state, and the timeline equals a full extraction', async () => {
  const root = mkdtempSync(join(tmpdir(), 'dossier-change-timeline-'));
  const corpusDir = join(root, 'corpus');
  const dataDir = join(root, 'data');
  const added = '001_d938fc3105a7ddc0.txt';
  cpSync('eval/corpus-b', corpusDir, { recursive: true });
  rmSync(join(corpusDir, added));
  const handed: (ArticleStoreSnapshot | undefined)[] = [];
  const timeline: TimelineModule = {
    ...timelineModule,
    extract: (articles, reuse, options) => {
      handed.push(options?.held);
      return timelineModule.extract(articles, reuse, options);
    },
  };
  const dossier = await createDossier(
    fakeDeps(loadConfig({ CORPUS_DIR: corpusDir, DATA_DIR: dataDir, MAX_FILE_BYTES: '2000000' }), { timeline }),
  );
  try {
    assert.equal(handed.at(-1), undefined);
    await dossier.prepareChanges();
    const prepared = await dossier.prepareArticle({ kind: 'file', name: added, bytes: readFileSync(join('eval/corpus-b', added)) });
    await dossier.addArticle(prepared, actor);
    // The last extraction is the change's (the first, the build that made the index, had nothing to be handed).
    assert.ok(handed.at(-1)?.heldAssembly);
    assert.deepEqual(await storedTimeline(dataDir), await freshTimeline(corpusDir));
  } finally {
    await dossier.close();
    rmSync(root, { recursive: true, force: true });
  }
});

import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDossier } from '../../src/core/facade.ts';
import { loadIndex } from '../../src/index/artifact.ts';
import { compactIfDue } from '../../src/index/compaction.ts';
import { currentIndexDir } from '../../src/index/location.ts';
import { RECORDS_FILE } from '../../src/index/record-store.ts';
import { fakeDeps, HashedEmbeddings, makeWorkspace } from '../core/fakes.ts';

const ARTICLE =
  '# Lighthouse keeper testifies\n\nA lighthouse keeper told the court he saw the cargo plane land at night without its lights.\n';

test('GIVEN an index changed twice WHEN compacted THEN the log is cleared, new base files replace the old, and a fresh load holds the same content', async () => {
  const ws = makeWorkspace();
  const embeddings = new HashedEmbeddings();
  const dossier = await createDossier(fakeDeps(ws.config, { embeddings }));
  try {
    const prepared = await dossier.prepareArticle({ kind: 'file', name: 'lighthouse.md', bytes: Buffer.from(ARTICLE) });
    await dossier.addArticle(prepared, { via: 'cli', id: 'tester' });
    await dossier.removeArticle('004_91ab4689b524ca48.txt', { via: 'cli', id: 'tester' });
    const dir = (await currentIndexDir(ws.dataDir))!;
    const index = await loadIndex(dir, embeddings);
    const before = {
      sources: index.articles.summaries(),
      hits: index.lexical.search('lighthouse cargo plane', 5),
      chunks: index.chunkCount,
    };

    assert.equal(await compactIfDue(index, 3), false, 'two changes are below a threshold of three');
    assert.equal(await compactIfDue(index, 2), true);
    index.close();

    assert.equal(existsSync(join(dir, 'hnswlib.index')), false);
    assert.equal(existsSync(join(dir, 'hnswlib-2.index')), true);
    const reloaded = await loadIndex(dir, embeddings);
    assert.equal(reloaded.store.changesAfter(0).length, 0);
    assert.deepEqual(
      { sources: reloaded.articles.summaries(), hits: reloaded.lexical.search('lighthouse cargo plane', 5), chunks: reloaded.chunkCount },
      before,
    );
    reloaded.close();
    // The facade that read the old base loads the compacted index again rather than replay a log that is gone.
    assert.ok((await dossier.search('lighthouse keeper cargo plane', 1))[0]?.source.startsWith('lighthouse'));
  } finally {
    await dossier.close();
    ws.cleanup();
  }
});

const numbered = (i: number) =>
  `# Lighthouse keeper ${i} testifies\n\nKeeper number ${i} told the court he saw the cargo plane land at night without its lights.\n`;

test('GIVEN more changes in one process than a compaction takes WHEN the index is loaded again THEN the changes logged after the compaction are replayed: same chunks, and the last added article is found', async () => {
  const ws = makeWorkspace();
  const embeddings = new HashedEmbeddings();
  const dossier = await createDossier(fakeDeps(ws.config, { embeddings }));
  try {
    const actor = { via: 'cli', id: 'tester' } as const;
    // Each cycle logs two changes: the compaction comes at change 50, and changes 51 to 53 are logged after it.
    for (let i = 0; i < 26; i++) {
      const prepared = await dossier.prepareArticle({ kind: 'file', name: `keeper-${i}.md`, bytes: Buffer.from(numbered(i)) });
      const { source } = await dossier.addArticle(prepared, actor);
      await dossier.removeArticle(source, actor);
    }
    const prepared = await dossier.prepareArticle({ kind: 'file', name: 'lighthouse.md', bytes: Buffer.from(ARTICLE) });
    const { source, totalChunks } = await dossier.addArticle(prepared, actor);
    assert.ok((await dossier.search('lighthouse keeper cargo plane', 1))[0]?.source === source, 'this process finds the article');
    await dossier.close();

    const dir = (await currentIndexDir(ws.dataDir))!;
    const reloaded = await loadIndex(dir, embeddings);
    try {
      assert.ok(Number(reloaded.store.meta('baseSeq')) >= 50, 'a compaction happened');
      assert.equal(reloaded.seq, 53);
      assert.equal(reloaded.chunkCount, totalChunks);
      const [hit] = reloaded.dense.search(await embeddings.embedQuery(ARTICLE), 1, 50, reloaded.chunkCount);
      assert.equal(reloaded.chunk(hit!.row)?.source, source);
    } finally {
      reloaded.close();
    }
  } finally {
    await dossier.close();
    ws.cleanup();
  }
});

test('GIVEN an index whose changes after a compaction were logged at seqs from 1 again (as before the fix) WHEN loaded THEN they are renumbered past the base and replayed', async () => {
  const ws = makeWorkspace();
  const embeddings = new HashedEmbeddings();
  const actor = { via: 'cli', id: 'tester' } as const;
  try {
    const first = await createDossier(fakeDeps(ws.config, { embeddings }));
    const keeper = await first.prepareArticle({ kind: 'file', name: 'keeper.md', bytes: Buffer.from(numbered(1)) });
    await first.removeArticle((await first.addArticle(keeper, actor)).source, actor);
    await first.close();
    const dir = (await currentIndexDir(ws.dataDir))!;
    const index = await loadIndex(dir, embeddings);
    assert.equal(await compactIfDue(index, 2), true);
    index.close();
    const second = await createDossier(fakeDeps(ws.config, { embeddings }));
    const prepared = await second.prepareArticle({ kind: 'file', name: 'lighthouse.md', bytes: Buffer.from(ARTICLE) });
    const { source } = await second.addArticle(prepared, actor);
    const { totalChunks } = await second.removeArticle('004_91ab4689b524ca48.txt', actor);
    await second.close();
    // The two changes as the old numbering logged them: 1 and 2, not 3 and 4 past the base's 2.
    const db = new Database(join(dir, RECORDS_FILE));
    db.prepare('UPDATE changes SET seq = seq - 2').run();
    db.close();

    const reloaded = await loadIndex(dir, embeddings);
    try {
      assert.deepEqual(
        reloaded.store.changesAfter(0).map((change) => change.seq),
        [3, 4],
      );
      assert.equal(reloaded.seq, 4);
      assert.equal(reloaded.chunkCount, totalChunks);
      const [hit] = reloaded.dense.search(await embeddings.embedQuery(ARTICLE), 1, 50, reloaded.chunkCount);
      assert.equal(reloaded.chunk(hit!.row)?.source, source);
      assert.equal(reloaded.articles.get('004_91ab4689b524ca48.txt'), undefined);
    } finally {
      reloaded.close();
    }
  } finally {
    ws.cleanup();
  }
});

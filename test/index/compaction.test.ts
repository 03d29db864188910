import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDossier } from '../../src/core/facade.ts';
import { loadIndex } from '../../src/index/artifact.ts';
import { compactIfDue } from '../../src/index/compaction.ts';
import { currentIndexDir } from '../../src/index/location.ts';
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

// What an index's assembly holds in memory between its changes (`HeldAssembly`, carried by the snapshot of its
// stored extractions) belongs to that index: two indexes changed in turn in one process each count only their
// own change, and an index reopened (no snapshot held) starts a new one and gives the same timeline.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Article } from '../../src/corpus/types.ts';
import { assembleTimeline } from '../../src/timeline/assemble.ts';
import { extractArticle } from '../../src/timeline/read-article.ts';
import { buildTimeline, saveTimelineBuild, type ArticleStoreSnapshot } from '../../src/timeline/stage.ts';
import { stored } from './tunnel-articles.ts';

interface Index {
  articles: Article[];
  dir: string;
  held: ArticleStoreSnapshot;
  fullRebuild: (kept: Article[]) => unknown;
}

async function openIndex(corpus: string): Promise<Index> {
  const { articles } = await loadCorpus(corpus, { maxFileBytes: 10_000_000 });
  const fresh = new Map(articles.map((article) => [article.source, extractArticle(article)]));
  const dir = mkdtempSync(join(tmpdir(), 'held-assembly-'));
  await saveTimelineBuild(dir, await buildTimeline(articles));
  // The first build from the index directory starts the index's held assembly (counting every article).
  const { snapshot: held } = await saveTimelineBuild(dir, await buildTimeline(articles, dir, { incremental: true }));
  return { articles, dir, held, fullRebuild: (kept) => stored(assembleTimeline(kept.map((article) => fresh.get(article.source)!))) };
}

/** One change of `index` to `articles` from its held snapshot; the snapshot it leaves is held for the next. */
async function change(index: Index, articles: Article[]) {
  const build = await buildTimeline(articles, index.dir, { incremental: true, held: index.held });
  index.held = (await saveTimelineBuild(index.dir, build)).snapshot;
  return build;
}

test('GIVEN two indexes open in one process WHEN they are changed in turn THEN each timeline equals a full rebuild and each held tally counts only its own change', async () => {
  const indexes = [await openIndex('corpus'), await openIndex('eval/corpus-b')];
  try {
    const [a, b] = indexes as [Index, Index];
    assert.ok(a.held.heldAssembly && b.held.heldAssembly);
    assert.notEqual(a.held.heldAssembly, b.held.heldAssembly);
    for (let round = 0; round < 3; round++) {
      for (const index of indexes) {
        const tally = index.held.heldAssembly!.surnames;
        const counted = tally.counted;
        const gone = index.articles[round]!;
        const without = index.articles.filter((article) => article !== gone);
        const removed = await change(index, without);
        assert.deepEqual(stored(removed.events), index.fullRebuild(without), `removing ${gone.source}`);
        const added = await change(index, index.articles);
        assert.deepEqual(stored(added.events), index.fullRebuild(index.articles), `adding ${gone.source} back`);
        // The same held state throughout, which counted the article taken out and the one put back, nothing else.
        assert.equal(index.held.heldAssembly!.surnames, tally);
        assert.equal(tally.counted - counted, 2, `${gone.source}: the other index's changes were not counted here`);
      }
    }
  } finally {
    for (const index of indexes) rmSync(index.dir, { recursive: true, force: true });
  }
});

test('GIVEN an index changed from its held state WHEN it is reopened (no snapshot held) and changed again THEN the change starts a new held state and gives the timeline the held one gives', async () => {
  const index = await openIndex('eval/corpus-b');
  try {
    const without = index.articles.slice(1);
    const viaHeld = await buildTimeline(without, index.dir, { incremental: true, held: index.held });
    const reopened = await buildTimeline(without, index.dir, { incremental: true });
    assert.ok(reopened.held);
    assert.notEqual(reopened.held, index.held.heldAssembly);
    assert.deepEqual(stored(reopened.events), stored(viaHeld.events));
    assert.deepEqual(stored(reopened.events), index.fullRebuild(without));
    // The reopened index's next change holds what this one left.
    const { snapshot } = await saveTimelineBuild(index.dir, reopened);
    assert.equal(snapshot.heldAssembly, reopened.held);
    const next = await buildTimeline(index.articles, index.dir, { incremental: true, held: snapshot });
    assert.equal(next.held, reopened.held);
    assert.deepEqual(stored(next.events), index.fullRebuild(index.articles));
  } finally {
    rmSync(index.dir, { recursive: true, force: true });
  }
});

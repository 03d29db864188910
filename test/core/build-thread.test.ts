import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ReindexProgress } from '../../src/core/dossier.ts';
import { reindex } from '../../src/core/build.ts';
import { CorpusError } from '../../src/errors.ts';
import { loadIndex } from '../../src/index/artifact.ts';
import { fakeDeps, makeWorkspace } from './fakes.ts';
import { STAGE_FILE } from '../fixtures/thread-timeline-stage.ts';

const timelineStage = new URL('../fixtures/thread-timeline-stage.ts', import.meta.url).href;
const mainThreadTimeline = {
  extract: () => Promise.reject(new Error('the main thread extracted the timeline')),
  save: () => Promise.reject(new Error('the main thread saved the timeline')),
};

test('GIVEN a corpus WHEN it is built in the build thread THEN the thread reads, extracts and writes it, the main thread gets progress and turns of its event loop, and the index matches an in-process build', async () => {
  const threaded = makeWorkspace();
  const here = makeWorkspace();
  try {
    const phases: ReindexProgress['phase'][] = [];
    let ticks = 0;
    let ticksAtFirstProgress: number | undefined;
    const timer = setInterval(() => ticks++, 1);
    const deps = fakeDeps(threaded.config, {
      buildThread: { timelineStage },
      timeline: { ...fakeDeps(threaded.config).timeline, ...mainThreadTimeline },
    });
    const built = await reindex(deps, undefined, (progress) => {
      ticksAtFirstProgress ??= ticks;
      if (phases.at(-1) !== progress.phase) phases.push(progress.phase);
    }).finally(() => clearInterval(timer));
    assert.deepEqual(phases, ['scanning', 'embedding', 'timeline', 'writing', 'swapping', 'done']);
    // The main thread's timer kept firing while the thread built (the build never held its event loop throughout).
    assert.ok(ticks > ticksAtFirstProgress!, `timer ticks during the build: ${ticks - ticksAtFirstProgress!}`);
    const stage = JSON.parse(readFileSync(join(built.dir, STAGE_FILE), 'utf8')) as { isMainThread: boolean; articles: number };
    assert.equal(stage.isMainThread, false);

    const inProcess = await reindex(fakeDeps(here.config), undefined);
    assert.equal(stage.articles, built.summary.added.length);
    assert.deepEqual({ ...built.summary, ms: 0 }, { ...inProcess.summary, ms: 0 });
    const embeddings = deps.embeddings;
    const [a, b] = await Promise.all([loadIndex(built.dir, embeddings), loadIndex(inProcess.dir, embeddings)]);
    try {
      assert.deepEqual([...a.articles.values()], [...b.articles.values()]);
      assert.deepEqual(
        a.sentenceIds().map((id) => Array.from(a.sentenceVector(id))),
        b.sentenceIds().map((id) => Array.from(b.sentenceVector(id))),
      );
      assert.deepEqual(a.lexical.search('Bangkok arrested', 5), b.lexical.search('Bangkok arrested', 5));
      const query = Array.from(b.sentenceVector(0));
      assert.deepEqual(a.dense.search(query, 3, 16, 3), b.dense.search(query, 3, 16, 3));
      assert.deepEqual({ ...a.manifest, builtAt: '', buildMs: 0, stamps: {} }, { ...b.manifest, builtAt: '', buildMs: 0, stamps: {} });
    } finally {
      a.close();
      b.close();
    }
  } finally {
    threaded.cleanup();
    here.cleanup();
  }
});

test('GIVEN an empty corpus WHEN it is built in the build thread THEN the typed error the in-process build throws reaches the caller', async () => {
  const ws = makeWorkspace({ empty: true });
  try {
    await assert.rejects(reindex(fakeDeps(ws.config, { buildThread: { timelineStage } }), undefined), (error: unknown) => {
      assert.ok(error instanceof CorpusError);
      assert.match(error.message, /no readable \.txt or \.md articles/);
      return true;
    });
  } finally {
    ws.cleanup();
  }
});

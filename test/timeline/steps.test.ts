// An assembly written as steps (`steps.ts`) gives the same timeline whether it runs at once or in slices with turns
// of the event loop between them (how a running process readies its first change while it answers questions).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.ts';
import { AssemblyMemo } from '../../src/timeline/assembly-memo.ts';
import { assembleIncrementally, assemblySteps } from '../../src/timeline/assembly-state.ts';
import { extractArticle } from '../../src/timeline/read-article.ts';
import { runSteps, runStepsPaced, type Steps } from '../../src/timeline/steps.ts';
import { stored } from './tunnel-articles.ts';

function* counting(to: number, seen: number[]): Steps<number> {
  for (let i = 0; i < to; i++) {
    seen.push(i);
    yield;
  }
  return to * 10;
}

test('GIVEN steps WHEN run at once or paced with no time per slice THEN both give the same value, the paced run pausing after every step', async () => {
  const once: number[] = [];
  assert.equal(runSteps(counting(4, once)), 40);
  const paced: number[] = [];
  let pauses = 0;
  const value = await runStepsPaced(counting(4, paced), async () => void pauses++, 0);
  assert.deepEqual([value, paced, pauses], [40, once, 4]);
});

test('GIVEN the articles of corpus/ WHEN assembled paced, a turn of the event loop after every step THEN the timeline and state are those of an assembly at once, and the event loop got many turns', async () => {
  const { articles } = await loadCorpus('corpus', { maxFileBytes: 10_000_000 });
  const records = articles.map(extractArticle);
  const whole = assembleIncrementally(records, new AssemblyMemo(records));
  let turns = 0;
  const pause = () => new Promise<void>((resolve) => setImmediate(() => resolve(void turns++)));
  const paced = await runStepsPaced(assemblySteps(records, new AssemblyMemo(records)), pause, 0);
  assert.deepEqual(stored(paced.events), stored(whole.events));
  assert.deepEqual(paced.state, whole.state);
  // Dating, linking, each year merged, joining across years and the merged events: a turn between each.
  assert.ok(turns > 10, `${turns} turns`);
});

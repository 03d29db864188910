import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Semaphore } from '../../src/discord/semaphore.ts';

test('GIVEN a limit of 2 WHEN 5 tasks start together THEN at most 2 run at once and all finish in arrival order of slots', async () => {
  const semaphore = new Semaphore(2);
  let running = 0;
  let peak = 0;
  const started: number[] = [];
  const releases: (() => void)[] = [];
  const tasks = [0, 1, 2, 3, 4].map((i) =>
    semaphore.run(async () => {
      started.push(i);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
      return i;
    }),
  );
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual([semaphore.active, semaphore.waiting, started], [2, 3, [0, 1]]);
  while (releases.length) {
    releases.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.deepEqual(await Promise.all(tasks), [0, 1, 2, 3, 4]);
  assert.deepEqual([peak, started, semaphore.active, semaphore.waiting], [2, [0, 1, 2, 3, 4], 0, 0]);
});

test('GIVEN a task that throws WHEN it settles THEN its slot is freed for the next one', async () => {
  const semaphore = new Semaphore(1);
  await assert.rejects(
    semaphore.run(async () => Promise.reject(new Error('boom'))),
    /boom/,
  );
  assert.equal(await semaphore.run(async () => 'next'), 'next');
  assert.equal(semaphore.active, 0);
});

test('GIVEN a limit of 0 WHEN constructed THEN it is refused', () => {
  assert.throws(() => new Semaphore(0), RangeError);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cooldowns } from '../../src/discord/cooldown.ts';

test('GIVEN a 5 s cooldown WHEN a user asks twice within it THEN the second is told the seconds left, and after it they may ask again', () => {
  let now = 10_000;
  const cooldowns = new Cooldowns(5, () => now);
  assert.equal(cooldowns.take('alice'), 0);
  now += 1_200;
  assert.equal(cooldowns.take('alice'), 4);
  assert.equal(cooldowns.take('bob'), 0);
  now += 3_800;
  assert.equal(cooldowns.take('alice'), 0);
});

test('GIVEN a cooldown of 0 WHEN a user asks repeatedly THEN they are never held back', () => {
  const cooldowns = new Cooldowns(0);
  assert.deepEqual([cooldowns.take('a'), cooldowns.take('a'), cooldowns.take('a')], [0, 0, 0]);
});

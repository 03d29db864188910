import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedMap } from '../../src/discord/memory.ts';

test('GIVEN a map of 2 entries WHEN a third is set THEN the oldest is forgotten', () => {
  const map = new BoundedMap<string, number>(2);
  map.set('a', 1);
  map.set('b', 2);
  map.set('c', 3);
  assert.deepEqual([map.get('a'), map.get('b'), map.get('c')], [undefined, 2, 3]);
});

test('GIVEN a 15-minute lifetime WHEN an entry is read after it THEN it is gone', () => {
  let now = 0;
  const map = new BoundedMap<string, string>(10, 15 * 60_000, () => now);
  map.set('page', 'x');
  now = 15 * 60_000;
  assert.equal(map.get('page'), 'x');
  now += 1;
  assert.equal(map.get('page'), undefined);
});

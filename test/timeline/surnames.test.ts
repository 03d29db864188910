import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleTimeline } from '../../src/timeline/article-timeline.ts';
import { SurnameTally, surnameLinks } from '../../src/timeline/surnames.ts';

const article = (source: string, names: Record<string, number>): ArticleTimeline => ({
  source,
  checksum: source,
  events: [],
  pending: [],
  names,
});

const a = article('a.txt', { 'Viktor Bout': 3, 'John Kerry': 1 });
const b = article('b.txt', { 'Alla Bout': 2 });
const c = article('c.txt', { 'Alla Bout': 2, 'Sergei Lavrov': 1 });
const tally = new SurnameTally();
const links = (records: ArticleTimeline[], on = tally) => Object.fromEntries([...on.links(records)].sort());

test('GIVEN articles naming people in full WHEN linked THEN each surname goes to the full name used most, alphabetically first on a tie', () => {
  assert.deepEqual(links([a, b]), { Bout: 'Viktor Bout', Kerry: 'John Kerry' });
  assert.deepEqual(links([article('x.txt', { 'Viktor Bout': 2 }), article('y.txt', { 'Alla Bout': 2 })]), { Bout: 'Alla Bout' });
});

test('GIVEN a corpus linked before WHEN articles are added, removed and added back THEN each time the links are those the corpus counted from nothing gives', () => {
  assert.deepEqual(links([a, b]), { Bout: 'Viktor Bout', Kerry: 'John Kerry' });
  // Alla Bout is now named four times to Viktor's three.
  assert.deepEqual(links([a, b, c]), { Bout: 'Alla Bout', Kerry: 'John Kerry', Lavrov: 'Sergei Lavrov' });
  assert.deepEqual(links([a, b]), { Bout: 'Viktor Bout', Kerry: 'John Kerry' });
  // The only article naming Kerry gone, his surname links to no one.
  assert.deepEqual(links([b, c]), { Bout: 'Alla Bout', Lavrov: 'Sergei Lavrov' });
  // A copy of an article's record (the memo an assembly adds) shares its names: it counts as the same article.
  assert.deepEqual(links([{ ...a, memo: {} }, b, c]), { Bout: 'Alla Bout', Kerry: 'John Kerry', Lavrov: 'Sergei Lavrov' });
  // Another corpus altogether, and the same table twice (two articles with one table), count as they are.
  const twice = { 'Viktor Bout': 1 };
  assert.deepEqual(links([article('p.txt', twice), article('q.txt', twice), article('r.txt', { 'Alla Bout': 1 })]), {
    Bout: 'Viktor Bout',
  });
  assert.deepEqual(links([article('p.txt', twice), article('r.txt', { 'Alla Bout': 1 })]), { Bout: 'Alla Bout' });
  assert.deepEqual(links([]), {});
});

test('GIVEN two tallies (two indexes) WHEN their corpora are linked in turn THEN each gives what counting from nothing gives, and counts only what its own corpus changed', () => {
  const [first, second] = [new SurnameTally(), new SurnameTally()];
  assert.deepEqual(links([a, b], first), { Bout: 'Viktor Bout', Kerry: 'John Kerry' });
  assert.deepEqual(links([c], second), { Bout: 'Alla Bout', Lavrov: 'Sergei Lavrov' });
  assert.deepEqual([first.counted, second.counted], [2, 1]);
  assert.deepEqual(links([a, b, c], first), Object.fromEntries([...surnameLinks([a, b, c])].sort()));
  assert.deepEqual(links([b, c], second), { Bout: 'Alla Bout', Lavrov: 'Sergei Lavrov' });
  // One article more for each: one table counted by each, where one tally for both would recount each corpus.
  assert.deepEqual([first.counted, second.counted], [3, 2]);
});

test('GIVEN a tally WHEN a corpus is linked after another THEN it names the surnames linked otherwise than the call before (none known when it counted from nothing)', () => {
  const own = new SurnameTally();
  links([a, b], own);
  assert.equal(own.changed, undefined);
  links([a, b, c], own);
  // Alla Bout overtakes Viktor Bout; Lavrov is linked anew; Kerry stays.
  assert.deepEqual([...own.changed!].sort(), ['Bout', 'Lavrov']);
  links([a, b, c], own);
  assert.deepEqual([...own.changed!], []);
  links([b, c], own);
  assert.deepEqual([...own.changed!], ['Kerry']);
});

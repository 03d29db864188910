import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleTimeline } from '../../src/timeline/article-timeline.ts';
import { AssemblyMemo } from '../../src/timeline/assembly-memo.ts';
import type { Pending } from '../../src/timeline/pin.ts';

const pendingItem = (text: string) => ({ text: { clause: text } }) as unknown as Pending;
const record = (source: string, pending: Pending[] = [], memo?: Record<string, unknown>): ArticleTimeline => ({
  source,
  checksum: source,
  events: [],
  pending,
  names: {},
  ...(memo ? { memo } : {}),
});

test('GIVEN a key computed once WHEN recalled again in the same assembly THEN it is not computed again, and it is stored with its record', () => {
  const article = record('a.txt');
  const memo = new AssemblyMemo([article]);
  let runs = 0;
  const compute = () => (runs++, { first: 3, last: 9 });
  assert.deepEqual(memo.recall(article, 'span|2008-03-06', compute), { first: 3, last: 9 });
  assert.deepEqual(memo.recall(article, 'span|2008-03-06', compute), { first: 3, last: 9 });
  assert.equal(runs, 1);
  assert.equal(memo.misses, 1);
  assert.deepEqual(memo.records()[0]!.memo, { 'span|2008-03-06': { first: 3, last: 9 } });
});

test('GIVEN a stored record WHEN the next assembly asks for a key it holds THEN it is recalled; keys this assembly did not use are not kept', () => {
  const stored = record('a.txt', [], { 'redate|2008-03-07': [null], 'redate|2009-03-07': [{ date: '2009-03-05', precision: 'day' }] });
  const memo = new AssemblyMemo([stored]);
  const recalled = memo.recall(stored, 'redate|2009-03-07', () => assert.fail('a stored result is not computed again'));
  assert.deepEqual(recalled, [{ date: '2009-03-05', precision: 'day' }]);
  assert.equal(memo.misses, 0);
  assert.deepEqual(memo.records()[0]!.memo, { 'redate|2009-03-07': [{ date: '2009-03-05', precision: 'day' }] });
});

test('GIVEN no result (undefined) WHEN stored THEN it is kept as null for JSON and given back as undefined', () => {
  const item = pendingItem('Police arrested him on Thursday');
  const article = record('c.txt', [pendingItem('first'), item]);
  const memo = new AssemblyMemo([article]);
  assert.equal(
    memo.recall(item, 'window|1|2', () => undefined),
    undefined,
  );
  // A pending item's keys are kept under its place in the record.
  const [saved] = memo.records();
  assert.deepEqual(saved!.memo, { 'p1|window|1|2': null });
  const next = new AssemblyMemo([saved!]);
  assert.equal(
    next.recall(saved!.pending[1]!, 'window|1|2', () => assert.fail('recalled, not computed')),
    undefined,
  );
});

test('GIVEN an owner the memo does not know WHEN recalled THEN it is computed each time and stored nowhere', () => {
  const memo = new AssemblyMemo([record('a.txt')]);
  let runs = 0;
  memo.recall({}, 'k', () => runs++);
  memo.recall({}, 'k', () => runs++);
  assert.equal(runs, 2);
  assert.deepEqual(memo.records()[0]!.memo, {});
});

test('GIVEN a stored record WHEN the next assembly recalls every result it holds and computes none THEN it is given back as the same object; else as a new one', () => {
  const stored = record('a.txt', [], { 'redate|2008-03-07': [null] });
  const same = new AssemblyMemo([stored]);
  same.recall(stored, 'redate|2008-03-07', () => assert.fail('stored'));
  assert.equal(same.records()[0], stored);
  const more = new AssemblyMemo([stored]);
  more.recall(stored, 'redate|2008-03-07', () => assert.fail('stored'));
  more.recall(stored, 'redate|2009-03-07', () => [null]);
  assert.notEqual(more.records()[0], stored);
  assert.deepEqual(more.records()[0]!.memo, { 'redate|2008-03-07': [null], 'redate|2009-03-07': [null] });
  const fewer = new AssemblyMemo([stored]);
  assert.notEqual(fewer.records()[0], stored);
  assert.deepEqual(fewer.records()[0]!.memo, {});
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleTimeline } from '../../src/timeline/article-timeline.ts';
import { buildTimeline } from '../../src/timeline/stage.ts';
import { recordWellFormed, stateWellFormed } from '../../src/timeline/stored-shape.ts';
import { makeArticle } from './make-article.ts';

const article = makeArticle('first.txt', 'The tunnel under the estuary opened on 4 March 2019, the operator said.', '2019-03-05');

test('GIVEN what a build stores WHEN checked THEN the record and the state are well formed', async () => {
  const { records, assembly } = await buildTimeline([article]);
  assert.equal(recordWellFormed(JSON.parse(JSON.stringify(records[0]))), true);
  assert.equal(stateWellFormed(JSON.parse(JSON.stringify(assembly))), true);
});

test('GIVEN a record whose date readings are not a table, or a state without word weights, WHEN checked THEN neither is well formed', async () => {
  const { records, assembly } = await buildTimeline([article]);
  assert.equal(recordWellFormed({ ...records[0]!, memo: ['not', 'a', 'table'] } as unknown as ArticleTimeline), false);
  assert.equal(recordWellFormed(null as unknown as ArticleTimeline), false);
  assert.equal(stateWellFormed({ ...assembly!, weights: undefined }), false);
  assert.equal(stateWellFormed(undefined), false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStateSection, stateFromRows, stateRows } from '../../src/timeline/assembly-state-rows.ts';
import { buildTimeline } from '../../src/timeline/stage.ts';
import { makeArticle } from './make-article.ts';

const first = makeArticle('first.txt', 'The tunnel under the estuary opened on 4 March 2019, the operator said.', '2019-03-05');
const second = makeArticle('second.txt', 'Engineers closed the estuary tunnel on Monday after a leak.');

test('GIVEN an assembly state WHEN stored as rows and read back THEN it is the same state, each article its own sizes row', async () => {
  const { assembly } = await buildTimeline([first, second]);
  const rows = stateRows(assembly!);
  assert.deepEqual(
    rows.filter((row) => row.section === 'sizes').map((row) => row.key),
    ['first.txt', 'second.txt'],
  );
  assert.ok(rows.every((row) => isStateSection(row.section)));
  assert.deepEqual(stateFromRows(JSON.parse(JSON.stringify(rows))), JSON.parse(JSON.stringify(assembly)));
});

test('GIVEN no state rows WHEN read back THEN there is no state, and an article row is not a state section', () => {
  assert.equal(stateFromRows([]), undefined);
  assert.equal(isStateSection('article'), false);
  assert.equal(isStateSection('meta'), false);
});

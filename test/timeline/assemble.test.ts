import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assembleTimeline } from '../../src/timeline/assemble.ts';
import { extractArticle } from '../../src/timeline/read-article.ts';
import { makeArticle } from './make-article.ts';

test('GIVEN two articles read apart WHEN assembled THEN one report of the same happening merges and a surname used alone links to the full name', () => {
  const a = extractArticle(makeArticle('a.txt', 'Harbour master Ola Brekke was arrested in Tromso on 3 May 2019.', '2019-05-04'));
  const b = extractArticle(makeArticle('b.txt', 'Brekke was arrested in Tromso on May 3, 2019, police said.', '2019-05-06'));
  const [event] = assembleTimeline([a, b]).filter((item) => item.date === '2019-05-03');
  assert.deepEqual(
    event!.sources.map((source) => source.source),
    ['a.txt', 'b.txt'],
  );
  assert.deepEqual(event!.people, ['Ola Brekke']);
});

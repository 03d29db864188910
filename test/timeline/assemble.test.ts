import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assembleTimeline, linkSurnames } from '../../src/timeline/assemble.ts';
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

test('GIVEN a corpus assembled twice WHEN surnames are linked THEN an event whose people stay as they are is the same object, and a linked one is the same copy while its links are', () => {
  const a = extractArticle(makeArticle('a.txt', 'John Kerry flew to Geneva on 2 May 2013.', '2013-05-04'));
  const b = extractArticle(makeArticle('b.txt', 'Lavrov met Kerry in Geneva on May 3, 2013.', '2013-05-06'));
  const c = extractArticle(makeArticle('c.txt', 'The port of Tromso reopened on 1 May 2019.', '2019-05-02'));
  assert.deepEqual(b.events[0]!.people, ['Kerry']);
  assert.deepEqual(c.events[0]!.people, []);
  const events = [...b.events, ...c.events];
  const [first, again] = [linkSurnames([a, b, c], events), linkSurnames([a, b, c], events)];
  assert.deepEqual(first[0]!.people, ['John Kerry']);
  assert.notEqual(first[0], b.events[0]);
  assert.equal(again[0], first[0]);
  assert.equal(first[1], c.events[0]);
  // Without the article naming him in full, the surname stays alone: the event is given as it is.
  assert.equal(linkSurnames([b, c], b.events)[0], b.events[0]);
});

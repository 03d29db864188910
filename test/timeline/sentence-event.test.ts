import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Entities } from '../../src/timeline/entities.ts';
import { findDateMentions } from '../../src/timeline/resolve-date.ts';
import { sentenceEvent } from '../../src/timeline/sentence-event.ts';
import { clauseVerbs } from '../../src/timeline/similarity.ts';
import { makeArticle, statedIn, textOf } from './make-article.ts';

test('GIVEN "Prosecutors said Viktor Bout was arrested in Bangkok in 2008." THEN its event is a statement dated 2008, naming Bout and Bangkok, quoting the sentence', () => {
  const article = makeArticle(
    'a.txt',
    'The court met on Monday. Prosecutors said Viktor Bout was arrested in Bangkok in 2008.',
    '2012-04-08',
  );
  const sentence = article.sentences[1]!;
  const [mention] = findDateMentions(sentence.text, '2012-04-08');
  const event = sentenceEvent(
    statedIn(article, sentence, new Entities(article.sentences.map((s) => s.text))),
    mention!,
    textOf(sentence.text, mention!),
    { date: '2008', precision: 'year' },
  );
  assert.deepEqual(event, {
    id: `a.txt#${sentence.start + sentence.text.indexOf('2008')}`,
    date: '2008',
    precision: 'year',
    approximate: false,
    summary: 'Prosecutors said Viktor Bout was arrested in Bangkok',
    kind: 'said',
    people: ['Viktor Bout'],
    places: ['Bangkok'],
    sources: [{ source: 'a.txt', quote: sentence.text, start: sentence.start, end: sentence.end }],
    clause: sentence.text,
    verbs: clauseVerbs(sentence.text),
    expression: '2008',
  });
});

test('GIVEN a scheduled relative date with its reference THEN the event is scheduled and keeps the resolution and the reference', () => {
  const article = makeArticle('a.txt', 'He will appear in court on Monday.', '2012-04-08');
  const sentence = article.sentences[0]!;
  const [mention] = findDateMentions(sentence.text, '2012-04-08');
  const dated = {
    date: '2012-04-09',
    precision: 'day' as const,
    resolution: '“on Monday” counted from 2012-04-08',
    reference: '2012-04-08',
  };
  const event = sentenceEvent(statedIn(article, sentence, new Entities([])), mention!, textOf(sentence.text, mention!), dated);
  assert.equal(event.kind, 'scheduled');
  assert.equal(event.resolution, dated.resolution);
  assert.equal(event.reference, '2012-04-08');
  assert.equal(event.expression, 'on Monday');
});

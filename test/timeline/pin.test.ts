import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Entities } from '../../src/timeline/entities.ts';
import { pinUndated, type Pending } from '../../src/timeline/pin.ts';
import { findDateMentions } from '../../src/timeline/resolve-date.ts';
import { sentenceEvent } from '../../src/timeline/sentence-event.ts';
import { Similarity } from '../../src/timeline/similarity.ts';
import { makeArticle, statedIn, textOf } from './make-article.ts';

test('GIVEN an undated article saying "on Thursday" of an arrest another article dates 2008-03-06 THEN it is pinned to that day, and its "on Monday" to the likeliest Monday after', () => {
  const entities = new Entities([]);
  const dated = makeArticle('b.txt', 'Police arrested Viktor Bout in Bangkok on March 6, 2008.', '2008-03-07');
  const [datedMention] = findDateMentions(dated.sentences[0]!.text, '2008-03-07');
  const arrest = sentenceEvent(
    statedIn(dated, dated.sentences[0]!, entities),
    datedMention!,
    textOf(dated.sentences[0]!.text, datedMention!),
    { date: '2008-03-06', precision: 'day' },
  );
  const undated = makeArticle('c.txt', 'Police arrested Viktor Bout in Bangkok on Thursday. He will appear in court on Monday.');
  const pending: Pending[] = undated.sentences.map((sentence) => {
    const [mention] = findDateMentions(sentence.text);
    return { stated: statedIn(undated, sentence, entities), mention: mention!, text: textOf(sentence.text, mention!) };
  });
  const similarity = new Similarity([arrest, ...pending.map((item) => ({ clause: item.text.clause }))]);
  const pinned = pinUndated(pending, [arrest], similarity);
  assert.deepEqual(
    pinned.map((e) => [e.expression, e.date, e.approximate, e.kind]),
    [
      ['on Thursday', '2008-03-06', false, 'occurred'],
      ['on Monday', '2008-03-10', true, 'scheduled'],
    ],
  );
  assert.equal(
    pinned[0]!.resolution,
    'c.txt is undated but appeared between 2008-03-06 and 2008-03-12 (it dates “on Thursday” what b.txt dates 2008-03-06); “on Thursday” gives 2008-03-06 on every one of those days',
  );
});

test('GIVEN an undated article whose events no other article dates THEN nothing is pinned', () => {
  const undated = makeArticle('c.txt', 'The harbour closed on Thursday.');
  const sentence = undated.sentences[0]!;
  const [mention] = findDateMentions(sentence.text);
  const pending: Pending[] = [
    { stated: statedIn(undated, sentence, new Entities([])), mention: mention!, text: textOf(sentence.text, mention!) },
  ];
  assert.deepEqual(pinUndated(pending, [], new Similarity([{ clause: sentence.text }])), []);
});

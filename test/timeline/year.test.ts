import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../../src/corpus/types.ts';
import { Entities } from '../../src/timeline/entities.ts';
import { findDateMentions } from '../../src/timeline/resolve-date.ts';
import { sentenceEvent } from '../../src/timeline/sentence-event.ts';
import { inferYear } from '../../src/timeline/year.ts';
import { makeArticle, statedIn, textOf } from './make-article.ts';

/** The events of an article read against a date of writing, relative ones marked with it. */
const eventsOf = (article: Article, reference?: string) =>
  article.sentences.flatMap((sentence) =>
    findDateMentions(sentence.text, reference)
      .filter((mention) => mention.date)
      .map((mention) =>
        sentenceEvent(statedIn(article, sentence, new Entities([])), mention, textOf(sentence.text, mention), {
          date: mention.date!,
          precision: mention.precision!,
          reference: mention.relative ? reference : undefined,
        }),
      ),
  );
const MARCH_7 = { month: 3, day: 7, text: 'MOSCOW, March 7' };

test('GIVEN a dateline "March 7" whose "on Thursday" another article dates 2008-03-06 THEN the year is 2008, and certain', () => {
  const others = eventsOf(makeArticle('b.txt', 'Police arrested Viktor Bout in Bangkok on March 6, 2008.', '2008-03-07'), '2008-03-07');
  const wire = makeArticle('w.txt', 'MOSCOW, March 7. Police arrested Viktor Bout in Bangkok on Thursday.');
  assert.deepEqual(
    inferYear(wire.source, MARCH_7, others, (reference) => eventsOf(wire, reference)),
    {
      year: 2008,
      approximate: false,
      note: 'the dateline “MOSCOW, March 7” gives no year; 2008 is the only year that puts its events on the dates other articles give them (b.txt dates “March 6, 2008” 2008-03-06)',
    },
  );
});

test('GIVEN a dateline "March 7" in an article whose latest date is May 2011 and no other article THEN the year is 2012, the first March 7 after it, marked a guess', () => {
  const lone = makeArticle('l.txt', 'MOSCOW, March 7. The court met on Thursday. The law passed in May 2011.');
  const inferred = inferYear(lone.source, MARCH_7, [], (reference) => eventsOf(lone, reference));
  assert.equal(inferred.year, 2012);
  assert.equal(inferred.approximate, true);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEvents, extractSentenceEvents } from '../../src/timeline/extract.ts';
import type { TimelineEvent } from '../../src/timeline/types.ts';
import { makeArticle } from './make-article.ts';

const byDate = (events: TimelineEvent[], date: string) => events.filter((event) => event.date === date);

test("GIVEN an article dated 2023-04-09 WHEN it says 'on Friday' THEN the event is dated 2023-04-07 and quotes the sentence verbatim", () => {
  const text = 'Intro line.\n\nBout on Friday urged Trump to seek refuge in Russia, saying his life was in peril.';
  const article = makeArticle('a.txt', text, '2023-04-09');
  const [event] = extractSentenceEvents([article]);
  assert.equal(event!.date, '2023-04-07');
  assert.equal(event!.precision, 'day');
  assert.equal(event!.summary, 'Bout urged Trump to seek refuge in Russia');
  const [source] = event!.sources;
  assert.equal(source!.quote, 'Bout on Friday urged Trump to seek refuge in Russia, saying his life was in peril.');
  assert.equal(text.slice(source!.start, source!.end), source!.quote);
  assert.match(event!.resolution!, /a\.txt: “on Friday”: the Friday before 2023-04-09/);
});

test('GIVEN a sentence with two dates WHEN extracted THEN each date gets the clause it belongs to', () => {
  const article = makeArticle(
    'b.txt',
    'Viktor Bout was arrested in 2008 in Thailand and later sentenced to 25 years, but was handed over to Russia in December in exchange for Brittney Griner, who had been convicted in Russia.',
    '2023-04-09',
  );
  const events = extractSentenceEvents([article]).map(({ date, summary }) => ({ date, summary }));
  assert.deepEqual(events, [
    { date: '2008', summary: 'Viktor Bout was arrested in Thailand and later sentenced to 25 years' },
    { date: '2022-12', summary: 'Viktor Bout was handed over to Russia in exchange for Brittney Griner' },
  ]);
});

test("GIVEN an article dated 2012-04-08 WHEN it says 'which starts Wednesday' THEN the event is scheduled for 2012-04-11", () => {
  const article = makeArticle('c.txt', 'Lavrov will raise the case during his visit to Washington, which starts Wednesday.', '2012-04-08');
  const [event] = extractEvents([article]);
  assert.deepEqual([event!.date, event!.kind, event!.summary], ['2012-04-11', 'scheduled', 'His visit to Washington starts']);
});

test('GIVEN an undated article WHEN it only says "On Monday" THEN no event is made, since no date can be pinned', () => {
  const article = makeArticle('d.txt', 'On Monday, the Court of Appeals denied Bout a retrial. In 2010, Bout was extradited to the US.');
  const events = extractEvents([article]);
  assert.deepEqual(
    events.map(({ date, summary }) => ({ date, summary })),
    [{ date: '2010', summary: 'Bout was extradited to the US' }],
  );
});

test('GIVEN an undated article reporting the Friday message that a dated article puts on 2023-04-07 WHEN extracted THEN it is dated 2023-04-07 by that evidence', () => {
  const dated = makeArticle(
    '000.txt',
    'Arms dealer Viktor Bout on Friday urged former US President Donald Trump to seek refuge in Russia in a Telegram message.',
    '2023-04-09',
  );
  const undated = makeArticle(
    '001.txt',
    'Arms dealer Viktor Bout offered former US President Donald Trump refuge in Russia in a Telegram message on Friday. Bout was handed over to Russia in December in exchange for Brittney Griner. Trump was heard in a Manhattan court on Tuesday.',
  );
  const events = extractSentenceEvents([dated, undated]).filter((event) => event.sources[0]!.source === '001.txt');
  const friday = events.find((event) => event.expression === 'on Friday')!;
  assert.equal(friday.date, '2023-04-07');
  assert.equal(
    friday.resolution,
    '001.txt is undated but appeared between 2023-04-07 and 2023-04-13 (it dates “on Friday” what 000.txt dates 2023-04-07); “on Friday” gives 2023-04-07 on every one of those days',
  );
  // Published within the week after that Friday: December is December 2022; Tuesday is April 4 or 11, so the
  // earliest day's reading is kept, marked approximate.
  const december = events.find((event) => event.expression === 'December')!;
  assert.deepEqual([december.date, december.precision], ['2022-12', 'month']);
  assert.match(december.resolution!, /001\.txt is undated but appeared between 2023-04-07 and 2023-04-13/);
  const tuesday = events.find((event) => event.expression === 'on Tuesday')!;
  assert.deepEqual([tuesday.date, tuesday.precision, tuesday.approximate], ['2023-04-04', 'day', true]);
  assert.match(
    tuesday.resolution!,
    /“on Tuesday” gives 2023-04-04 or 2023-04-11 depending on the day; 2023-04-04, for the earliest day, is the likeliest reading$/,
  );

  const merged = extractEvents([dated, undated]).find((event) => event.date === '2023-04-07')!;
  assert.deepEqual(
    merged.sources.map((source) => source.source),
    ['000.txt', '001.txt'],
  );
});

test('GIVEN an undated article WHEN its Friday event matches nothing in dated articles THEN the relative date stays out', () => {
  const dated = makeArticle('000.txt', 'The minister on Friday opened a bridge in Kazan.', '2023-04-09');
  const undated = makeArticle('001.txt', 'Viktor Bout wrote to Donald Trump on Friday.');
  assert.deepEqual(
    extractSentenceEvents([dated, undated]).map((event) => event.sources[0]!.source),
    ['000.txt'],
  );
});

test("GIVEN 'that month' after a sentence naming September 2019 WHEN extracted THEN it is dated 2019-09 and says so", () => {
  const article = makeArticle(
    'e.txt',
    'In September 2019, Russian officials asked the U.S. to send Bout back. His wife described that effort in New York that month.',
  );
  const event = extractSentenceEvents([article])[1]!;
  assert.deepEqual([event.date, event.precision], ['2019-09', 'month']);
  assert.match(event.resolution!, /“that month” refers back to 2019-09/);
});

test('GIVEN a dateline or byline sentence WHEN extracted THEN it makes no event', () => {
  const article = makeArticle(
    'f.txt',
    'April 08, 2012\n\nMOSCOW, November 22. /TASS/.\n\nBout was sentenced on April 5, 2012.',
    '2012-04-08',
  );
  assert.deepEqual(
    extractEvents([article]).map((event) => event.date),
    ['2012-04-05'],
  );
});

test('GIVEN the same happening in two sentences of two articles WHEN extracted THEN one event lists both sources', () => {
  const a = makeArticle('a.txt', 'Bout was arrested in Thailand in a US sting operation in 2008.');
  const b = makeArticle('b.txt', 'Bout was arrested in 2008 in Bangkok, Thailand, at the request of the US.');
  const events = extractEvents([a, b]);
  assert.equal(byDate(events, '2008').length, 1);
  assert.deepEqual(
    events[0]!.sources.map((source) => source.source),
    ['a.txt', 'b.txt'],
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationFor, citedNumbers, quoteOf, uncitedSentence } from '../../src/answer/citations.ts';
import type { StoredArticle } from '../../src/index/artifact.ts';

const TEXT =
  'Harbour news\n\nThe ferry left at dawn. ' + 'It carried forty passengers and their luggage across the bay '.repeat(8).trim() + '.';
const ARTICLE = {
  source: 'ferry.txt',
  hash: 'x',
  meta: { title: 'Harbour news', date: '2024-05-17' },
  text: TEXT,
  sentences: [],
} as StoredArticle;

test("GIVEN a span of an article WHEN cited THEN the citation quotes it verbatim with the article's title and date", () => {
  const start = TEXT.indexOf('The ferry');
  assert.deepEqual(citationFor(2, ARTICLE, start - 2, start + 'The ferry left at dawn.'.length), {
    n: 2,
    source: 'ferry.txt',
    title: 'Harbour news',
    date: '2024-05-17',
    quote: 'The ferry left at dawn.',
  });
});

test('GIVEN a span longer than the limit THEN the quote is cut at a word boundary and stays a verbatim substring', () => {
  const quote = quoteOf(ARTICLE, TEXT.indexOf('It carried'), TEXT.length, 100);
  assert.equal(quote, 'It carried forty passengers and their luggage across the bay It carried forty passengers and their');
  assert.ok(TEXT.includes(quote));
});

test('GIVEN a text with markers THEN the cited numbers are read in order', () => {
  assert.deepEqual(citedNumbers('A [1]. B [2][10]. C [100].'), [1, 2, 10]);
});

test('GIVEN sentences WHEN one carries no marker THEN it is found; a marker after the full stop belongs to the sentence before', () => {
  assert.equal(uncitedSentence('The ferry left. [1] It came back [2].'), undefined);
  assert.equal(uncitedSentence('The ferry left [1]. It came back.'), 'It came back.');
  assert.equal(uncitedSentence('Rules:\n- Answer briefly [1].'), 'Rules:');
});

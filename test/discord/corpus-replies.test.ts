import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleEmbed, articlePages, changeText, confirmRow } from '../../src/discord/corpus-replies.ts';
import type { ArticleSummary } from '../../src/core/dossier.ts';

const article = (i: number): ArticleSummary => ({
  source: `article-${String(i).padStart(2, '0')}.md`,
  title: `Story ${i}`,
  outlet: 'The Courier',
  date: '2024-03-21',
  chunks: i,
});

test('GIVEN 25 articles WHEN listed THEN there are 3 pages of at most 10, each line with file, title, outlet, date and chunks', () => {
  const pages = articlePages(Array.from({ length: 25 }, (_, i) => article(i + 1)));
  assert.equal(pages.length, 3);
  assert.deepEqual(
    pages.map((page) => page.description!.split('\n').length),
    [10, 10, 5],
  );
  assert.equal(pages[0]!.description!.split('\n')[0], '`article-01.md` — Story 1 · The Courier · 2024-03-21 · 1 chunks');
  assert.equal(pages[2]!.footer!.text, "Page 3 of 3 · /corpus show for one article's details");
  assert.equal(pages[0]!.title, 'Corpus: 25 articles');
});

test('GIVEN an article without author or URL WHEN shown THEN those fields say "not stated"', () => {
  const embed = articleEmbed(article(7));
  assert.deepEqual(
    embed.fields!.map((field) => `${field.name}: ${field.value}`),
    ['File: article-07.md', 'Outlet: The Courier', 'Author: not stated', 'Date: 2024-03-21', 'Chunks: 7', 'URL: not stated'],
  );
});

test('GIVEN a preview key WHEN the confirm row is built THEN its buttons route to /corpus with the key', () => {
  assert.deepEqual(
    confirmRow('123abc').components.map((button) => button.custom_id),
    ['corpus:confirm:123abc', 'corpus:cancel:123abc'],
  );
});

test('GIVEN a finished addition WHEN summarised THEN the line names the file, title, chunks, sentences embedded and index totals', () => {
  assert.equal(
    changeText({
      action: 'add',
      source: 'dam.txt',
      title: 'Dam opens',
      chunks: 2,
      totalChunks: 40,
      embedded: 9,
      events: 12,
      timeline: { extracted: ['dam.txt'], ms: { extract: 80, assemble: 20 } },
      ms: 1234,
    }),
    'Added `dam.txt` (Dam opens): 2 chunks, 9 sentences embedded in 1.2 s. The index now holds 40 chunks and 12 timeline events.',
  );
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseArticle } from '../../src/corpus/article.ts';

test('GIVEN the article example in the README WHEN parsed THEN every field the README names is read from it', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Adding an article'));
  const example = /```\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(example, 'the README has an example article');
  const article = parseArticle('2024-05-17-harbour-appeal.md', example);
  assert.deepEqual(article.meta, {
    title: 'Appeal court hears the harbour contract case',
    outlet: 'Example Daily',
    author: 'Jane Reporter',
    date: '2024-05-17',
    url: 'https://example.com/news/harbour-appeal',
  });
  assert.ok(article.sentences.some((s) => s.text === 'The contract was signed in March 2021, the court was told.'));
});

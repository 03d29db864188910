import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceLine, sourcesEmbed } from '../../src/discord/sources-embed.ts';
import { LIMITS } from '../../src/discord/limits.ts';

test('GIVEN an article with title, outlet and date WHEN listed THEN one line names them all', () => {
  assert.equal(
    sourceLine({
      source: '004_91ab4689b524ca48.txt',
      title: 'Russia Intends to Intercede for Bout',
      outlet: 'The Moscow Times',
      date: '2012-04-08',
      chunks: 5,
    }),
    '`004_91ab4689b524ca48.txt` — Russia Intends to Intercede for Bout · The Moscow Times · 2012-04-08',
  );
  assert.equal(sourceLine({ source: 'a.txt', chunks: 1 }), '`a.txt`');
});

test('GIVEN 500 articles WHEN listed THEN the description fits and ends by counting the rest', () => {
  const articles = Array.from({ length: 500 }, (_, i) => ({
    source: `${String(i).padStart(3, '0')}_article.txt`,
    title: 'A fairly long title for an article',
    chunks: 1,
  }));
  const embed = sourcesEmbed(articles);
  assert.equal(embed.description!.length <= LIMITS.description, true);
  assert.match(embed.description!, /\n…and \d+ more$/);
  assert.equal(embed.footer!.text, '500 articles');
});

test('GIVEN index info WHEN listed THEN the footer gives counts and build time', () => {
  const embed = sourcesEmbed([], {
    version: 'index-1',
    model: 'm',
    dimensions: 8,
    articles: 0,
    chunks: 0,
    events: 0,
    builtAt: '2024-05-01T12:00:00.000Z',
  });
  assert.equal(embed.footer!.text, '0 articles · 0 chunks · 0 timeline events · index built 2024-05-01T12:00:00.000Z');
  assert.match(embed.description!, /corpus is empty/);
});

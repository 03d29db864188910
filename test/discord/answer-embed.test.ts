import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Answer } from '../../src/answer/types.ts';
import { answerEmbed, answerMessage, citationBlock, packFields } from '../../src/discord/answer-embed.ts';
import { embedLength, LIMITS } from '../../src/discord/limits.ts';

const answer = (fields: Partial<Answer> = {}): Answer => ({
  question: 'Where was Viktor Bout arrested?',
  answer: 'Viktor Bout was detained in 2008 in Bangkok, Thailand [1].',
  abstained: false,
  citations: [
    {
      n: 1,
      source: '003_c464dfc57fd8e736.txt',
      title: 'Businessman Bout jailed in US',
      quote: 'Bout was detained in 2008 in Bangkok, Thailand',
    },
  ],
  retrieved: [],
  timingsMs: { embed: 10, retrieve: 20, compose: 5, total: 1234 },
  mode: 'extractive',
  ...fields,
});

test('GIVEN an answer with one citation WHEN rendered THEN the Sources field reads "[1] file — title" then the quote', () => {
  const embed = answerEmbed(answer());
  assert.equal(embed.title, 'Where was Viktor Bout arrested?');
  assert.equal(embed.description, 'Viktor Bout was detained in 2008 in Bangkok, Thailand [1].');
  assert.deepEqual(embed.fields, [
    {
      name: 'Sources',
      value: '[1] `003_c464dfc57fd8e736.txt` — Businessman Bout jailed in US\n> Bout was detained in 2008 in Bangkok, Thailand',
    },
  ]);
  assert.equal(embed.footer!.text, 'Extractive answer · 1.2 s');
});

test('GIVEN a citation with a date and a long quote WHEN rendered THEN the date follows the title and the quote is cut to about 220 characters', () => {
  const block = citationBlock({
    n: 2,
    source: '004_91ab4689b524ca48.txt',
    title: 'Russia Intends to Intercede for Bout',
    date: '2012-04-08',
    quote: 'word '.repeat(100),
  });
  const [label, quote] = block.split('\n');
  assert.equal(label, '[2] `004_91ab4689b524ca48.txt` — Russia Intends to Intercede for Bout (2012-04-08)');
  assert.equal(quote!.length <= 2 + 220, true);
  assert.match(quote!, /^> word word .*…$/);
});

test('GIVEN markdown and a masked link in article text WHEN rendered THEN they are escaped and cannot format the embed', () => {
  const embed = answerEmbed(answer({ answer: '**Bout** [click](https://evil.example) `x` [1]' }));
  assert.equal(embed.description, '\\*\\*Bout\\*\\* \\[click](https://evil.example) \\`x\\` [1]');
});

test('GIVEN 40 citations WHEN rendered THEN they are packed into "Sources" and "Sources (continued)" fields within every limit', () => {
  const citations = Array.from({ length: 40 }, (_, i) => ({
    n: i + 1,
    source: `${String(i).padStart(3, '0')}_file.txt`,
    title: 'A title',
    quote: 'q'.repeat(200),
  }));
  const embed = answerEmbed(answer({ citations, answer: 'a'.repeat(5000) }));
  assert.equal(embed.fields![0]!.name, 'Sources');
  assert.equal(embed.fields![1]!.name, 'Sources (continued)');
  assert.equal(
    embed.fields!.every((f) => f.value.length <= LIMITS.fieldValue),
    true,
  );
  assert.equal(embedLength(embed) <= LIMITS.embedTotal, true);
  assert.equal(embed.description!.length <= LIMITS.description, true);
});

test('GIVEN an abstention WHEN rendered THEN the closest articles are listed instead of sources', () => {
  const embed = answerEmbed(
    answer({
      abstained: true,
      citations: [],
      answer: 'The articles do not say.',
      nearest: [{ source: '002_46d3cbafd3f6e099.txt', title: 'Russia cites virus fears' }],
    }),
  );
  assert.deepEqual(embed.fields, [{ name: 'Closest articles', value: '`002_46d3cbafd3f6e099.txt` — Russia cites virus fears' }]);
});

test('GIVEN an LLM answer with a note WHEN rendered THEN the footer says so', () => {
  assert.equal(
    answerEmbed(answer({ mode: 'llm', note: 'checked 2 citations' })).footer!.text,
    'LLM answer checked against the articles · 1.2 s · checked 2 citations',
  );
});

test('GIVEN blocks that fit together WHEN packed THEN they share one field separated by a blank line', () => {
  assert.deepEqual(packFields('Sources', ['a', 'b']), [{ name: 'Sources', value: 'a\n\nb' }]);
});

test('GIVEN an answer WHEN made into a message THEN it carries the feedback buttons and disables every mention', () => {
  const message = answerMessage(answer(), '123');
  assert.deepEqual(message.allowedMentions, { parse: [], repliedUser: false });
  assert.deepEqual(
    message.components[0]!.components.map((b) => b.custom_id),
    ['feedback:up:123', 'feedback:down:123'],
  );
});

test('GIVEN text with markdown WHEN escaped by plain and read back with unplain THEN it is unchanged', async () => {
  const { plain, unplain } = await import('../../src/discord/markdown.ts');
  const text = 'Bout said: "*never* confess" — [1] `code` ~~x~~ _y_ > z';
  assert.equal(unplain(plain(text)), text);
});

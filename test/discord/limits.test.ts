import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embedLength, fitEmbed, LIMITS, splitText, truncate } from '../../src/discord/limits.ts';

test('GIVEN text within the limit WHEN truncated THEN it is unchanged', () => {
  assert.equal(truncate('Bout was detained in 2008', 25), 'Bout was detained in 2008');
});

test('GIVEN text over the limit WHEN truncated THEN it ends in an ellipsis at a nearby word boundary and fits', () => {
  assert.equal(truncate('Bout was detained in 2008 in Bangkok, Thailand', 30), 'Bout was detained in 2008 in…');
  assert.equal(truncate('x'.repeat(50), 10), `${'x'.repeat(9)}…`);
});

test('GIVEN an emoji at the cut WHEN truncated THEN the surrogate pair is not split', () => {
  const result = truncate(`${'a'.repeat(8)}👍👍`, 10);
  assert.equal(result, `${'a'.repeat(8)}…`);
  assert.doesNotMatch(result, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
});

test('GIVEN 4500 characters of lines WHEN split at 2000 THEN each part fits and breaks on a newline', () => {
  const text = Array.from({ length: 100 }, (_, i) => `line ${String(i).padStart(3, '0')} ${'-'.repeat(34)}`).join('\n');
  const parts = splitText(text, LIMITS.content);
  assert.deepEqual(
    parts.map((p) => p.length <= LIMITS.content),
    parts.map(() => true),
  );
  assert.equal(parts.join('\n'), text);
  assert.match(parts[1]!, /^line \d{3} /);
});

test('GIVEN an embed over every limit WHEN fitted THEN title, description, fields and total are within Discord limits', () => {
  const embed = fitEmbed({
    title: 't'.repeat(300),
    description: 'd'.repeat(5000),
    fields: Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i}`, value: 'v'.repeat(1100) })),
    footer: { text: 'f'.repeat(100) },
  });
  assert.equal(embed.title!.length, LIMITS.title);
  assert.equal(
    embed.fields!.every((f) => f.value.length <= LIMITS.fieldValue),
    true,
  );
  assert.equal(embedLength(embed) <= LIMITS.embedTotal, true);
  assert.equal(embed.description!.length >= 200, true);
  assert.equal(embed.fields!.length <= LIMITS.fields, true);
});

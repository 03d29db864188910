import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressBar, reindexProgressText, reindexSummaryText } from '../../src/discord/progress.ts';

test('GIVEN fractions 0, 0.5, 1 and out of range WHEN drawn THEN the bar fills proportionally and clamps', () => {
  assert.equal(progressBar(0, 10), '▱▱▱▱▱▱▱▱▱▱ 0%');
  assert.equal(progressBar(0.5, 10), '▰▰▰▰▰▱▱▱▱▱ 50%');
  assert.equal(progressBar(1.7, 10), '▰▰▰▰▰▰▰▰▰▰ 100%');
  assert.equal(progressBar(Number.NaN, 4), '▱▱▱▱ 0%');
});

test('GIVEN 30 of 120 chunks embedded after 12 s WHEN shown THEN phase, bar, files, chunks and time appear', () => {
  const text = reindexProgressText({ phase: 'embedding', filesTotal: 5, chunksTotal: 120, chunksEmbedded: 30, startedAt: 1_000 }, 13_000);
  assert.equal(text, '**Reindexing…** Embedding chunks\n`▰▰▰▰▰▱▱▱▱▱▱▱▱▱▱▱▱▱▱▱ 25%`\n5 files · 30/120 chunks embedded · 12.0 s');
});

test('GIVEN a finished rebuild WHEN summarised THEN added, changed, removed, unchanged, chunks, events, time and skipped files are listed', () => {
  const text = reindexSummaryText({
    rebuilt: true,
    added: ['005_new.txt'],
    changed: [],
    removed: ['001_old.txt'],
    unchanged: 3,
    skipped: [{ source: 'photo.jpg', reason: 'binary file' }],
    chunks: 42,
    events: 9,
    ms: 3210,
  });
  assert.equal(
    text,
    [
      '**Reindex finished** in 3.2 s.',
      'Added 1: `005_new.txt`',
      'Changed 0',
      'Removed 1: `001_old.txt`',
      'Unchanged 3 · 42 chunks · 9 timeline events',
      'Skipped 1: `photo.jpg` (binary file)',
    ].join('\n'),
  );
});

test('GIVEN nothing changed WHEN summarised THEN it says the index was already up to date', () => {
  const text = reindexSummaryText({
    rebuilt: false,
    added: [],
    changed: [],
    removed: [],
    unchanged: 5,
    skipped: [],
    chunks: 40,
    events: 7,
    ms: 80,
  });
  assert.match(text, /^\*\*The index was already up to date\*\* \(checked in 0\.1 s\)\./);
});

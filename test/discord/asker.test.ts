import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAsker } from '../../src/discord/asker.ts';
import { FakeDossier } from './fake-dossier.ts';
import { memoryLogger } from './harness.ts';

test('GIVEN at most 2 concurrent answers WHEN 5 questions arrive together THEN the core sees 2 until they finish, then the rest', async () => {
  const dossier = new FakeDossier();
  const release = dossier.holdAsks();
  const ask = createAsker({ dossier, logger: memoryLogger().logger, maxConcurrent: 2 });
  const answers = Array.from({ length: 5 }, (_, i) => ask({ question: `Where was Bout arrested? ${i}`, userId: String(i), via: 'slash' }));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(dossier.asked.length, 2);
  release();
  assert.equal((await Promise.all(answers)).length, 5);
  assert.equal(dossier.asked.length, 5);
});

test('GIVEN an answered question WHEN logged THEN the record has its latency, outcome and citation count, but not the text at info level', async () => {
  const log = memoryLogger();
  const ask = createAsker({ dossier: new FakeDossier(), logger: log.logger, maxConcurrent: 1 });
  await ask({ question: 'Where was Bout arrested?', userId: '42', via: 'mention' });
  const record = log.records().find((r) => r.msg === 'question answered')!;
  assert.deepEqual(
    [record.via, record.userId, record.outcome, record.citations, record.mode, typeof record.ms],
    ['mention', '42', 'answered', 2, 'extractive', 'number'],
  );
  assert.equal(JSON.stringify(record).includes('Bout'), false);
});

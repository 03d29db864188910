import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Figures } from '../../src/eval/cross-validate.ts';
import { figuresTable } from '../../src/eval/report.ts';

const figures = (overrides: Partial<Figures>): Figures => ({
  questions: 0,
  answerable: 0,
  unanswerable: 0,
  answered: 0,
  accuracy: 1,
  declined: 1,
  falseAbstention: 1,
  wrongAnswers: 1,
  citationValidity: 1,
  medianAnswerChars: 0,
  ...overrides,
});

const row = (table: string, label: string) =>
  table
    .split('\n')
    .find((line) => line.startsWith(label))!
    .slice(label.length)
    .trim()
    .split(/\s{2,}/);

describe('figuresTable', () => {
  it('GIVEN a set of unanswerable questions only THEN its answer figures are dashes, not the 100% of an empty ratio', () => {
    const table = figuresTable('fold', {
      mixed: figures({ questions: 4, answerable: 3, unanswerable: 1, answered: 3, accuracy: 2 / 3, declined: 1, falseAbstention: 0, wrongAnswers: 1 / 3 }),
      unknown: figures({ questions: 2, unanswerable: 2, answered: 0, declined: 1 }),
    });
    assert.deepEqual(row(table, 'questions (answerable/not)'), ['3/1', '0/2']);
    assert.deepEqual(row(table, 'answer correct'), ['66.7%', '–']);
    assert.deepEqual(row(table, 'unanswerables declined'), ['100.0%', '100.0%']);
    assert.deepEqual(row(table, 'false abstention'), ['0.0%', '–']);
    assert.deepEqual(row(table, 'wrong among answered'), ['33.3%', '–']);
  });
});

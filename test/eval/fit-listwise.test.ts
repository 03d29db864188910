import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankCandidates } from '../../src/answer/decision.ts';
import type { Candidate } from '../../src/answer/candidates.ts';
import { fitListwise, type CandidateGroup } from '../../src/eval/fit-listwise.ts';

/** Questions of two candidates, one with `marked` 1: the answer in `hits` of `total` of them, the other candidate otherwise. */
function pairs(hits: number, total: number): CandidateGroup[] {
  return Array.from({ length: total }, (_, n) => ({ rows: [{ marked: 1 }, { marked: 0 }], labels: n < hits ? [1, 0] : [0, 1] }));
}

function asCandidates(rows: Record<string, number>[]): Candidate[] {
  return rows.map((features, id) => ({ sentence: { id, source: 'a.txt', text: `s${id}`, start: 0, end: 2, paragraph: 0 }, features }) as unknown as Candidate);
}

test('GIVEN the marked candidate is the answer in 24 of 30 questions WHEN fitted with no penalty THEN the ranker gives it a share of 0.8', () => {
  const model = fitListwise(['marked'], pairs(24, 30), 0);
  const [top] = rankCandidates(asCandidates([{ marked: 1 }, { marked: 0 }]), model);
  assert.equal(top!.sentence.id, 0);
  assert.ok(Math.abs(top!.share - 0.8) < 1e-4, `share ${top!.share}`);
  assert.equal(model.weights.at(-1), 0, 'no intercept: a shift of every score changes no softmax');
});

test('GIVEN a penalty WHEN fitted THEN the weight shrinks towards 0 and the share towards even', () => {
  const free = fitListwise(['marked'], pairs(24, 30), 0);
  const penalised = fitListwise(['marked'], pairs(24, 30), 0.3);
  assert.ok(penalised.weights[0]! > 0 && penalised.weights[0]! < free.weights[0]!, `${penalised.weights[0]} vs ${free.weights[0]}`);
});

test('GIVEN a feature that differs between questions but not within one WHEN fitted THEN it gets no weight: only what sets the answer apart from its own question’s sentences counts', () => {
  // `topic` is 1 for every candidate of the questions answered by the marked sentence, 0 for the others: a
  // per-candidate fit would take it as a sign of an answer; within a question it separates nothing.
  const groups = pairs(20, 30).map((group, n) => ({ ...group, rows: group.rows.map((row) => ({ ...row, topic: n < 20 ? 1 : 0 })) }));
  const model = fitListwise(['marked', 'topic'], groups, 0.001);
  assert.ok(model.weights[0]! > 0.3, `marked ${model.weights[0]}`);
  assert.ok(Math.abs(model.weights[1]!) < 1e-6, `topic ${model.weights[1]}`);
});

test('GIVEN questions whose candidates state no answer THEN they are left out; with none left the weights are 0', () => {
  const unanswered: CandidateGroup = { rows: [{ marked: 1 }, { marked: 0 }], labels: [0, 0] };
  const withUnanswered = fitListwise(['marked'], [...pairs(24, 30), unanswered, unanswered], 0.01);
  const without = fitListwise(['marked'], pairs(24, 30), 0.01);
  assert.ok(Math.abs(withUnanswered.weights[0]! - without.weights[0]!) < 1e-6);
  assert.deepEqual(fitListwise(['marked'], [unanswered], 0.01).weights, [0, 0]);
});

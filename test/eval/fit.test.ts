import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logit, sigmoid } from '../../src/answer/linear-model.ts';
import { fitLogistic } from '../../src/eval/fit.ts';

test('GIVEN labels that follow one feature WHEN a logistic model is fitted THEN it weighs that feature and ignores the noise', () => {
  const rows: Record<string, number>[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 400; i++) {
    const signal = (i % 20) / 20;
    const noise = ((i * 7919) % 97) / 97;
    rows.push({ signal, noise });
    labels.push(signal > 0.5 ? 1 : 0);
  }
  const model = fitLogistic(['signal', 'noise'], rows, labels);
  assert.ok(model.weights[0]! > 2, `signal weight ${model.weights[0]}`);
  assert.ok(Math.abs(model.weights[1]!) < 0.5, `noise weight ${model.weights[1]}`);
  assert.ok(sigmoid(logit(model, { signal: 0.9, noise: 0.5 })) > 0.8);
  assert.ok(sigmoid(logit(model, { signal: 0.1, noise: 0.5 })) < 0.2);
});

test('GIVEN a feature that never varies WHEN fitted THEN standardising it does not divide by zero', () => {
  const model = fitLogistic(['constant', 'x'], [{ constant: 1, x: 0 }, { constant: 1, x: 1 }], [0, 1]);
  assert.equal(model.scale[0], 1);
  assert.ok(model.weights.every(Number.isFinite));
});

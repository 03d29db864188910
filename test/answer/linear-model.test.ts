import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logit, sigmoid, type LinearModel } from '../../src/answer/linear-model.ts';

const MODEL: LinearModel = { features: ['a', 'b'], mean: [1, 10], scale: [2, 5], weights: [3, -1, 0.5] };

test('GIVEN a fitted model WHEN a row is scored THEN each value is standardised by its mean and scale, weighted, and the intercept added', () => {
  // 3·(5 − 1)/2 − 1·(20 − 10)/5 + 0.5 = 6 − 2 + 0.5
  assert.equal(logit(MODEL, { a: 5, b: 20 }), 4.5);
});

test('GIVEN a row without one of the features THEN that value counts as 0; features the model does not know are ignored', () => {
  // 3·(0 − 1)/2 − 1·(20 − 10)/5 + 0.5
  assert.equal(logit(MODEL, { b: 20, other: 99 }), -3);
});

test('GIVEN the sigmoid THEN it maps 0 to one half and is symmetric', () => {
  assert.equal(sigmoid(0), 0.5);
  assert.ok(Math.abs(sigmoid(2) + sigmoid(-2) - 1) < 1e-15);
  assert.ok(Math.abs(sigmoid(Math.log(3)) - 0.75) < 1e-15);
});

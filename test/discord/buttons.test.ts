import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buttonOwner, feedbackRow, pageRow, parseFeedbackId, parsePageId } from '../../src/discord/buttons.ts';

test('GIVEN a feedback row WHEN its ids are parsed back THEN each names its vote and answer', () => {
  const ids = feedbackRow('1234567890').components.map((button) => button.custom_id);
  assert.deepEqual(ids.map(parseFeedbackId), [
    { vote: 'up', answerId: '1234567890' },
    { vote: 'down', answerId: '1234567890' },
  ]);
  assert.equal(parseFeedbackId('feedback:maybe:1'), undefined);
});

test('GIVEN page 1 of 3 WHEN buttons are made THEN Previous is disabled, Next points at page 2, and the ids stay under 100 characters', () => {
  const [previous, label, next] = pageRow('timeline', '1573810466919022595', 0, 3).components;
  assert.deepEqual([previous!.disabled, label!.label, label!.disabled, next!.disabled], [true, '1 / 3', true, false]);
  assert.deepEqual(parsePageId('timeline', next!.custom_id), { key: '1573810466919022595', index: 1 });
  assert.equal(parsePageId('timeline', label!.custom_id), undefined);
  assert.equal(next!.custom_id.length <= 100, true);
});

test('GIVEN the last page WHEN buttons are made THEN Next is disabled', () => {
  const [previous, , next] = pageRow('timeline', 'k', 2, 3).components;
  assert.deepEqual([previous!.disabled, next!.disabled], [false, true]);
});

test('GIVEN custom ids WHEN routed THEN the owner is the part before the first colon', () => {
  assert.equal(buttonOwner('timeline:123:2'), 'timeline');
  assert.equal(buttonOwner('feedback:up:9'), 'feedback');
});

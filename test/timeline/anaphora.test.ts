import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromAntecedent } from '../../src/timeline/anaphora.ts';

test('GIVEN "two days later" after 2019-05-14 THEN it is 2019-05-16; after a month THEN no day is invented', () => {
  const later = { text: 'two days later', anaphora: { unit: 'day' as const, shift: 2 } };
  assert.deepEqual(fromAntecedent(later, { date: '2019-05-14', precision: 'day' }), {
    date: '2019-05-16',
    precision: 'day',
    note: '“two days later” refers back to 2019-05-14, named just before',
  });
  assert.equal(fromAntecedent(later, { date: '2019-05', precision: 'month' }), undefined);
  assert.equal(
    fromAntecedent({ text: 'three months later', anaphora: { unit: 'month', shift: 3 } }, { date: '2020-01', precision: 'month' })!.date,
    '2020-04',
  );
});

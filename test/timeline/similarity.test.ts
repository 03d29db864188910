import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Similarity } from '../../src/timeline/similarity.ts';

const ARRESTED = { clause: 'Bout was arrested in Bangkok' };
const POLICE = { clause: 'police arrested Bout in Bangkok in 2008' };
const SENTENCED = { clause: 'the court sentenced Bout to 25 years' };
const similarity = new Similarity([ARRESTED, POLICE, SENTENCED, { clause: 'Bout was detained in Thailand' }]);

test('GIVEN two reports of one arrest THEN they share the main verb and score higher than an arrest and a sentencing', () => {
  assert.deepEqual(similarity.sharedVerbs(ARRESTED, POLICE), ['arrest']);
  assert.deepEqual(similarity.sharedVerbs(ARRESTED, SENTENCED), []);
  assert.ok(similarity.score(ARRESTED, POLICE) > similarity.score(ARRESTED, SENTENCED) + 0.35);
});

test('GIVEN a pair either way round THEN the score is the same', () => {
  assert.equal(similarity.score(ARRESTED, POLICE), similarity.score(POLICE, ARRESTED));
});

test('GIVEN clauses naming only different people THEN the name clash lowers the score', () => {
  const a = { clause: 'Maria Lindqvist signed the harbour contract' };
  const b = { clause: 'Jonas Berg signed the harbour contract' };
  const c = { clause: 'Maria Lindqvist signed the harbour contract again' };
  const withNames = new Similarity([a, b, c]);
  assert.ok(withNames.score(a, b) < withNames.score(a, c));
});

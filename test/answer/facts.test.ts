import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitsType } from '../../src/answer/candidates.ts';
import { sentenceFacts } from '../../src/answer/facts.ts';

test('GIVEN date expressions WHEN rated THEN a full date beats a year, which beats a weekday, which beats "later"', () => {
  const rated = [
    'On March 3, 2019, the mill closed.',
    'The mill closed in 2019.',
    'The mill closed on Thursday.',
    'The mill closed later.',
    'The mill closed.',
  ].map((s) => sentenceFacts(s).dateSpecificity);
  assert.deepEqual(rated, [4, 3, 2, 1, 0]);
});

test('GIVEN sentences WHEN analysed THEN durations, money and counts are told apart', () => {
  const strike = sentenceFacts('The strike lasted six weeks.');
  assert.equal(strike.duration, true);
  const price = sentenceFacts('The council paid $4 million for the land.');
  assert.equal(price.money, true);
  const layoffs = sentenceFacts('The factory laid off 300 workers.');
  assert.equal(layoffs.count, true);
  assert.equal(sentenceFacts('The factory laid off workers in 2019.').count, false);
});

test('GIVEN a who-question WHEN the sentence names someone the question does not THEN it fits the person type', () => {
  const facts = sentenceFacts('The contract was signed by Maria Lindqvist, the harbour director.');
  assert.equal(fitsType('person', facts, []), true);
  assert.equal(fitsType('person', facts, ['maria', 'lindqvist']), false);
  assert.equal(fitsType('person', sentenceFacts('The contract was signed yesterday.'), []), false);
});

test('GIVEN a sentence opening with a pronoun WHEN analysed THEN its subject is marked as named before', () => {
  assert.equal(sentenceFacts('She resigned the next morning.').opensWithPronoun, true);
  assert.equal(sentenceFacts('The mayor resigned the next morning.').opensWithPronoun, false);
});

test('GIVEN a sentence WHEN its facts are read twice THEN each analysis ran once and gives the same values', () => {
  const facts = sentenceFacts('The contract was signed by Maria Lindqvist in Oslo on March 3, 2019.');
  assert.equal(facts.people, facts.people);
  assert.equal(facts.words, facts.words);
  assert.deepEqual([...facts.people], ['maria', 'lindqvist']);
  assert.equal(facts.dateSpecificity, 4);
});

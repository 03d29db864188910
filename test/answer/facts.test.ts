import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitsType } from '../../src/answer/candidates.ts';
import { sentenceFacts } from '../../src/answer/facts.ts';

test('GIVEN date expressions WHEN rated THEN a full date beats a month of a year, a year, a weekday, "later"', () => {
  const rated = [
    'On March 3, 2019, the mill closed.',
    'The mill closed in March 2019.',
    'The mill closed in 2019.',
    'The mill closed on Thursday.',
    'The mill closed later.',
    'The mill closed.',
  ].map((s) => sentenceFacts(s).dateSpecificity);
  assert.deepEqual(rated, [5, 4, 3, 2, 1, 0]);
});

test('GIVEN a day written in figures or day-first WHEN rated THEN it is a full date; a month without a day is not', () => {
  const rated = [
    'The mill closed on 2019-03-03.',
    'Updated: 03.03.2019, 12:06',
    'The mill closed on 3 March 2019.',
    'The mill closed in May.',
  ].map((s) => sentenceFacts(s).dateSpecificity);
  assert.deepEqual(rated, [5, 5, 5, 2]);
});

test('GIVEN a question asking for a precision ("which month", "on what date") THEN only a date that precise fits', () => {
  const facts = (s: string) => sentenceFacts(s);
  const month = { type: 'date' as const, names: [], datePrecision: 4 };
  assert.equal(fitsType(month, facts('The mill closed in 2019.')), false);
  assert.equal(fitsType(month, facts('The mill closed in March 2019.')), true);
  const day = { type: 'date' as const, names: [], datePrecision: 5 };
  assert.equal(fitsType(day, facts('The mill closed in March 2019.')), false);
  assert.equal(fitsType(day, facts('The mill closed on March 3, 2019.')), true);
  assert.equal(fitsType({ type: 'date', names: [] }, facts('The mill closed on Thursday.')), true);
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
  assert.equal(fitsType({ type: 'person', names: [] }, facts), true);
  assert.equal(fitsType({ type: 'person', names: ['maria', 'lindqvist'] }, facts), false);
  assert.equal(fitsType({ type: 'person', names: [] }, sentenceFacts('The contract was signed yesterday.')), false);
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
  assert.equal(facts.dateSpecificity, 5);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { antecedent, contentTerms, eventTypes, names, stem } from '../../src/timeline/terms.ts';

test('GIVEN inflected words WHEN stemmed THEN arrest, arrested and arrests share a stem', () => {
  assert.deepEqual([stem('arrested'), stem('arrest'), stem('arrests')], ['arrest', 'arrest', 'arrest']);
  assert.equal(stem('extradition'), stem('extradited'));
});

test('GIVEN a clause WHEN its kinds of event are read THEN hypotheticals do not count unless asked for', () => {
  assert.deepEqual([...eventTypes('He was released in a swap for Griner')].sort(), ['exchange', 'release']);
  assert.deepEqual([...eventTypes('The ministry said Bout might be released to Russian custody')], []);
  assert.deepEqual([...eventTypes('Officials will seek to extradite him')], []);
  assert.deepEqual([...eventTypes('Officials asked to swap him', { hypothetical: true })], ['exchange']);
});

test('GIVEN a sentence WHEN names are read THEN leading function words, months and weekdays are not names', () => {
  assert.deepEqual(names('In April 2012, Viktor Bout met Hillary Clinton on Friday in New York.'), ['Viktor Bout', 'Hillary Clinton', 'New York']);
});

test('GIVEN a pronoun WHEN its antecedent is sought THEN the first person named wins, not an agency in capitals or a demonym', () => {
  assert.equal(antecedent(['BERLIN, Jan. 17 - Russian opposition leader Alexei Navalny']), 'Navalny');
  assert.equal(antecedent(['the report'], 'In 2010, Bout was extradited to the US.'), 'Bout');
});

test('GIVEN a text WHEN its content terms are taken THEN dates and function words are left out', () => {
  assert.deepEqual([...contentTerms('He was arrested in December 2022 in Bangkok')], ['arrest', 'bangkok']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentTerms, tokenize, words } from '../../src/text/terms.ts';

test('GIVEN a text WHEN split into words THEN they are lower-cased, accents folded, possessives and apostrophes dropped', () => {
  assert.deepEqual(words("Zoë's boat — isn't it the ferry's?"), ['zoe', 'boat', 'isnt', 'it', 'the', 'ferry']);
});

test('GIVEN a text WHEN tokenized THEN function words go and the rest are stemmed in order', () => {
  assert.deepEqual(tokenize("The keeper's logbook was seized by the harbour police."), ['keeper', 'logbook', 'seiz', 'harbour', 'polic']);
});

test('GIVEN a question about being extradited WHEN matched against "his extradition" THEN they share the term', () => {
  const question = new Set(tokenize('When was the smuggler extradited?'));
  assert.ok(tokenize('News of his extradition reached the port.').some((term) => question.has(term)));
});

test('GIVEN "US" the country WHEN tokenized THEN it is not dropped as the pronoun "us", and its other names join it', () => {
  assert.deepEqual(tokenize('The U.S. and the US told us; America and Americans'), ['usa', 'usa', 'tell', 'usa', 'usa']);
});

test('GIVEN a dated sentence WHEN its content terms are taken THEN numbers, number words, calendar names and time units are left out', () => {
  assert.deepEqual(
    [...contentTerms('Three weeks later, on Tuesday 4 March 2031, the ferry captain testified for forty minutes')],
    ['later', 'ferri', 'captain', 'testifi', 'minut'],
  );
  assert.deepEqual([...contentTerms('In Sept. the years of delay ended')], ['delay', 'end']);
});

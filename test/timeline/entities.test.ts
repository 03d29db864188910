import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Entities } from '../../src/timeline/entities.ts';

const SENTENCES = [
  'Judge Shira Scheindlin sentenced Viktor Bout in New York.',
  'Scheindlin said the sentence was fair.',
  'Prosecutors said Bout is serving his term.',
];
const entities = new Entities(SENTENCES);

test('GIVEN a sentence naming people and a place THEN they are found without titles, in the order named', () => {
  assert.deepEqual(entities.people(SENTENCES[0]!), ['Shira Scheindlin', 'Viktor Bout']);
  assert.deepEqual(entities.places(SENTENCES[0]!), ['New York']);
});

test('GIVEN a surname the corpus gives in full elsewhere THEN it names that person', () => {
  assert.deepEqual(entities.people(SENTENCES[1]!), ['Shira Scheindlin']);
  assert.deepEqual(entities.people(SENTENCES[2]!), ['Viktor Bout']);
});

test('GIVEN a span of a sentence THEN only the people inside it are named', () => {
  const sentence = SENTENCES[0]!;
  assert.deepEqual(entities.people(sentence, sentence.indexOf('sentenced')), ['Viktor Bout']);
});

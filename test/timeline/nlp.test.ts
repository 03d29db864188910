import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse } from '../../src/timeline/nlp.ts';

test('GIVEN a sentence WHEN analysed THEN its runs of proper names are found with their offsets and entity kinds', () => {
  const sentence = 'Judge Shira Scheindlin sentenced Viktor Bout in New York.';
  const { names } = analyse(sentence);
  assert.deepEqual(
    names.map(({ text, person, place }) => ({ text, person, place })),
    [
      { text: 'Shira Scheindlin', person: true, place: false },
      { text: 'Viktor Bout', person: true, place: false },
      { text: 'New York', person: false, place: true },
    ],
  );
  for (const run of names) assert.equal(sentence.slice(run.start, run.end), run.text);
});

test('GIVEN a sentence WHEN analysed THEN verbs carry their lemma', () => {
  const verb = analyse('Judge Shira Scheindlin sentenced Viktor Bout in New York.').terms.find((term) => term.text === 'sentenced');
  assert.equal(verb?.lemma, 'sentence');
});

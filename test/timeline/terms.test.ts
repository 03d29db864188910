import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentTerms, names, stem } from '../../src/timeline/terms.ts';

test('GIVEN inflected words WHEN stemmed THEN arrest, arrested and arrests share a stem', () => {
  assert.deepEqual([stem('arrested'), stem('arrest'), stem('arrests')], ['arrest', 'arrest', 'arrest']);
  assert.equal(stem('extradition'), stem('extradited'));
});

test('GIVEN a sentence WHEN names are read THEN leading function words, months and weekdays are not names', () => {
  assert.deepEqual(names('In April 2012, Viktor Bout met Hillary Clinton on Friday in New York.'), ['Viktor Bout', 'Hillary Clinton', 'New York']);
});

test('GIVEN a text WHEN its content terms are taken THEN dates and function words are left out', () => {
  assert.deepEqual([...contentTerms('He was arrested in December 2022 in Bangkok')], ['arrest', 'bangkok']);
});

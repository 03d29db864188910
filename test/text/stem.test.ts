import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stem } from '../../src/text/stem.ts';

test('GIVEN the verb and the noun of one act WHEN stemmed THEN they are one term: "extradited" and "extradition" meet', () => {
  assert.deepEqual(['extradited', 'extradition', 'extradite', 'extraditing'].map(stem), ['extradit', 'extradit', 'extradit', 'extradit']);
  assert.deepEqual(['convicted', 'conviction', 'imprisoned', 'imprisonment'].map(stem), ['convict', 'convict', 'imprison', 'imprison']);
});

test('GIVEN plurals and inflections WHEN stemmed THEN each family is one term', () => {
  assert.deepEqual(['ferries', 'ferry', 'smuggled', 'smuggling', 'smuggles'].map(stem), ['ferri', 'ferri', 'smuggl', 'smuggl', 'smuggl']);
  assert.equal(stem('news'), 'news');
});

test('GIVEN irregular past forms WHEN stemmed THEN they meet their base form', () => {
  assert.deepEqual(['told', 'laid', 'held', 'sought', 'fled'].map(stem), ['tell', 'lay', 'hold', 'seek', 'flee']);
  assert.equal(stem('seeks'), stem('sought'));
  assert.equal(stem('laying'), stem('laid'));
});

test('GIVEN capitals, digits and very short words WHEN stemmed THEN case is folded and the rest kept whole', () => {
  assert.equal(stem('Ferries'), stem('ferry'));
  assert.deepEqual(['1987', 'f16', 'ox'].map(stem), ['1987', 'f16', 'ox']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeConflict } from '../../src/timeline/conflict.ts';

test('GIVEN reports that agree WHEN compared THEN there is no conflict, even if one is less precise', () => {
  assert.equal(
    describeConflict([
      { source: 'a.txt', date: '2012', clause: 'Bout was sentenced to 25 years' },
      { source: 'b.txt', date: '2012-04-05', clause: 'Bout’s 25-year sentence was handed down in New York' },
    ]),
    undefined,
  );
});

test('GIVEN different amounts of money WHEN compared THEN the figures conflict', () => {
  assert.equal(
    describeConflict([
      { source: 'a.txt', date: '2012-04', clause: 'He received a $15 million fine' },
      { source: 'b.txt', date: '2012-04', clause: 'He received a $20 million fine' },
    ]),
    'the figures differ: $15 million fine (a.txt) vs $20 million fine (b.txt)',
  );
});

test('GIVEN names that differ only by an inflection WHEN compared THEN there is no spelling conflict', () => {
  assert.equal(
    describeConflict([
      { source: 'a.txt', date: '2008', clause: 'Russia arrested him in Thailand' },
      { source: 'b.txt', date: '2008', clause: 'Russian officials said Thailand arrested him' },
    ]),
    undefined,
  );
});

test('GIVEN one report that disagrees on the date and another on a spelling WHEN compared THEN both conflicts are described', () => {
  assert.equal(
    describeConflict([
      { source: 'a.txt', date: '2022-12', clause: 'Bout was swapped for Britney Griner' },
      { source: 'b.txt', date: '2022-11', clause: 'Bout was swapped for Brittney Griner' },
    ]),
    'the date differs: 2022-11 (b.txt) vs 2022-12 (a.txt); the spelling differs: Britney (a.txt) vs Brittney (b.txt)',
  );
});

test('GIVEN a figure written in words and in digits WHEN compared THEN they agree', () => {
  assert.equal(
    describeConflict([
      { source: 'a.txt', date: '2011-11', clause: 'He was convicted on four conspiracy counts' },
      { source: 'b.txt', date: '2011-11', clause: 'He was convicted on 4 counts of conspiracy' },
    ]),
    undefined,
  );
});

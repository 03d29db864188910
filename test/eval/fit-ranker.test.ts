import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Candidate, CandidateFeatures } from '../../src/answer/candidates.ts';
import { rankCandidates } from '../../src/answer/decision.ts';
import { fitRanker } from '../../src/eval/fit-ranker.ts';
import type { PreparedItem } from '../../src/eval/prepare.ts';

const ZERO: CandidateFeatures = {
  dense: 0,
  denseWindow: 0,
  coverage: 0,
  coverageWindow: 0,
  nameCoverage: 0,
  sourceCoverage: 0,
  articleLine: 0,
  typeFit: 0,
  nameFit: 0,
  category: 0,
  namedCategory: 0,
  denseGap: 0,
  coverageGap: 0,
  novelty: 0,
  nextCoverage: 0,
  retrieval: 0,
  logLength: 0,
  fragment: 0,
};

function candidate(id: number, states: boolean, features: Partial<CandidateFeatures>): Candidate {
  const text = states ? `Sentence ${id} gives the answer.` : `Sentence ${id} is about something else.`;
  return { sentence: { id, source: 'a.txt', text, start: 0, end: text.length, paragraph: 0 }, features: { ...ZERO, ...features } };
}

/**
 * A labelled question whose answer sentence has coverage 1 against 0.5 for the others, in every set; in the set
 * "quirk" (and only there) the answer sentence is also the longest, in the others the shortest.
 */
function item(set: string, n: number): PreparedItem {
  const quirk = set === 'quirk';
  const candidates = [
    candidate(1, false, { coverageWindow: 0.5, logLength: quirk ? 3 : 5 + (n % 3) }),
    candidate(2, false, { coverageWindow: 0.5, logLength: quirk ? 3 : 6 }),
    candidate(3, true, { coverageWindow: 1, logLength: quirk ? 7 : 2 }),
  ];
  const question = { id: `${set}-${n}`, question: 'q?', type: 'fact', gold_sources: ['a.txt'], must_contain_any: [['gives the answer']] };
  return { set, question, prepared: { candidates } } as unknown as PreparedItem;
}

test('GIVEN labelled sets WHEN the ranker is fitted THEN its regularisation is chosen on held-out sets and the answer sentence ranks first in each', () => {
  const items = ['one', 'two', 'three', 'quirk'].flatMap((set) => Array.from({ length: 30 }, (_, n) => item(set, n)));
  const { ranker, rankerPenalty } = fitRanker(['coverageWindow', 'logLength'], items);
  assert.ok([0.001, 0.003, 0.01, 0.03, 0.1, 0.3].includes(rankerPenalty));
  for (const set of ['one', 'two', 'three', 'quirk']) {
    const top = rankCandidates(item(set, 0).prepared.candidates, ranker)[0]!;
    assert.equal(top.sentence.id, 3, `set ${set}`);
  }
  assert.ok(ranker.weights[0]! > 0, `coverage weight ${ranker.weights[0]}`);
});

test('GIVEN a single labelled set WHEN the ranker is fitted THEN it takes the default penalty (no held-out set to choose by)', () => {
  const { rankerPenalty } = fitRanker(['coverageWindow'], Array.from({ length: 10 }, (_, n) => item('one', n)));
  assert.equal(rankerPenalty, 0.03);
});

import { rankCandidates } from '../answer/decision.ts';
import type { LinearModel } from '../answer/linear-model.ts';
import { statesAnswer } from './answer-label.ts';
import { fitListwise } from './fit-listwise.ts';
import { bySet } from './folds.ts';
import type { PreparedItem } from './prepare.ts';

/**
 * L2 penalties tried for the listwise ranker (on standardised features, with the loss averaged over questions).
 * Questions nobody tuned for are worded unlike the training ones, so a ranker that leans on every feature a
 * little can transfer better than one fitted closely; which holds is measured, not assumed.
 */
const PENALTY_CHOICES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3];
// With one set there is nothing to hold out: the middle of the range, as mild as the sets usually choose.
const SINGLE_SET_PENALTY = 0.03;

/** The fitted ranker and the penalty inner cross-validation chose for it. */
export interface FittedRanker {
  ranker: LinearModel;
  rankerPenalty: number;
}

/**
 * Fits the sentence ranker: which of a question's candidates states the answer (`fitListwise`). The penalty is
 * chosen by leave-one-set-out cross-validation inside `items` (the penalty whose held-out rankers put an
 * answer-stating sentence first for the most questions), then the ranker is refitted on all of `items` with it.
 */
export function fitRanker(features: string[], items: PreparedItem[]): FittedRanker {
  const folds = [...new Set(items.map(bySet))];
  let best = { penalty: SINGLE_SET_PENALTY, firstRight: -1 };
  if (folds.length > 1) {
    for (const penalty of PENALTY_CHOICES) {
      let firstRight = 0;
      for (const fold of folds) {
        const ranker = fitOn(features, items.filter((item) => bySet(item) !== fold), penalty);
        firstRight += items.filter((item) => bySet(item) === fold && ranksAnswerFirst(item, ranker)).length;
      }
      if (firstRight > best.firstRight) best = { penalty, firstRight };
    }
  }
  return { ranker: fitOn(features, items, best.penalty), rankerPenalty: best.penalty };
}

function fitOn(features: string[], items: PreparedItem[], penalty: number): LinearModel {
  const groups = items.map((item) => ({
    rows: item.prepared.candidates.map((candidate) => candidate.features as unknown as Record<string, number>),
    labels: item.prepared.candidates.map((candidate) => (statesAnswer(item, candidate) ? 1 : 0)),
  }));
  return fitListwise(features, groups, penalty);
}

function ranksAnswerFirst(item: PreparedItem, ranker: LinearModel): boolean {
  const top = rankCandidates(item.prepared.candidates, ranker)[0];
  return top !== undefined && statesAnswer(item, top);
}

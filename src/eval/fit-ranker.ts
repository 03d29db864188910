import type { Candidate } from '../answer/candidates.ts';
import { rankCandidates } from '../answer/decision.ts';
import type { LinearModel } from '../answer/linear-model.ts';
import { statesAnswer } from './answer-label.ts';
import { fitLogistic } from './fit.ts';
import { bySet } from './folds.ts';
import type { PreparedItem } from './prepare.ts';

// Negatives kept per question for the ranker, in pool order (the hardest first): the ranking is decided among
// the leading candidates, and fewer rows keep a fit to seconds.
const NEGATIVES_PER_QUESTION = 12;

/**
 * Regularisation strengths tried for the ranker, as gradient steps from zero weights (fewer steps keep the weights
 * smaller). Questions nobody tuned for are worded unlike the training ones, so a ranker that leans on every
 * feature equally little can transfer better than one fitted to convergence; which holds is measured, not assumed.
 */
const STEP_CHOICES = [3, 10, 30, 100, 300];

/** The fitted ranker and the step count inner cross-validation chose for it. */
export interface FittedRanker {
  ranker: LinearModel;
  rankerSteps: number;
}

/**
 * Fits the sentence ranker: P(a candidate states the answer). The step count is chosen by leave-one-set-out
 * cross-validation inside `items` (the count whose held-out rankers put an answer-stating sentence first for the
 * most questions), then the ranker is refitted on all of `items` with it.
 */
export function fitRanker(features: string[], items: PreparedItem[]): FittedRanker {
  const folds = [...new Set(items.map(bySet))];
  let best = { steps: STEP_CHOICES[STEP_CHOICES.length - 1]!, firstRight: -1 };
  if (folds.length > 1) {
    for (const steps of STEP_CHOICES) {
      let firstRight = 0;
      for (const fold of folds) {
        const ranker = fitOn(features, items.filter((item) => bySet(item) !== fold), steps);
        firstRight += items.filter((item) => bySet(item) === fold && ranksAnswerFirst(item, ranker)).length;
      }
      if (firstRight > best.firstRight) best = { steps, firstRight };
    }
  }
  return { ranker: fitOn(features, items, best.steps), rankerSteps: best.steps };
}

function fitOn(features: string[], items: PreparedItem[], steps: number): LinearModel {
  const rows = items.flatMap((item) => trainingRows(item));
  return fitLogistic(
    features,
    rows.map((r) => r.candidate.features as unknown as Record<string, number>),
    rows.map((r) => r.label),
    steps,
  );
}

function ranksAnswerFirst(item: PreparedItem, ranker: LinearModel): boolean {
  const top = rankCandidates(item.prepared.candidates, ranker)[0];
  return top !== undefined && statesAnswer(item, top);
}

function trainingRows(item: PreparedItem): { candidate: Candidate; label: number }[] {
  const labelled = item.prepared.candidates.map((candidate) => ({ candidate, label: statesAnswer(item, candidate) ? 1 : 0 }));
  return [...labelled.filter((r) => r.label === 1), ...labelled.filter((r) => r.label === 0).slice(0, NEGATIVES_PER_QUESTION)];
}

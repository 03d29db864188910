import numeric from 'numeric';
import type { LinearModel } from '../answer/linear-model.ts';
import { standardisation } from './fit.ts';

/** One question's candidates: their feature records, and which of them state the answer. */
export interface CandidateGroup {
  rows: Record<string, number>[];
  labels: number[];
}

// The loss is convex and smooth: BFGS stops when a step moves the weights by less than this, far below what
// changes a ranking, or after this many iterations (a few dozen suffice for the project's feature counts).
const TOLERANCE = 1e-7;
const MAX_ITERATIONS = 500;

/**
 * Fits a listwise ranker (a conditional logit): the chance that candidate i of a question is the one stating the
 * answer is softmax(w·x) over that question's candidates, and the fit maximises the chance of the candidates that
 * do (averaged over questions) with an L2 penalty `penalty`·|w|². Unlike a per-candidate logistic fit, it learns
 * what sets a question's answer apart from that question's other sentences, not what makes a sentence look
 * answer-like in general. Questions without an answer-stating candidate carry no information and are skipped.
 * Minimised with numeric.js's BFGS (`uncmin`) on the loss and its exact gradient. The intercept is 0: a shift of
 * every score changes no softmax.
 */
export function fitListwise(features: string[], groups: CandidateGroup[], penalty: number): LinearModel {
  const usable = groups.filter((g) => g.rows.length > 0 && g.labels.some((y) => y === 1));
  const { mean, scale } = standardisation(
    features,
    usable.flatMap((g) => g.rows),
  );
  if (usable.length === 0) return { features, mean, scale, weights: [...features.map(() => 0), 0] };
  const questions = usable.map((g) => ({
    x: g.rows.map((row) => features.map((name, f) => ((row[name] ?? 0) - mean[f]!) / scale[f]!)),
    stating: g.labels.map((y) => y === 1),
  }));
  // uncmin asks for the loss and then the gradient at the same point: both come from one pass.
  let last: { w: number[]; value: ReturnType<typeof lossAndGradient> } | undefined;
  const at = (w: number[]) => {
    if (!last || last.w.some((v, i) => v !== w[i])) last = { w: [...w], value: lossAndGradient(questions, w, penalty) };
    return last.value;
  };
  const result = numeric.uncmin((w: number[]) => at(w).loss, features.map(() => 0), TOLERANCE, (w: number[]) => at(w).gradient, MAX_ITERATIONS);
  return { features, mean, scale, weights: [...result.solution, 0] };
}

/**
 * The mean over questions of −log P(a stating candidate) = log Σ_all e^s − log Σ_stating e^s, plus the penalty,
 * and its gradient: for each question, the softmax-weighted mean of its candidates' features less that mean over
 * its stating candidates.
 */
function lossAndGradient(questions: { x: number[][]; stating: boolean[] }[], w: number[], penalty: number): { loss: number; gradient: number[] } {
  let loss = penalty * w.reduce((sum, v) => sum + v * v, 0);
  const gradient = w.map((v) => 2 * penalty * v);
  for (const { x, stating } of questions) {
    const scores = x.map((row) => row.reduce((sum, v, f) => sum + v * w[f]!, 0));
    // Scores are shifted by their maximum before exponentiating, so no question overflows.
    const top = Math.max(...scores);
    const weights = scores.map((s) => Math.exp(s - top));
    const total = weights.reduce((sum, v) => sum + v, 0);
    const statingTotal = weights.reduce((sum, v, i) => sum + (stating[i] ? v : 0), 0);
    loss += (Math.log(total) - Math.log(statingTotal)) / questions.length;
    x.forEach((row, i) => {
      const share = weights[i]! / total - (stating[i] ? weights[i]! / statingTotal : 0);
      row.forEach((v, f) => {
        gradient[f]! += (share * v) / questions.length;
      });
    });
  }
  return { loss, gradient };
}

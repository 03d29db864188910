import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import type { LinearModel } from '../answer/linear-model.ts';

// Gradient steps of ml-logistic-regression on standardised features: enough to converge on a few thousand rows,
// and few enough to act as mild regularisation (the library has no penalty term). Fewer steps regularise more
// (the weights start at 0); the ranker's count is chosen by cross-validation (fit-ranker.ts).
export const DEFAULT_STEPS = 300;
const LEARNING_RATE = 1;

/**
 * Fits a logistic model with ml-logistic-regression over standardised features plus an intercept column.
 * `rows` are feature records, `labels` 0/1.
 */
export function fitLogistic(features: string[], rows: Record<string, number>[], labels: number[], steps = DEFAULT_STEPS): LinearModel {
  const { mean, scale } = standardisation(features, rows);
  const x = new Matrix(rows.map((row) => [...features.map((name, i) => ((row[name] ?? 0) - mean[i]!) / scale[i]!), 1]));
  // The library sums the gradient over rows: dividing the rate by the row count makes the step size-free.
  const model = new LogisticRegression({ numSteps: steps, learningRate: LEARNING_RATE / Math.max(1, rows.length) });
  model.train(x, Matrix.columnVector(labels));
  // One-vs-all over classes {0, 1}: classifier 0 scores "not class 0", i.e. P(label = 1).
  const weights = (model.classifiers[0] as { weights: Matrix }).weights.to1DArray();
  return { features, mean, scale, weights };
}

/** Each feature's mean and standard deviation over `rows` (1 for a feature that never varies, so nothing divides by 0). */
export function standardisation(features: string[], rows: Record<string, number>[]): { mean: number[]; scale: number[] } {
  const mean = features.map((name) => average(rows.map((row) => row[name] ?? 0)));
  const scale = features.map((name, i) => Math.sqrt(average(rows.map((row) => ((row[name] ?? 0) - mean[i]!) ** 2))) || 1);
  return { mean, scale };
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

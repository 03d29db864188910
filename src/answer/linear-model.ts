/** A fitted logistic model over named features: standardised inputs, weights and an intercept. */
export interface LinearModel {
  features: string[];
  mean: number[];
  scale: number[];
  /** One weight per feature, then the intercept. */
  weights: number[];
}

/** The model's log-odds for a row of feature values (in `model.features` order). */
export function logit(model: LinearModel, values: Record<string, number>): number {
  let sum = model.weights[model.features.length] ?? 0;
  model.features.forEach((name, i) => {
    sum += model.weights[i]! * (((values[name] ?? 0) - model.mean[i]!) / model.scale[i]!);
  });
  return sum;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

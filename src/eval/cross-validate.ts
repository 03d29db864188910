import { decide, type AnswerDecision } from '../answer/answer.ts';
import { CALIBRATION_VERSION, ENCODER_INDEPENDENT, type Calibration } from '../answer/calibration.ts';
import { CANDIDATE_FEATURES } from '../answer/candidates.ts';
import { composeExtractive } from '../answer/compose.ts';
import { DECISION_FEATURES } from '../answer/decision.ts';
import type { Citation } from '../answer/types.ts';
import { DEFAULT_STEPS, fitLogistic } from './fit.ts';
import { bySet } from './folds.ts';
import { logit, sigmoid, type LinearModel } from '../answer/linear-model.ts';
import { fitRanker } from './fit-ranker.ts';
import { isAnswerable } from './labelled.ts';
import { answerMatches } from './metrics.ts';
export { statesAnswer } from './answer-label.ts';
export { byArticle, bySet } from './folds.ts';
import type { PreparedItem } from './prepare.ts';

/** What the fitted answerer did with one labelled question. */
export interface Outcome {
  item: PreparedItem;
  answerable: boolean;
  answered: boolean;
  /** Answered, and the answer holds every expected fact. */
  correct: boolean;
  /** The answer the extractive answerer would give if it answered. */
  text: string;
  citations: Citation[];
  probability: number;
}

/** Figures for a group of outcomes: the ones the project's targets are set on. */
export interface Figures {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Questions answered (not declined). */
  answered: number;
  /** Answerable questions answered correctly. */
  accuracy: number;
  /** Unanswerable questions declined. */
  declined: number;
  /** Answerable questions declined. */
  falseAbstention: number;
  /** Answered questions whose answer is wrong, over all answered. */
  wrongAnswers: number;
  citationValidity: number;
  medianAnswerChars: number;
}

type Parameters = Omit<Calibration, 'version' | 'encoder' | 'fittedAt' | 'crossValidated'>;

// Sentence counts the answer may take: the best alone (above 1), or with others the ranker rates at least this
// share as high. Chosen per fit by the utility below.
const KEEP_RATIOS = [1.01, 0.9, 0.75, 0.6, 0.4, 0.2, 0];

/**
 * The utility a decision threshold is chosen by: the number of questions handled right — answerable ones
 * answered right, unanswerable ones declined — over the labelled sets, whose mix (three answerable questions to
 * one unanswerable) stands for what users ask. A wrong answer and a needless "not stated" both count as misses.
 */
function utility(outcomes: Pick<Outcome, 'answerable' | 'answered' | 'correct'>[]): number {
  return outcomes.filter((o) => (o.answerable ? o.correct : !o.answered)).length;
}

// Regularisation strengths tried for the decision, as gradient steps from zero weights (see DEFAULT_STEPS in fit.ts).
const DECISION_STEP_CHOICES = [10, 30, 100, 300];

/**
 * Fits the ranker, the sentence count and the decision on labelled items. The sentence count, the decision's
 * regularisation and its threshold are chosen together by the questions handled right out of fold (each set's
 * decision probabilities come from a decision fitted on the other sets): a threshold picked on the probabilities
 * of the very questions the decision was fitted on sits where those questions happen to split, not where new
 * ones do. The decision is then refitted on every item with the chosen strength.
 */
export function fitParameters(items: PreparedItem[], options: { encoderIndependent?: boolean } = {}): Parameters {
  const dense = new Set(options.encoderIndependent ? ['dense', 'denseWindow', 'denseGap', 'topDense'] : []);
  const rankerFeatures = CANDIDATE_FEATURES.filter((f) => !dense.has(f));
  const { ranker, rankerPenalty } = fitRanker(rankerFeatures, items);
  const decisionFeatures = DECISION_FEATURES.filter((f) => !dense.has(f));
  const folds = [...new Set(items.map(bySet))];
  let best: { keepRatio: number; steps: number; threshold: number; utility: number } | undefined;
  let bestAnswered: ReturnType<typeof outcomeOf>[] = [];
  for (const keepRatio of KEEP_RATIOS) {
    // With the threshold at 0 every question is answered: the labels say which answers would be right.
    const provisional: Parameters = { ranker, rankerPenalty, keepRatio, threshold: 0, decision: untrained(decisionFeatures) };
    const answered = items.map((item) => outcomeOf(item, provisional));
    for (const steps of folds.length > 1 ? DECISION_STEP_CHOICES : [DEFAULT_STEPS]) {
      const probabilities = folds.length > 1 ? outOfFoldProbabilities(answered, decisionFeatures, steps) : inSampleProbabilities(answered, decisionFeatures, steps);
      for (const threshold of thresholds(probabilities)) {
        const value = utility(answered.map((o, i) => ({ answerable: o.answerable, answered: probabilities[i]! >= threshold, correct: probabilities[i]! >= threshold && o.correctIfAnswered })));
        if (!best || value > best.utility) {
          best = { keepRatio, steps, threshold, utility: value };
          bestAnswered = answered;
        }
      }
    }
  }
  const decision = fitDecision(bestAnswered, decisionFeatures, best!.steps);
  return { ranker, rankerPenalty, keepRatio: best!.keepRatio, threshold: best!.threshold, decision, decisionSteps: best!.steps };
}

function untrained(features: string[]): LinearModel {
  return { features, mean: features.map(() => 0), scale: features.map(() => 1), weights: [...features.map(() => 0), 0] };
}

type Answered = ReturnType<typeof outcomeOf>;

function fitDecision(answered: Answered[], features: string[], steps: number): LinearModel {
  return fitLogistic(features, answered.map((o) => o.decision.features as unknown as Record<string, number>), answered.map((o) => (o.correct ? 1 : 0)), steps);
}

function probabilityOf(model: LinearModel, o: Answered): number {
  return sigmoid(logit(model, o.decision.features as unknown as Record<string, number>));
}

/** Each item's decision probability from a decision fitted on the other sets' items. */
function outOfFoldProbabilities(answered: Answered[], features: string[], steps: number): number[] {
  const probabilities = new Array<number>(answered.length);
  for (const fold of new Set(answered.map((o) => bySet(o.item)))) {
    const model = fitDecision(answered.filter((o) => bySet(o.item) !== fold), features, steps);
    answered.forEach((o, i) => {
      if (bySet(o.item) === fold) probabilities[i] = probabilityOf(model, o);
    });
  }
  return probabilities;
}

// One set alone has no other set to hold out: its threshold is chosen on the decision's own fit.
function inSampleProbabilities(answered: Answered[], features: string[], steps: number): number[] {
  const model = fitDecision(answered, features, steps);
  return answered.map((o) => probabilityOf(model, o));
}

/** Candidate thresholds: midpoints between the sorted probabilities, so every distinct cut is tried once. */
function thresholds(probabilities: number[]): number[] {
  const sorted = [...new Set(probabilities)].sort((a, b) => a - b);
  return [0, ...sorted.slice(1).map((p, i) => (p + sorted[i]!) / 2), 1.01];
}

function outcomeOf(item: PreparedItem, parameters: Parameters): Outcome & { decision: AnswerDecision; correctIfAnswered: boolean } {
  const calibration: Calibration = { version: CALIBRATION_VERSION, encoder: '', fittedAt: '', ...parameters };
  const decision = decide(item.corpus.store, item.prepared, calibration);
  const composed = decision.evidence.length ? composeExtractive(item.corpus.store, item.prepared.analysis, decision.evidence, item.lookupDate) : { answer: '', citations: [] };
  const answerable = isAnswerable(item.question);
  const correctIfAnswered = answerable && decision.evidence.length > 0 && answerMatches(composed.answer, item.question.must_contain_any);
  return { item, answerable, answered: decision.answer, correct: decision.answer && correctIfAnswered, correctIfAnswered, text: composed.answer, citations: composed.citations, probability: decision.probability, decision };
}

/** Runs the fitted answerer over items. */
export function evaluate(items: PreparedItem[], parameters: Parameters): Outcome[] {
  return items.map((item) => outcomeOf(item, parameters));
}

/** Each item answered by parameters fitted on the items of the other folds. */
export function crossValidate(items: PreparedItem[], foldOf: (item: PreparedItem) => string, options: { encoderIndependent?: boolean } = {}): Outcome[] {
  const folds = [...new Set(items.map(foldOf))];
  const byItem = new Map<PreparedItem, Outcome>();
  for (const fold of folds) {
    const held = items.filter((item) => foldOf(item) === fold);
    const parameters = fitParameters(items.filter((item) => foldOf(item) !== fold), options);
    for (const outcome of evaluate(held, parameters)) byItem.set(outcome.item, outcome);
  }
  return items.map((item) => byItem.get(item)!);
}


/** The figures of a group of outcomes. */
export function figures(outcomes: Outcome[]): Figures {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const answered = outcomes.filter((o) => o.answered);
  const citations = answered.flatMap((o) => o.citations.map((c) => ({ c, o })));
  const lengths = answered.map((o) => o.text.length).sort((a, b) => a - b);
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    answered: answered.length,
    accuracy: ratio(answerable.filter((o) => o.correct).length, answerable.length),
    declined: ratio(unanswerable.filter((o) => !o.answered).length, unanswerable.length),
    falseAbstention: ratio(answerable.filter((o) => !o.answered).length, answerable.length),
    wrongAnswers: ratio(answered.filter((o) => !o.correct).length, answered.length),
    citationValidity: ratio(citations.filter(({ c, o }) => o.item.fileText(c.source)?.includes(c.quote) ?? false).length, citations.length),
    medianAnswerChars: lengths.length ? lengths[Math.floor((lengths.length - 1) / 2)]! : 0,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export { ENCODER_INDEPENDENT };

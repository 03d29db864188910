import { dot } from '../math/vectors.ts';
import type { Calibration } from './calibration.ts';
import { asksAboutArticle, CANDIDATE_FEATURES, corpusWords, tokensOf, type Candidate, type CandidateFeatures } from './candidates.ts';
import { logit, sigmoid } from './linear-model.ts';
import type { QuestionAnalysis } from './question.ts';
import type { SentenceStore } from './sources.ts';

/** A candidate with the fitted ranker's verdict. */
export interface RankedCandidate extends Candidate {
  /** The ranker's score; only differences between one question's candidates mean something. */
  logit: number;
  /** The softmax of the scores over the question's candidates: the ranker's P(this one states the answer). */
  share: number;
}

/** The answer decision's inputs: measured on the question, its best candidates and the chosen evidence. */
export interface DecisionFeatures {
  /** The ranker's score for the best sentence. */
  topLogit: number;
  /** The ranker's P(the best sentence states the answer), its share of the question's softmax: low when many compete. */
  topShare: number;
  /** How far the best sentence leads the second (a clear winner is more often right). */
  margin: number;
  topDense: number;
  topCoverage: number;
  topNameCoverage: number;
  topTypeFit: number;
  topNameFit: number;
  topCategory: number;
  topNamedCategory: number;
  /** Share of the question's names that appear nowhere in the corpus, datelines and bylines included. */
  unknownNames: number;
  /** Share of the question's content words found in the chosen sentences together. */
  answerCoverage: number;
  /** log(1 + number of content words): long questions are harder to cover. */
  logTerms: number;
  /** The question asks for a kind of fact (a date, a count, a person…). */
  typed: number;
  /**
   * Share of the question's content words (names aside) that the corpus never uses: a question on something the
   * articles do not cover has them, even written in lower case, where no name is detected for `unknownNames`.
   */
  unknownWords: number;
  /**
   * `answerCoverage` with each word weighted by its rarity in the corpus: a near-miss question (its topic in the
   * articles, the fact it asks not) is covered in its common words and lacks the specific one it asks about.
   */
  weightedCoverage: number;
}

export const DECISION_FEATURES: (keyof DecisionFeatures)[] = [
  'topLogit',
  'topShare',
  'margin',
  'topDense',
  'topCoverage',
  'topNameCoverage',
  'topTypeFit',
  'topNameFit',
  'topCategory',
  'topNamedCategory',
  'unknownNames',
  'answerCoverage',
  'logTerms',
  'typed',
  'unknownWords',
  'weightedCoverage',
];

/** Scores candidates with the fitted ranker, best first. */
export function rankCandidates(candidates: Candidate[], ranker: Calibration['ranker']): RankedCandidate[] {
  const scores = candidates.map((candidate) => logit(ranker, candidate.features as unknown as Record<string, number>));
  const top = Math.max(...scores);
  const total = scores.reduce((sum, s) => sum + Math.exp(s - top), 0);
  return candidates
    .map((candidate, i) => ({ ...candidate, logit: scores[i]!, share: Math.exp(scores[i]! - top) / total }))
    .sort((a, b) => b.logit - a.logit || a.sentence.id - b.sentence.id);
}

// Two sentences reporting the same thing, often in two articles, have near-identical vectors (cosine above this
// is a paraphrase for both packaged encoders); the answer keeps one of them.
const NEAR_DUPLICATE = 0.9;
// An answer is short: the best sentence and at most two that add to it; a survey gives one sentence per article.
const MAX_SENTENCES = 3;
const MAX_SURVEY_ARTICLES = 5;
// How deep in the ranking a survey looks for each article's sentence: twice the articles it may list.
const SURVEY_DEPTH = 2 * MAX_SURVEY_ARTICLES;
// Further sentences join only while the answer stays readable at a glance (about three short sentences); the best
// sentence is always given whole.
const MAX_ANSWER_CHARS = 400;

/** The answer's sentences: the best, and others the ranker rates nearly as high that are not repeats of it. */
export function selectEvidence(
  store: SentenceStore,
  question: QuestionAnalysis,
  ranked: RankedCandidate[],
  keepRatio: number,
): RankedCandidate[] {
  const best = ranked[0];
  if (!best) return [];
  if (question.survey) return surveyEvidence(store, ranked);
  const chosen = [best];
  const aboutArticle = asksAboutArticle(question);
  const covered = new Set(wordsOf(store, best));
  for (const candidate of ranked.slice(1)) {
    if (chosen.length >= MAX_SENTENCES) break;
    // A heading or caption (a line without a full stop) names a topic and states no fact of the case: beside the
    // answer it adds only words, unless the question asks about the article (its headline, byline, date).
    if (candidate.features.fragment === 1 && !aboutArticle) continue;
    // A question in two parts ("when was he convicted and when sentenced") needs a sentence for each: a candidate
    // bringing question words the answer lacks may join at a lower rating than one that repeats its words.
    const addsWords = question.terms.some((term) => !covered.has(term) && wordsOf(store, candidate).includes(term));
    if (candidate.share < best.share * (addsWords ? keepRatio * keepRatio : keepRatio)) continue;
    if (chosen.some((c) => overlaps(c, candidate) || nearDuplicate(store, c, candidate))) continue;
    if (length([...chosen, candidate]) > MAX_ANSWER_CHARS) continue;
    chosen.push(candidate);
    for (const word of wordsOf(store, candidate)) covered.add(word);
  }
  // The best sentence leads, since it is what the question is answered by; the others follow in the order their
  // articles tell them, so two sentences of one article read as written.
  const [first, ...rest] = chosen;
  const articles = rest.map((c) => c.sentence.source).filter((source, i, all) => all.indexOf(source) === i);
  rest.sort((a, b) => articles.indexOf(a.sentence.source) - articles.indexOf(b.sentence.source) || a.sentence.id - b.sentence.id);
  return [first!, ...rest];
}

/**
 * "Do the articles agree…": the best-rated sentence of each article among the leading candidates, so every
 * article that bears on the question is heard once.
 */
function surveyEvidence(store: SentenceStore, ranked: RankedCandidate[]): RankedCandidate[] {
  const chosen: RankedCandidate[] = [];
  for (const candidate of ranked.slice(0, SURVEY_DEPTH)) {
    if (chosen.length >= MAX_SURVEY_ARTICLES) break;
    if (chosen.some((c) => c.sentence.source === candidate.sentence.source || nearDuplicate(store, c, candidate))) continue;
    chosen.push(candidate);
  }
  return chosen;
}

/** Measures what the decision model weighs. */
export function decisionFeatures(
  store: SentenceStore,
  question: QuestionAnalysis,
  ranked: RankedCandidate[],
  evidence: RankedCandidate[],
): DecisionFeatures {
  const top = ranked[0];
  const f: Partial<CandidateFeatures> = top?.features ?? {};
  const known = corpusWords(store);
  const words = new Set(evidence.flatMap((c) => [...tokensOf(store, c.sentence), ...(c.lead ? tokensOf(store, c.lead) : [])]));
  const content = [...new Set(question.terms)].filter((t) => !question.names.includes(t));
  return {
    topLogit: top?.logit ?? -10,
    topShare: top?.share ?? 0,
    margin: top && ranked[1] ? top.logit - ranked[1].logit : 0,
    topDense: f.dense ?? 0,
    topCoverage: f.coverageWindow ?? 0,
    topNameCoverage: f.nameCoverage ?? 0,
    topTypeFit: f.typeFit ?? 0,
    topNameFit: f.nameFit ?? 0,
    topCategory: f.category ?? 0,
    topNamedCategory: f.namedCategory ?? 0,
    unknownNames: question.names.length === 0 ? 0 : question.names.filter((n) => !known.has(n)).length / question.names.length,
    answerCoverage: content.length === 0 ? 1 : content.filter((t) => words.has(t)).length / content.length,
    logTerms: Math.log(1 + content.length),
    typed: question.type === 'other' ? 0 : 1,
    unknownWords: content.length === 0 ? 0 : content.filter((t) => !known.has(t)).length / content.length,
    weightedCoverage: weightedShare(
      content,
      (t) => words.has(t),
      (t) => store.termWeight(t),
    ),
  };
}

/** P(the answer is right) under the fitted decision model. */
export function answerProbability(calibration: Calibration, features: DecisionFeatures): number {
  return sigmoid(logit(calibration.decision, features as unknown as Record<string, number>));
}

function length(candidates: Candidate[]): number {
  return candidates.reduce((sum, c) => sum + c.sentence.text.length + (c.lead ? c.lead.text.length + 1 : 0) + 1, 0);
}

function wordsOf(store: SentenceStore, candidate: Candidate): string[] {
  return [...tokensOf(store, candidate.sentence), ...(candidate.lead ? tokensOf(store, candidate.lead) : [])];
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.lead?.id === b.sentence.id || b.lead?.id === a.sentence.id || a.sentence.id === b.sentence.id;
}

function nearDuplicate(store: SentenceStore, a: Candidate, b: Candidate): boolean {
  return dot(store.sentenceVector(a.sentence.id), store.sentenceVector(b.sentence.id)) > NEAR_DUPLICATE;
}

export { CANDIDATE_FEATURES };

/** The share of `terms`' total weight that the terms for which `holds` is true carry (1 for no weight at all). */
function weightedShare(terms: string[], holds: (term: string) => boolean, weight: (term: string) => number): number {
  const total = terms.reduce((sum, t) => sum + weight(t), 0);
  return total === 0 ? 1 : terms.filter(holds).reduce((sum, t) => sum + weight(t), 0) / total;
}

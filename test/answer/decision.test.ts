import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Calibration } from '../../src/answer/calibration.ts';
import { CANDIDATE_FEATURES, type Candidate, type CandidateFeatures } from '../../src/answer/candidates.ts';
import {
  answerProbability,
  decisionFeatures,
  rankCandidates,
  selectEvidence,
  type DecisionFeatures,
  type RankedCandidate,
} from '../../src/answer/decision.ts';
import { sigmoid, type LinearModel } from '../../src/answer/linear-model.ts';
import { analyzeQuestion } from '../../src/answer/question.ts';
import { tokenize } from '../../src/text/terms.ts';
import { PORT_ARTICLES, portEmbeddings, S } from '../fixtures/port-articles.ts';
import { buildSmallIndex, type SmallIndex } from '../fixtures/small-index.ts';

const NO_FEATURES = Object.fromEntries(CANDIDATE_FEATURES.map((name) => [name, 0])) as unknown as CandidateFeatures;
/** A linear model on named features, unstandardised (mean 0, scale 1). */
const model = (weights: Record<string, number>, intercept = 0): LinearModel => ({
  features: Object.keys(weights),
  mean: Object.keys(weights).map(() => 0),
  scale: Object.keys(weights).map(() => 1),
  weights: [...Object.values(weights), intercept],
});

describe('the answer decision (ranking, evidence, decision features)', () => {
  let small: SmallIndex;
  const sentence = (id: number) => small.index.sentence(id)!;
  const candidate = (id: number, features: Partial<CandidateFeatures> = {}, lead?: number): Candidate => ({
    sentence: sentence(id),
    lead: lead === undefined ? undefined : sentence(lead),
    features: { ...NO_FEATURES, ...features },
  });
  /** A candidate as the ranker left it, with the given share of the question's softmax. */
  const rated = (id: number, share: number, lead?: number): RankedCandidate => ({
    ...candidate(id, {}, lead),
    share,
    logit: Math.log(share),
  });
  const ids = (list: Candidate[]) => list.map((c) => c.sentence.id);
  before(async () => {
    small = await buildSmallIndex(PORT_ARTICLES, portEmbeddings(), 2000);
  });
  after(() => small.cleanup());

  describe('rankCandidates', () => {
    it('GIVEN a ranker weighing coverage 2 and the gap -1 with intercept -1 THEN each logit is 2·coverage − gap − 1, best first, its share the softmax over the candidates', () => {
      const ranker = model({ coverage: 2, denseGap: -1 }, -1);
      const ranked = rankCandidates(
        [candidate(S.met, { coverage: 0.5 }), candidate(S.cost, { coverage: 1, denseGap: -0.5 }), candidate(S.noise, { coverage: 0 })],
        ranker,
      );
      assert.deepEqual(ids(ranked), [S.cost, S.met, S.noise]);
      assert.deepEqual(
        ranked.map((c) => c.logit),
        [1.5, 0, -1],
      );
      const total = Math.exp(1.5) + Math.exp(0) + Math.exp(-1);
      ranked.forEach((c, i) => assert.ok(Math.abs(c.share - [Math.exp(1.5), 1, Math.exp(-1)][i]! / total) < 1e-12, `share ${c.share}`));
    });

    it('GIVEN two candidates the ranker rates alike THEN the earlier sentence comes first', () => {
      const ranked = rankCandidates([candidate(S.townCost, { coverage: 1 }), candidate(S.cost, { coverage: 1 })], model({ coverage: 1 }));
      assert.deepEqual(ids(ranked), [S.cost, S.townCost]);
    });
  });

  describe('selectEvidence', () => {
    const question = analyzeQuestion('How much did the terminal cost?');

    it('GIVEN no candidate THEN there is no evidence', () => {
      assert.deepEqual(selectEvidence(small.corpus.store, question, [], 0.8), []);
    });

    it('GIVEN a second sentence rated at least keepRatio of the best THEN it joins; below, it does not', () => {
      assert.deepEqual(ids(selectEvidence(small.corpus.store, question, [rated(S.cost, 0.8), rated(S.mayor, 0.4)], 0.5)), [
        S.cost,
        S.mayor,
      ]);
      assert.deepEqual(ids(selectEvidence(small.corpus.store, question, [rated(S.cost, 0.8), rated(S.mayor, 0.39)], 0.5)), [S.cost]);
    });

    it('GIVEN a sentence bringing question words the answer lacks THEN it may join down to keepRatio² of the best', () => {
      // "met on Monday" has none of the question's words; "approved a new container terminal" brings "terminal"
      // to an answer that lacks it.
      const best = rated(S.noise, 0.9);
      assert.deepEqual(ids(selectEvidence(small.corpus.store, question, [best, rated(S.approved, 0.6)], 0.8)), [S.noise, S.approved]);
      assert.deepEqual(ids(selectEvidence(small.corpus.store, question, [best, rated(S.met, 0.6)], 0.8)), [S.noise]);
    });

    it('GIVEN two sentences reporting the same thing (cosine 1) THEN the answer keeps the better one', () => {
      assert.deepEqual(ids(selectEvidence(small.corpus.store, question, [rated(S.townCost, 0.9), rated(S.cost, 0.89)], 0.5)), [S.townCost]);
    });

    it("GIVEN a candidate that is another's lead THEN it is not quoted twice", () => {
      assert.deepEqual(
        ids(selectEvidence(small.corpus.store, question, [rated(S.opened, 0.9, S.approved), rated(S.approved, 0.89)], 0.5)),
        [S.opened],
      );
    });

    it('GIVEN many sentences rated alike THEN at most three are given, the best first and the others in text order', () => {
      const ranked = [rated(S.cost, 0.9), rated(S.met, 0.9), rated(S.mayor, 0.9), rated(S.approved, 0.9), rated(S.noise, 0.9)];
      assert.deepEqual(ids(selectEvidence(small.corpus.store, question, ranked, 0.5)), [S.cost, S.met, S.mayor]);
    });

    it('GIVEN a heading (a line without a full stop) rated as high as the answer THEN it does not join, unless the question asks about the article', () => {
      const heading: RankedCandidate = { ...rated(S.mayor, 0.9), features: { ...NO_FEATURES, fragment: 1 } };
      assert.deepEqual(ids(selectEvidence(small.corpus.store, question, [rated(S.cost, 0.9), heading], 0.5)), [S.cost]);
      const aboutArticle = analyzeQuestion('Who is the author of the article on the terminal?');
      assert.deepEqual(ids(selectEvidence(small.corpus.store, aboutArticle, [rated(S.cost, 0.9), heading], 0.5)), [S.cost, S.mayor]);
    });

    it('GIVEN "do the articles agree…" THEN the best sentence of each article is given, repeats across articles left out', () => {
      const survey = analyzeQuestion('Do the articles agree on what the terminal cost?');
      assert.equal(survey.survey, true);
      const ranked = [rated(S.cost, 0.9), rated(S.approved, 0.8), rated(S.townCost, 0.7), rated(S.mayor, 0.6)];
      assert.deepEqual(ids(selectEvidence(small.corpus.store, survey, ranked, 0.99)), [S.cost, S.mayor]);
    });
  });

  describe('decisionFeatures and answerProbability', () => {
    it('GIVEN a question, its ranking and evidence THEN the decision features are measured on them', () => {
      const question = analyzeQuestion('How much did the Zanzibar terminal cost?');
      const top = {
        ...rated(S.cost, 0.9),
        features: { ...NO_FEATURES, dense: 0.8, coverageWindow: 0.75, nameCoverage: 0, typeFit: 1, nameFit: 0, category: 0 },
      };
      const ranked = [top, rated(S.approved, 0.5)];
      const features = decisionFeatures(small.corpus.store, question, ranked, [top]);
      const content = [...new Set(question.terms)].filter((t) => !question.names.includes(t));
      assert.deepEqual(question.names, ['zanzibar']);
      assert.deepEqual(features, {
        topLogit: top.logit,
        topShare: 0.9,
        margin: top.logit - ranked[1]!.logit,
        topDense: 0.8,
        topCoverage: 0.75,
        topNameCoverage: 0,
        topTypeFit: 1,
        topNameFit: 0,
        topCategory: 0,
        topNamedCategory: 0,
        unknownNames: 1,
        answerCoverage: 1,
        logTerms: Math.log(1 + content.length),
        typed: 1,
        unknownWords: 0,
        weightedCoverage: 1,
      } satisfies DecisionFeatures);
    });

    it('GIVEN evidence missing a question word THEN answer coverage is the share found; with no candidate the top logit is -10', () => {
      const question = analyzeQuestion('When did the authority open the terminal?');
      const features = decisionFeatures(small.corpus.store, question, [rated(S.cost, 0.6)], [rated(S.cost, 0.6)]);
      // "The terminal cost 40 million euros, the authority said.": authority and terminal, not open.
      assert.equal(features.answerCoverage, 2 / 3);
      const weight = (word: string) => small.corpus.store.termWeight(tokenize(word)[0]!);
      const [covered, asked] = [weight('authority') + weight('terminal'), weight('open')];
      assert.equal(features.weightedCoverage, covered / (covered + asked));
      assert.equal(features.margin, 0);
      assert.equal(features.unknownNames, 0);
      assert.equal(decisionFeatures(small.corpus.store, question, [], []).topLogit, -10);
      assert.equal(decisionFeatures(small.corpus.store, analyzeQuestion('Tell me about the terminal.'), [], []).typed, 0);
    });

    it('GIVEN a lower-case question on something the corpus never mentions THEN its words are unknown though no name is', () => {
      const offTopic = analyzeQuestion('how do i convert celsius to fahrenheit');
      const features = decisionFeatures(small.corpus.store, offTopic, [], []);
      assert.deepEqual(offTopic.names, []);
      assert.equal(features.unknownNames, 0);
      assert.equal(features.unknownWords, 1);
      const halfKnown = decisionFeatures(small.corpus.store, analyzeQuestion('what did the terminal cost in fahrenheit'), [], []);
      assert.equal(halfKnown.unknownWords, 1 / 3);
    });

    it('GIVEN a decision model THEN the probability is the sigmoid of its logit over the features', () => {
      const calibration = { decision: model({ topLogit: 1, unknownNames: -4 }, 0.5) } as Calibration;
      const features = { topLogit: 2, unknownNames: 0.5 } as DecisionFeatures;
      assert.equal(answerProbability(calibration, features), sigmoid(2 - 2 + 0.5));
    });
  });
});

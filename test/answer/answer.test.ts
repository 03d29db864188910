import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { answerQuestion, decide, prepareQuestion, type AnswerDeps } from '../../src/answer/answer.ts';
import { CALIBRATION_VERSION, type Calibration } from '../../src/answer/calibration.ts';
import type { DateLookup } from '../../src/answer/compose.ts';
import type { LinearModel } from '../../src/answer/linear-model.ts';
import type { AnswerCorpus, Retriever } from '../../src/answer/sources.ts';
import { RecordingChatModel } from '../core/chat-models.ts';
import { PORT_ARTICLES, portEmbeddings, S } from '../fixtures/port-articles.ts';
import { buildSmallIndex, type SmallIndex } from '../fixtures/small-index.ts';

const model = (weights: Record<string, number>, intercept = 0): LinearModel => ({
  features: Object.keys(weights),
  mean: Object.keys(weights).map(() => 0),
  scale: Object.keys(weights).map(() => 1),
  weights: [...Object.values(weights), intercept],
});
// The ranker prefers sentences holding the question's words and the asked kind of fact; the decision answers when
// the best sentence's log-odds are positive, unless the question names something the corpus never mentions.
const CALIBRATION: Calibration = {
  version: CALIBRATION_VERSION,
  encoder: 'test',
  fittedAt: '2026-01-01T00:00:00.000Z',
  ranker: model({ coverageWindow: 4, typeFit: 1 }, -2),
  decision: model({ topLogit: 1, unknownNames: -10 }),
  threshold: 0.5,
  keepRatio: 0.9,
};
const noDates: DateLookup = () => undefined;

describe('answerQuestion (the extractive answerer end to end on a small index)', () => {
  let small: SmallIndex;
  let deps: AnswerDeps;
  before(async () => {
    small = await buildSmallIndex(PORT_ARTICLES, portEmbeddings(), 2000);
    deps = { embeddings: small.embeddings, lookupDate: noDates, calibration: CALIBRATION };
  });
  after(() => small.cleanup());

  it('GIVEN a question the articles answer THEN the best sentence is given with its [1], quoted verbatim from its file, once', async () => {
    const answer = await answerQuestion(small.corpus, 'How much did the terminal cost?', deps);
    assert.equal(answer.abstained, false);
    assert.equal(answer.mode, 'extractive');
    // Both articles state the sum in the same words; the repeat is left out and the tie goes to the earlier sentence.
    assert.equal(answer.answer, 'The terminal cost 40 million euros, the authority said. [1]');
    assert.deepEqual(answer.citations, [
      { n: 1, source: 'port.txt', title: undefined, date: undefined, quote: 'The terminal cost 40 million euros, the authority said.' },
    ]);
    assert.equal(answer.confidence, Math.round((1 / (1 + Math.exp(-3))) * 1000) / 1000);
    assert.deepEqual(new Set(answer.retrieved.map((r) => r.source)), new Set(['port.txt', 'town.txt']));
  });

  it('GIVEN a sentence whose subject is a pronoun THEN the sentence before it is quoted with it', async () => {
    const answer = await answerQuestion(small.corpus, 'When did the authority open the terminal?', deps);
    assert.match(
      answer.answer,
      /^In March 2019 the authority approved a new container terminal\. It opened the terminal to ships in June 2021\. \[1\]/,
    );
    assert.equal(
      answer.citations[0]!.quote,
      'In March 2019 the authority approved a new container terminal. It opened the terminal to ships in June 2021.',
    );
  });

  it('GIVEN a date question and a date the timeline resolved for the passage THEN the answer opens with it', async () => {
    const lookupDate: DateLookup = (source, start) =>
      source === 'port.txt' && start === small.index.sentence(S.approved)!.start ? { date: '2021-06-02', precision: 'day' } : undefined;
    const answer = await answerQuestion(small.corpus, 'When did the authority open the terminal?', { ...deps, lookupDate });
    assert.match(answer.answer, /^June 2, 2021\. In March 2019/);
  });

  it('GIVEN a question naming something no article mentions THEN it abstains saying so, with the nearest articles', async () => {
    const answer = await answerQuestion(small.corpus, 'How much did the Zanzibar terminal cost?', deps);
    assert.equal(answer.abstained, true);
    assert.equal(
      answer.answer,
      "The articles don't say — the articles never mention zanzibar. The closest articles are listed below if you want to check them yourself.",
    );
    assert.deepEqual(answer.citations, []);
    assert.deepEqual(new Set(answer.nearest!.map((n) => n.source)), new Set(['port.txt', 'town.txt']));
  });

  it("GIVEN a decision threshold above the answer's probability THEN the same question abstains", async () => {
    const prepared = await prepareQuestion(small.corpus, 'How much did the terminal cost?', deps);
    const decision = decide(small.corpus.store, prepared, CALIBRATION);
    assert.equal(decision.answer, true);
    assert.equal(decide(small.corpus.store, prepared, { ...CALIBRATION, threshold: decision.probability }).answer, true);
    assert.equal(decide(small.corpus.store, prepared, { ...CALIBRATION, threshold: decision.probability + 1e-9 }).answer, false);
  });

  it('GIVEN an LLM citing its second source THEN its answer is shown renumbered [1], citing that sentence verbatim', async () => {
    const llm = new RecordingChatModel({ responses: ['The terminal cost 40 million euros [2].'] });
    const answer = await answerQuestion(small.corpus, 'How much did the terminal cost?', { ...deps, llm: { model: llm, timeoutMs: 5000 } });
    const given = [...String(llm.calls[0]![1]!.content).matchAll(/<source n="(\d+)" file="([^"]+)">\n(.*)\n<\/source>/g)];
    assert.equal(answer.mode, 'llm');
    assert.equal(answer.answer, 'The terminal cost 40 million euros [1].');
    assert.deepEqual(
      answer.citations.map((c) => [c.n, c.source, c.quote]),
      [[1, given[1]![2], given[1]![3]]],
    );
  });

  it('GIVEN a retriever that finds nothing THEN a small corpus is still scored whole: the answer is found, and nothing is listed as retrieved', async () => {
    const finds: Retriever = { retrieve: async () => [] };
    const corpus: AnswerCorpus = { store: small.corpus.store, retriever: finds };
    const answer = await answerQuestion(corpus, 'How much did the terminal cost?', deps);
    assert.equal(answer.answer, 'The terminal cost 40 million euros, the authority said. [1]');
    assert.deepEqual(answer.retrieved, []);
  });
});

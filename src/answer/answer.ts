import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { describeError } from '../errors.ts';
import type { RankedChunk, RetrievalMode } from '../retrieve/hybrid.ts';
import type { Calibration } from './calibration.ts';
import { corpusWords, gatherCandidates, type Candidate } from './candidates.ts';
import { citationFor } from './citations.ts';
import { abstentionText, composeExtractive, nearestArticles, type DateLookup } from './compose.ts';
import {
  answerProbability,
  decisionFeatures,
  rankCandidates,
  selectEvidence,
  type DecisionFeatures,
  type RankedCandidate,
} from './decision.ts';
import { askLlm, type LlmSource } from './llm.ts';
import type { AnswerCorpus, SentenceStore } from './sources.ts';
import { analyzeQuestion, type QuestionAnalysis } from './question.ts';
import type { Answer, Citation } from './types.ts';

/** What answering needs besides the corpus; the LLM is optional. */
export interface AnswerDeps {
  embeddings: EmbeddingsInterface;
  lookupDate: DateLookup;
  calibration: Calibration;
  llm?: { model: BaseChatModel; timeoutMs: number };
  retrievalMode?: RetrievalMode;
}

// Passages shown as "retrieved" and used for the nearest articles: 10, at most 4 of one article, so that others
// are heard while a long article's answer is not crowded out by its own near-misses.
const SHOWN_PASSAGES = 10;
const PER_ARTICLE = 4;
// Deeper retrieval feeds the candidates' retrieval feature (and, in corpora too large to score whole, the pool).
const CANDIDATE_PASSAGES = 30;

/** A question measured against one corpus snapshot: what the fitted models decide on. Independent of any fitted parameter. */
export interface PreparedQuestion {
  question: string;
  analysis: QuestionAnalysis;
  retrieved: RankedChunk[];
  candidates: Candidate[];
  timings: { embedded: number; retrieved: number; started: number };
}

/** The fitted models' verdict on a prepared question. */
export interface AnswerDecision {
  ranked: RankedCandidate[];
  evidence: RankedCandidate[];
  features: DecisionFeatures;
  probability: number;
  answer: boolean;
}

/** Embeds, retrieves and measures every candidate sentence. `context` is the earlier question of a thread. */
export async function prepareQuestion(
  corpus: AnswerCorpus,
  question: string,
  deps: Pick<AnswerDeps, 'embeddings' | 'retrievalMode'>,
  context?: string,
): Promise<PreparedQuestion> {
  const started = performance.now();
  const analysis = analyzeQuestion(question);
  if (context) {
    const earlier = analyzeQuestion(context);
    analysis.terms.push(...earlier.terms);
    analysis.names.push(...earlier.names.filter((name) => !analysis.names.includes(name)));
  }
  const searchText = context ? `${context}\n${analysis.focus}` : analysis.focus;
  const vector = await deps.embeddings.embedQuery(searchText);
  const embedded = performance.now();
  const retrieved = await corpus.retriever.retrieve(
    { text: searchText, vector },
    { k: CANDIDATE_PASSAGES, perSource: analysis.survey ? CANDIDATE_PASSAGES : PER_ARTICLE, mode: deps.retrievalMode },
  );
  const retrievedAt = performance.now();
  return {
    question,
    analysis,
    retrieved,
    candidates: gatherCandidates(corpus.store, analysis, vector, retrieved),
    timings: { started, embedded, retrieved: retrievedAt },
  };
}

/** Chooses the answer (always the same way) and, separately, decides whether to give it. */
export function decide(store: SentenceStore, prepared: PreparedQuestion, calibration: Calibration): AnswerDecision {
  const ranked = rankCandidates(prepared.candidates, calibration.ranker);
  const evidence = selectEvidence(store, prepared.analysis, ranked, calibration.keepRatio);
  const features = decisionFeatures(store, prepared.analysis, ranked, evidence);
  const probability = answerProbability(calibration, features);
  return { ranked, evidence, features, probability, answer: evidence.length > 0 && probability >= calibration.threshold };
}

/** Answers a validated question from one corpus snapshot. */
export async function answerQuestion(corpus: AnswerCorpus, question: string, deps: AnswerDeps, context?: string): Promise<Answer> {
  const prepared = await prepareQuestion(corpus, question, deps, context);
  const { store } = corpus;
  const decision = decide(store, prepared, deps.calibration);
  const shown = prepared.retrieved.slice(0, SHOWN_PASSAGES);
  // Fused reciprocal-rank scores are ~0.01–0.05: to a tenth, like the timings, they would all print as 0.
  const base = {
    question,
    retrieved: shown.map((hit) => ({ source: hit.chunk.source, chunkId: hit.chunk.id, score: round(hit.score, 1e6) })),
    confidence: round(decision.probability, 1000),
  };
  const timings = () => {
    const now = performance.now();
    const { started, embedded, retrieved } = prepared.timings;
    return {
      embed: round(embedded - started),
      retrieve: round(retrieved - embedded),
      compose: round(now - retrieved),
      total: round(now - started),
    };
  };
  if (!decision.answer) {
    return {
      ...base,
      answer: abstentionText(abstentionReason(store, prepared, decision)),
      abstained: true,
      citations: [],
      mode: 'extractive',
      nearest: nearestArticles(store, shown),
      timingsMs: timings(),
    };
  }
  const extractive = composeExtractive(store, prepared.analysis, decision.evidence, deps.lookupDate);
  if (!deps.llm) return { ...base, ...extractive, abstained: false, mode: 'extractive', timingsMs: timings() };
  try {
    const sources = llmSources(store, decision.ranked);
    const reply = await askLlm(
      deps.llm.model,
      question,
      sources.map((s) => s.source),
      deps.llm.timeoutMs,
    );
    if (reply.notInSources) {
      return {
        ...base,
        answer: abstentionText('the language model found no answer in the passages retrieved'),
        abstained: true,
        citations: [],
        mode: 'llm',
        nearest: nearestArticles(store, shown),
        timingsMs: timings(),
      };
    }
    return { ...base, ...renumber(reply.text, reply.cited, sources), abstained: false, mode: 'llm', timingsMs: timings() };
  } catch (error) {
    return {
      ...base,
      ...extractive,
      abstained: false,
      mode: 'extractive',
      note: `LLM unavailable, showing the extractive answer: ${describeError(error)}`,
      timingsMs: timings(),
    };
  }
}

/** Why the articles don't answer, in words the asker can check. */
function abstentionReason(store: SentenceStore, prepared: PreparedQuestion, decision: AnswerDecision): string {
  const { analysis } = prepared;
  const known = corpusWords(store);
  const missing = analysis.names.filter((name) => !known.has(name));
  if (missing.length) return `the articles never mention ${missing.join(', ')}`;
  if (analysis.type !== 'other' && decision.features.topTypeFit < 0) return `no passage states the ${TYPE_WORDS[analysis.type]} asked for`;
  return 'no passage answers the question closely enough';
}

const TYPE_WORDS: Record<QuestionAnalysis['type'], string> = {
  date: 'date',
  duration: 'length of time',
  count: 'number',
  amount: 'amount',
  person: 'person',
  place: 'place',
  entity: 'name',
  other: 'fact',
};

/** The best sentences, one source entry each, as numbered passages for the LLM. */
function llmSources(store: SentenceStore, ranked: RankedCandidate[]): { source: LlmSource; citation: Citation }[] {
  return ranked.slice(0, 6).map(({ sentence }, i) => {
    const article = store.article(sentence.source)!;
    const citation = citationFor(i + 1, article, sentence.start, sentence.end);
    return {
      citation,
      source: { n: i + 1, source: sentence.source, title: article.meta.title, date: article.meta.date, text: sentence.text },
    };
  });
}

/** Keeps only the sources the LLM cited, numbered 1..k in order of first use. */
function renumber(text: string, cited: number[], sources: { citation: Citation }[]): Pick<Answer, 'answer' | 'citations'> {
  const mapping = new Map(cited.map((n, i) => [n, i + 1]));
  const citations = cited.map((n, i) => ({ ...sources[n - 1]!.citation, n: i + 1 }));
  return { answer: text.replace(/\[(\d{1,2})\]/g, (_, n: string) => `[${mapping.get(Number(n)) ?? n}]`), citations };
}

function round(value: number, by = 10): number {
  return Math.round(value * by) / by;
}

import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { describeError } from '../errors.ts';
import type { IndexArtifact } from '../index/artifact.ts';
import { retrieve, type RetrievalMode } from '../retrieve/hybrid.ts';
import { citationFor } from './citations.ts';
import { abstentionText, composeExtractive, nearestArticles, type DateLookup } from './compose.ts';
import { chooseEvidence, scoreSentences, type ScoredSentence } from './extractive.ts';
import { askLlm, type LlmSource } from './llm.ts';
import { analyzeQuestion } from './question.ts';
import type { Answer, Citation } from './types.ts';

/** What answering needs besides the index; the LLM is optional. */
export interface AnswerDeps {
  embeddings: EmbeddingsInterface;
  lookupDate: DateLookup;
  llm?: { model: BaseChatModel; timeoutMs: number };
  retrievalMode?: RetrievalMode;
}

const CHUNKS_PER_QUESTION = 10;
// At most this many passages of one article, so others are heard, yet enough that a long article's answer
// is not crowded out by its own near-misses (4 of 10: best on both evaluation sets).
const PER_ARTICLE = 4;
// Questions gathering one passage per article look further down the ranking.
const CHUNKS_PER_SURVEY = 30;

/** Answers a validated question from one index snapshot. `context` is the earlier question of a thread. */
export async function answerQuestion(index: IndexArtifact, question: string, deps: AnswerDeps, context?: string): Promise<Answer> {
  const started = performance.now();
  const analysis = analyzeQuestion(question);
  if (context) analysis.terms.push(...analyzeQuestion(context).terms);
  const searchText = context ? `${context}\n${analysis.focus}` : analysis.focus;
  const vector = await deps.embeddings.embedQuery(searchText);
  const embedded = performance.now();
  const survey = analysis.type === 'attribution' || analysis.type === 'comparison';
  const retrieved = await retrieve(index, { text: searchText, vector }, {
    k: survey ? CHUNKS_PER_SURVEY : CHUNKS_PER_QUESTION,
    perSource: survey ? CHUNKS_PER_SURVEY : PER_ARTICLE,
    mode: deps.retrievalMode,
  });
  const retrievedAt = performance.now();
  const scored = scoreSentences(index, analysis, vector, retrieved);
  const choice = chooseEvidence(index, analysis, scored);
  const base = {
    question,
    // Fused reciprocal-rank scores are ~0.01–0.05: rounded like the timings (0.1) they would all print as 0.
    retrieved: retrieved.map((hit) => ({ source: hit.chunk.source, chunk: hit.chunk.id, score: Math.round(hit.score * 1e6) / 1e6 })),
  };
  const timings = () => {
    const now = performance.now();
    return { embed: round(embedded - started), retrieve: round(retrievedAt - embedded), compose: round(now - retrievedAt), total: round(now - started) };
  };
  if (!choice.answerable) {
    return { ...base, answer: abstentionText(choice.reason), abstained: true, citations: [], mode: 'extractive', nearest: nearestArticles(index, retrieved), timingsMs: timings() };
  }
  const extractive = composeExtractive(index, analysis, choice.evidence, deps.lookupDate);
  if (!deps.llm) return { ...base, ...extractive, abstained: false, mode: 'extractive', timingsMs: timings() };
  try {
    const sources = llmSources(index, scored);
    const reply = await askLlm(deps.llm.model, question, sources.map((s) => s.source), deps.llm.timeoutMs);
    if (reply.notInSources) {
      return { ...base, answer: abstentionText('the language model found no answer in the passages retrieved'), abstained: true, citations: [], mode: 'llm', nearest: nearestArticles(index, retrieved), timingsMs: timings() };
    }
    return { ...base, ...renumber(reply.text, reply.cited, sources), abstained: false, mode: 'llm', timingsMs: timings() };
  } catch (error) {
    return { ...base, ...extractive, abstained: false, mode: 'extractive', note: `LLM unavailable, showing the extractive answer: ${describeError(error)}`, timingsMs: timings() };
  }
}

/** The best sentences, one source entry each, as numbered passages for the LLM. */
function llmSources(index: IndexArtifact, scored: ScoredSentence[]): { source: LlmSource; citation: Citation }[] {
  return scored.slice(0, 6).map(({ sentence }, i) => {
    const article = index.articles.get(sentence.source)!;
    const citation = citationFor(i + 1, article, sentence.start, sentence.end);
    return { citation, source: { n: i + 1, source: sentence.source, title: article.meta.title, date: article.meta.date, text: sentence.text } };
  });
}

/** Keeps only the sources the LLM cited, numbered 1..k in order of first use. */
function renumber(text: string, cited: number[], sources: { citation: Citation }[]): Pick<Answer, 'answer' | 'citations'> {
  const mapping = new Map(cited.map((n, i) => [n, i + 1]));
  const citations = cited.map((n, i) => ({ ...sources[n - 1]!.citation, n: i + 1 }));
  return { answer: text.replace(/\[(\d{1,2})\]/g, (_, n: string) => `[${mapping.get(Number(n)) ?? n}]`), citations };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

import type { IndexArtifact, IndexedSentence } from '../index/artifact.ts';
import { dot } from '../index/embeddings/normalize.ts';
import { tokenize } from '../index/lexical.ts';
import type { RankedChunk } from '../retrieve/hybrid.ts';
import { dateSpecificity, fitsAnswerType, isStrictType } from './evidence.ts';
import type { QuestionAnalysis } from './question.ts';

/** A sentence considered as evidence, with what its score is made of. */
export interface ScoredSentence {
  sentence: IndexedSentence;
  dense: number;
  /** Share of the question's content (IDF-weighted) that the sentence carries. */
  coverage: number;
  /** The part of `coverage` due to names the question mentions. */
  nameCoverage: number;
  /** The question has words besides names, and the sentence shares none of them. */
  onlyNames: boolean;
  fitsType: boolean;
  /** The sentence before, quoted with this one when it holds the date or number the question asks for. */
  lead?: IndexedSentence;
  score: number;
}

/** Evidence chosen for an answer, or the reason there is none. */
export type EvidenceChoice = { answerable: true; evidence: ScoredSentence[] } | { answerable: false; reason: string; best?: ScoredSentence };

export interface ExtractiveOptions {
  maxSentences: number;
  /** A sentence joins the answer only when its score is at least this share of the best one. */
  keepRatio: number;
}

const DEFAULTS: ExtractiveOptions = { maxSentences: 3, keepRatio: 0.9 };

/** Scores the sentences of the retrieved chunks against the question. */
export function scoreSentences(index: IndexArtifact, question: QuestionAnalysis, vector: number[], retrieved: RankedChunk[]): ScoredSentence[] {
  const dims = index.manifest.model.dimensions;
  const weights = termWeights(index, question.terms);
  const total = [...weights.values()].reduce((sum, w) => sum + w, 0) || 1;
  const ids = new Set(retrieved.flatMap((hit) => index.chunkSentences[hit.position] ?? []));
  const names = new Set(question.names);
  return [...ids].map((id) => {
    const sentence = index.sentences[id]!;
    const words = new Set(tokenize(sentence.text));
    // "He pleaded not guilty": the name a pronoun stands for is usually in the sentence before.
    const before = index.sentences[id - 1];
    const previous = before && before.source === sentence.source && before.paragraph === sentence.paragraph ? before : undefined;
    const context = new Set(previous ? tokenize(previous.text) : []);
    const covered = (ofNames: boolean) =>
      [...weights.entries()]
        .filter(([term]) => names.has(term) === ofNames && (words.has(term) || (ofNames && context.has(term))))
        .reduce((sum, [, w]) => sum + w, 0) / total;
    const dense = dot(vector, index.sentenceVectors.subarray(id * dims, (id + 1) * dims));
    // "The series of messages … were sent": the date may sit in the sentence before; then both are quoted.
    const datesOrCounts = question.type === 'date' || question.type === 'number';
    const lead = datesOrCounts && previous && !fitsAnswerType(question, sentence.text) && fitsAnswerType(question, previous.text) ? previous : undefined;
    const fitsType = lead !== undefined || fitsAnswerType(question, sentence.text);
    // Headlines and fragments ("Trump “welcome to Russia”") make poor answers on their own.
    const fragmentPenalty = sentence.text.length < 40 || !/[.!?"”’)]$/.test(sentence.text) ? 0.1 : 0;
    const category = question.asked !== undefined && words.has(question.asked) ? 0.1 : 0;
    const [nameCoverage, otherCoverage] = [covered(true), covered(false)];
    const onlyNames = otherCoverage === 0 && question.terms.some((term) => !names.has(term));
    const scored: ScoredSentence = { sentence, dense, nameCoverage, coverage: nameCoverage + otherCoverage, onlyNames, fitsType, lead, score: 0 };
    // For "when" questions, a sentence giving a year beats one saying "over a decade ago".
    const precision = question.type === 'date' ? 0.07 * dateSpecificity(lead ? `${lead.text} ${sentence.text}` : sentence.text) : 0;
    scored.score = support(scored) + (fitsType ? 0.1 : -0.1) + category + precision - fragmentPenalty;
    return scored;
  }).sort((a, b) => b.score - a.score);
}

/** IDF of each question term over chunks; terms the corpus never uses weigh the most. */
function termWeights(index: IndexArtifact, terms: string[]): Map<string, number> {
  const unseen = Math.log(1 + (index.lexical.size + 0.5) / 0.5);
  return new Map([...new Set(terms)].map((term) => [term, index.lexical.idf(term) || unseen]));
}

/**
 * Picks the sentences that answer the question, or decides the corpus does not say. Similarity alone cannot
 * tell, so the evidence must also carry what the question asks for: its names, its key terms or a strong
 * semantic match, and a date or a number when the question wants one.
 */
export function chooseEvidence(index: IndexArtifact, question: QuestionAnalysis, scored: ScoredSentence[], options: Partial<ExtractiveOptions> = {}): EvidenceChoice {
  const { maxSentences, keepRatio } = { ...DEFAULTS, ...options };
  const unknownNames = question.names.filter((name) => index.lexical.documentFrequency(name) === 0);
  if (unknownNames.length > 0) return { answerable: false, reason: `the articles never mention ${unknownNames.join(', ')}` };
  const eligible = scored.filter((candidate) => !isStrictType(question) || candidate.fitsType);
  if (eligible.length === 0) return { answerable: false, reason: `no passage states the ${question.type} asked for`, best: scored[0] };
  // An attribution is evidence by its form: every article's credited outlet answers "which outlets are cited".
  if (question.type === 'attribution') return { answerable: true, evidence: onePerSource(eligible, 5) };
  const supported = eligible.filter(isSupported);
  const best = supported[0];
  if (!best) return { answerable: false, reason: 'no passage matches the question closely enough', best: eligible[0] };
  if (question.type === 'comparison') return { answerable: true, evidence: onePerSource(supported, maxSentences + 1) };
  const evidence = [best];
  for (const candidate of supported.slice(1)) {
    if (evidence.length >= maxSentences || candidate.score < best.score * keepRatio || candidate.coverage < best.coverage * 0.8) break;
    if (!evidence.some((chosen) => nearDuplicate(chosen, candidate, index))) evidence.push(candidate);
  }
  return { answerable: true, evidence };
}

// Evidence must either share the question's key content or match its meaning strongly.
function isSupported(candidate: ScoredSentence): boolean {
  // Sharing only a common name ("Moscow" for "the population of Moscow") is topical, not an answer, unless
  // the meaning is close; names that carry most of the question ("the Court of Appeals on Monday") do count.
  if (candidate.onlyNames && candidate.nameCoverage < 0.5) return candidate.dense >= STRONG_MEANING;
  return support(candidate) >= SUPPORT_THRESHOLD;
}

/**
 * Meaning plus shared words. Shared names count fully (an encoder knows little of "Scheindlin"); other shared
 * words count fully only when the meaning is close too, since a shared verb alone is not an answer.
 */
function support({ dense, coverage, nameCoverage }: Pick<ScoredSentence, 'dense' | 'coverage' | 'nameCoverage'>): number {
  // A sentence carrying nearly every word of the question is trusted even when the encoder, weak on short
  // questions, finds little meaning in common.
  const gate = Math.min(1, Math.max(0, dense) / 0.4 + Math.max(0, coverage - 0.75) * 2);
  return dense + 0.6 * (nameCoverage + (coverage - nameCoverage) * gate);
}

// Measured on the development set with the offline encoder: answer evidence scores 0.6 and above,
// the best passage for questions the corpus cannot answer stays near 0.5.
const SUPPORT_THRESHOLD = 0.55;
const STRONG_MEANING = 0.6;

function onePerSource(scored: ScoredSentence[], limit: number, accept: (candidate: ScoredSentence) => boolean = () => true): ScoredSentence[] {
  const seen = new Set<string>();
  return scored.filter((candidate) => accept(candidate) && !seen.has(candidate.sentence.source) && seen.add(candidate.sentence.source)).slice(0, limit);
}

/** Two sentences reporting the same thing (often in two articles): very similar vectors. */
function nearDuplicate(a: ScoredSentence, b: ScoredSentence, index: IndexArtifact): boolean {
  const dims = index.manifest.model.dimensions;
  const va = index.sentenceVectors.subarray(a.sentence.id * dims, (a.sentence.id + 1) * dims);
  const vb = index.sentenceVectors.subarray(b.sentence.id * dims, (b.sentence.id + 1) * dims);
  return dot(va, vb) > 0.85;
}

import { LRUCache } from 'lru-cache';
import { dot } from '../math/vectors.ts';
import { tokenize } from '../text/terms.ts';
import type { RankedChunk } from '../retrieve/hybrid.ts';
import type { SentenceStore, StoredSentence } from './sources.ts';
import { sentenceFacts, type SentenceFacts } from './facts.ts';
import type { AnswerType, QuestionAnalysis } from './question.ts';

/** A sentence considered as an answer, with the measurements the fitted ranker weighs. */
export interface Candidate {
  sentence: StoredSentence;
  /** The sentence before in the same paragraph, quoted with this one when it carries the subject or the date. */
  lead?: StoredSentence;
  features: CandidateFeatures;
}

/** The ranker's inputs; every one is computed the same way for every question and corpus. */
export interface CandidateFeatures {
  /** Cosine of the question and the sentence. */
  dense: number;
  /** Cosine of the question and what is quoted (the sentence, with its lead when it has one). */
  denseWindow: number;
  /** IDF-weighted share of the question's non-name content words in the sentence. */
  coverage: number;
  /** The same share in what is quoted: the sentence, with the one before when that is quoted too. */
  coverageWindow: number;
  /** IDF-weighted share of the question's names in what is quoted. */
  nameCoverage: number;
  /**
   * IDF-weighted share of all the question's words in what is quoted or in its article's own description (title,
   * outlet, author): a question often names the article it asks about ("in the Tribune's profile, …").
   */
  sourceCoverage: number;
  /**
   * For a question about the article itself (who wrote it, which outlet published it, its headline): 1 for a line
   * of the article's opening that describes it (headline, byline, outlet, date: lines without a full stop), else 0.
   */
  articleLine: number;
  /** For questions asking a date, duration, count or amount: +1 the sentence (or its lead) states one, -1 not, else 0. */
  typeFit: number;
  /** For questions asking a person, place or named thing: +1 the sentence names one the question does not, -1 not, else 0. */
  nameFit: number;
  /** The asked category ("which prison") appears in the sentence or the one before. */
  category: number;
  /**
   * For a question asking how many X: the same for counting an X (see `countsCategory`).
   * For a question asking which X (or the name of the X): +1 the quoted text names an X (a name the question lacks
   * stands in the X's noun phrase or in apposition: "the Lakeside prison", "Judge Ana Ruiz", "a broker, Ana Ruiz,"),
   * -1 it mentions an X without naming one ("a broker in Lisbon"), 0 when it does not mention X.
   */
  namedCategory: number;
  /** How far the sentence's dense score falls below the best candidate's (scores differ in scale between questions). */
  denseGap: number;
  /** How far its windowed coverage falls below the best candidate's. */
  coverageGap: number;
  /** Share of the sentence's own words the question does not use: an answer adds something to the question. */
  novelty: number;
  /** Coverage of the question's content words by the sentence after it (a reply often follows its question). */
  nextCoverage: number;
  /** Reciprocal-rank-fusion score of the sentence's best retrieved chunk, scaled to 0–1. */
  retrieval: number;
  /** log of the sentence length in characters: fragments and headlines are short. */
  logLength: number;
  /** The sentence ends without terminal punctuation (a headline, a caption). */
  fragment: number;
}

export const CANDIDATE_FEATURES: (keyof CandidateFeatures)[] = [
  'dense',
  'denseWindow',
  'coverage',
  'coverageWindow',
  'nameCoverage',
  'sourceCoverage',
  'articleLine',
  'typeFit',
  'nameFit',
  'category',
  'namedCategory',
  'denseGap',
  'coverageGap',
  'novelty',
  'nextCoverage',
  'retrieval',
  'logLength',
  'fragment',
];

/**
 * Sentences whose tokens and NLP facts a store keeps. A question measures about a hundred sentences in full; this
 * many keeps every sentence of a corpus of a few thousand articles and the recent questions' of a larger one,
 * without the cache growing with a long-running bot's questions toward the whole corpus (about 2 KB a sentence).
 */
export const CACHED_SENTENCES = 50_000;

/** What the answerer keeps of an article: the terms of its description and its opening lines. */
interface ArticleCacheEntry {
  /** The article's first sentence: an article removed and added again under its name starts elsewhere. */
  firstId: number;
  describedBy: Set<string>;
  openingLines: number[];
}

/** Per-store caches: sentence tokens and NLP facts are computed once per sentence, on first use. */
interface SentenceCache {
  tokens: LRUCache<number, Set<string>>;
  facts: LRUCache<number, SentenceFacts>;
  articles: Map<string, ArticleCacheEntry>;
}
const caches = new WeakMap<SentenceStore, SentenceCache>();

function cacheOf(store: SentenceStore): SentenceCache {
  let cache = caches.get(store);
  if (!cache)
    caches.set(
      store,
      (cache = { tokens: new LRUCache({ max: CACHED_SENTENCES }), facts: new LRUCache({ max: CACHED_SENTENCES }), articles: new Map() }),
    );
  return cache;
}

export function tokensOf(store: SentenceStore, sentence: StoredSentence): Set<string> {
  const cache = cacheOf(store).tokens;
  let tokens = cache.get(sentence.id);
  if (!tokens) cache.set(sentence.id, (tokens = new Set(tokenize(sentence.text))));
  return tokens;
}

// A news page opens with the lines that describe it — headline, byline, outlet, date — before its first paragraph;
// they are written without a full stop. This many sentences from an article's start hold them on every layout
// of both corpora's pages (a masthead, a section line, a headline, a deck, a byline, a date).
const OPENING_SENTENCES = 8;

// Words with which a question asks about the article rather than the case: who wrote it, who published it and
// when, what its headline or dateline says (general English of news, not of any case).
const ARTICLE_ASKING = new Set(tokenize('write author byline publish outlet newspaper headline dateline datelined masthead'));

/** Whether the question asks about an article itself (its writer, outlet, headline, dateline). */
export function asksAboutArticle(question: QuestionAnalysis): boolean {
  return question.terms.some((term) => ARTICLE_ASKING.has(term));
}

/** The answerer's measurements of a sentence's article, worked out once per article. */
function articleOf(store: SentenceStore, sentence: StoredSentence): ArticleCacheEntry {
  const cache = cacheOf(store).articles;
  const cached = cache.get(sentence.source);
  if (cached && store.sentence(cached.firstId)?.source === sentence.source && sentence.id >= cached.firstId) return cached;
  let firstId = sentence.id;
  while (store.sentence(firstId - 1)?.source === sentence.source) firstId--;
  const openingLines: number[] = [];
  for (let id = firstId; id < firstId + OPENING_SENTENCES; id++) {
    const line = store.sentence(id);
    if (line?.source !== sentence.source) break;
    if (isFragment(line.text)) openingLines.push(id);
  }
  const meta = store.article(sentence.source)?.meta;
  const describedBy = new Set(tokenize([meta?.title, meta?.outlet, meta?.author].filter(Boolean).join(' . ')));
  const entry = { firstId, describedBy, openingLines };
  cache.set(sentence.source, entry);
  return entry;
}

function isFragment(text: string): boolean {
  return !/[.!?"”’)]$/.test(text.trim());
}

export function factsOf(store: SentenceStore, sentence: StoredSentence): SentenceFacts {
  const cache = cacheOf(store).facts;
  let facts = cache.get(sentence.id);
  if (!facts) cache.set(sentence.id, (facts = sentenceFacts(sentence.text)));
  return facts;
}

/** Every word of every article's full text (datelines and bylines included), for "does the corpus name X at all". */
export function corpusWords(store: SentenceStore): { has(word: string): boolean } {
  return { has: (word) => store.hasWord(word) };
}

/**
 * Below this many sentences every sentence is scored against the question (a dot product and a set lookup each:
 * about 1 ms per 2,000 sentences), so evidence ranked outside the top chunks is not lost; above it, only the
 * sentences of the retrieved chunks are.
 */
export const SCORE_ALL_SENTENCES_UP_TO = 20_000;

/**
 * Candidates kept for the full measurements (NLP facts are the costly part). The pool is the best by dense plus
 * word coverage, both on a 0–1 scale; `npm run calibrate` reports how often the answer sentence is in it.
 */
export const POOL_SIZE = 80;

/** The candidate sentences of a question, each with its features. */
export function gatherCandidates(
  store: SentenceStore,
  question: QuestionAnalysis,
  vector: number[],
  retrieved: RankedChunk[],
): Candidate[] {
  const weights = termWeights(store, question.terms);
  const nameSet = new Set(question.names);
  const nameWeights = termWeights(store, question.names);
  const retrievalOf = new Map<number, number>();
  const best = retrieved[0]?.score ?? 1;
  for (const hit of retrieved) {
    for (const id of store.sentencesOfChunk(hit.position)) retrievalOf.set(id, Math.max(retrievalOf.get(id) ?? 0, hit.score / best));
  }
  const ids = store.sentenceCount <= SCORE_ALL_SENTENCES_UP_TO ? store.sentenceIds() : [...retrievalOf.keys()];
  const contentWeights = new Map([...weights].filter(([term]) => !nameSet.has(term)));
  const quick = ids.map((id) => {
    const sentence = store.sentence(id)!;
    const dense = dot(vector, store.sentenceVector(id));
    // A question naming its article ("the Tribune's profile") finds that article's sentences by its description.
    const described = articleOf(store, sentence).describedBy;
    return {
      sentence,
      dense,
      coverage: share(contentWeights, tokensOf(store, sentence), described) + share(nameWeights, tokensOf(store, sentence), described),
    };
  });
  quick.sort((a, b) => b.dense + b.coverage - (a.dense + a.coverage));
  const pool = quick.slice(0, POOL_SIZE);
  // A question about an article is answered by its opening lines, which share few words with the question: the
  // opening lines of the articles already in the pool join it.
  const aboutArticle = asksAboutArticle(question);
  const articleLines = new Set<number>();
  if (aboutArticle) {
    for (const { sentence } of pool) for (const id of articleOf(store, sentence).openingLines) articleLines.add(id);
    const pooled = new Set(pool.map(({ sentence }) => sentence.id));
    for (const id of articleLines)
      if (!pooled.has(id)) pool.push({ sentence: store.sentence(id)!, dense: dot(vector, store.sentenceVector(id)), coverage: 0 });
  }
  const questionWords = new Set([...weights.keys()]);
  const candidates = pool.map(({ sentence, dense }) => {
    const before = store.sentence(sentence.id - 1);
    const previous = before && before.source === sentence.source && before.paragraph === sentence.paragraph ? before : undefined;
    const after = store.sentence(sentence.id + 1);
    const following = after && after.source === sentence.source ? after : undefined;
    const words = tokensOf(store, sentence);
    const facts = factsOf(store, sentence);
    const fits = fitsType(question, facts);
    const previousFits = previous ? fitsType(question, factsOf(store, previous)) : false;
    // The date or count may sit in the sentence before ("In 2010, … . He was then…"); a pronoun subject points back.
    // Either way the sentence before is quoted too, and the windowed features measure what is quoted.
    const lead = previous && ((!fits && previousFits) || facts.opensWithPronoun) ? previous : undefined;
    const window = lead ? new Set([...words, ...tokensOf(store, lead)]) : words;
    const quotedFacts = lead ? [facts, factsOf(store, lead)] : [facts];
    const fitValue = fits || (lead !== undefined && previousFits) ? 1 : -1;
    const denseWindow = lead ? windowCosine(vector, store.sentenceVector(sentence.id), store.sentenceVector(lead.id)) : dense;
    const features: CandidateFeatures = {
      dense,
      denseWindow,
      coverage: share(contentWeights, words),
      coverageWindow: share(contentWeights, window),
      nameCoverage: share(nameWeights, window),
      sourceCoverage: share(weights, window, articleOf(store, sentence).describedBy),
      articleLine: articleLines.has(sentence.id) ? 1 : 0,
      typeFit: NUMERIC_TYPES.has(question.type) ? fitValue : 0,
      nameFit: NAMED_TYPES.has(question.type) ? fitValue : 0,
      category: question.asked !== undefined && window.has(question.asked) ? 1 : 0,
      // A question wanting a name is answered by naming the X, one wanting a count ("how many tankers") by counting it.
      namedCategory:
        question.asked === undefined
          ? 0
          : NAMED_TYPES.has(question.type)
            ? namesCategory(question.asked, question.names, quotedFacts)
            : question.type === 'count'
              ? countsCategory(question.asked, quotedFacts)
              : 0,
      denseGap: 0,
      coverageGap: 0,
      novelty: words.size === 0 ? 0 : [...words].filter((w) => !questionWords.has(w)).length / words.size,
      nextCoverage: following ? share(contentWeights, tokensOf(store, following)) : 0,
      retrieval: retrievalOf.get(sentence.id) ?? 0,
      logLength: Math.log(sentence.text.length + 1),
      fragment: isFragment(sentence.text) ? 1 : 0,
    };
    return { sentence, lead, features };
  });
  const bestDense = Math.max(...candidates.map((c) => c.features.dense));
  const bestCoverage = Math.max(...candidates.map((c) => c.features.coverageWindow));
  for (const { features } of candidates) {
    features.denseGap = features.dense - bestDense;
    features.coverageGap = features.coverageWindow - bestCoverage;
  }
  return candidates;
}

const NUMERIC_TYPES = new Set<AnswerType>(['date', 'duration', 'count', 'amount']);
const NAMED_TYPES = new Set<AnswerType>(['person', 'place', 'entity']);

// Parts of speech that may stand inside a noun phrase before its head ("the former Lakeside federal prison").
const NOUN_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);

/** See `CandidateFeatures.namedCategory`. */
export function namesCategory(asked: string, questionNames: string[], sentences: SentenceFacts[]): number {
  let mentioned = false;
  for (const { words } of sentences) {
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.stem !== asked) continue;
      mentioned = true;
      const isNew = (j: number) => words[j]!.proper && !questionNames.includes(words[j]!.stem);
      // The category word inside a name ("the Court of Appeals", "Marion Penitentiary") names an X itself.
      if (words[i]!.proper && !questionNames.includes(asked)) return 1;
      // Leftwards to the phrase's determiner, where it starts ("on Monday an appeals court": Monday is outside).
      for (let j = i - 1; j >= 0 && NOUN_PHRASE.has(words[j]!.pos); j--) {
        if (isNew(j)) return 1;
        if (words[j]!.pos === 'DET') break;
      }
      let j = i + 1;
      if (words[j]?.stem === '' || words[j]?.pos === 'PUNCT') j++;
      if (j < words.length && isNew(j)) return 1;
    }
  }
  return mentioned ? -1 : 0;
}

/**
 * For a question asking how many X: +1 a number stands in the noun phrase of an X ("four conspiracy counts",
 * "12,400 signatures"), -1 X is mentioned without one ("several tankers", "the tankers"), 0 X is not mentioned.
 */
export function countsCategory(asked: string, sentences: SentenceFacts[]): number {
  let mentioned = false;
  for (const { words } of sentences) {
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.stem !== asked) continue;
      mentioned = true;
      // A hyphen joins the number to its noun in a compound ("a seven-count indictment").
      for (let j = i - 1; j >= 0 && (NOUN_PHRASE.has(words[j]!.pos) || words[j]!.stem === '-'); j--) if (words[j]!.pos === 'NUM') return 1;
    }
  }
  return mentioned ? -1 : 0;
}

/** Whether a sentence's facts satisfy the asked type (and, for a date, the asked precision). */
export function fitsType(question: Pick<QuestionAnalysis, 'type' | 'names' | 'datePrecision'>, facts: SentenceFacts): boolean {
  const newName = (names: Set<string>) => [...names].some((name) => !question.names.includes(name));
  switch (question.type) {
    case 'date':
      return facts.dateSpecificity >= (question.datePrecision ?? 2);
    case 'duration':
      return facts.duration;
    case 'count':
      return facts.count;
    case 'amount':
      return facts.money || facts.count || facts.percent;
    case 'person':
      // The proper nouns first: they come from the parse every candidate has, people from compromise's costlier one.
      return newName(facts.properNouns) || newName(facts.people);
    case 'place':
      return newName(facts.places);
    case 'entity':
      return newName(facts.properNouns);
    default:
      return true;
  }
}

/** IDF of each term over chunks; a term the corpus never uses weighs the most. */
function termWeights(store: SentenceStore, terms: string[]): Map<string, number> {
  return new Map([...new Set(terms)].map((term) => [term, store.termWeight(term)]));
}

/** IDF-weighted share of the terms found in `words` (or in `more`). */
function share(weights: Map<string, number>, words: Set<string>, more?: Set<string>): number {
  let total = 0;
  let found = 0;
  for (const [term, weight] of weights) {
    total += weight;
    if (words.has(term) || more?.has(term)) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

function windowCosine(query: number[], a: Float32Array, b: Float32Array): number {
  let norm = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const value = a[i]! + b[i]!;
    norm += value * value;
    sum += query[i]! * value;
  }
  return norm === 0 ? 0 : sum / Math.sqrt(norm);
}

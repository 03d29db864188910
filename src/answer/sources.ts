// What the answerer reads, as interfaces: the core adapts an index to them, tests pass small fixtures.
import type { ArticleMeta, Sentence } from '../corpus/types.ts';
import type { RankedChunk, RetrieveOptions } from '../retrieve/hybrid.ts';

/** An article as the answerer quotes it: its full text (offsets index into it) and its metadata. */
export interface AnswerArticle {
  source: string;
  meta: ArticleMeta;
  text: string;
}

/** A sentence with its row in the store: consecutive ids are consecutive sentences of the corpus. */
export interface StoredSentence extends Sentence {
  id: number;
  source: string;
}

/** The sentences of a corpus with their vectors, their articles and how rare each term is. */
export interface SentenceStore {
  /** Width of every sentence vector. */
  readonly dimensions: number;
  readonly sentenceCount: number;
  /** A live sentence; undefined for an id that is not one (ids may have gaps where articles were removed). */
  sentence(id: number): StoredSentence | undefined;
  /** Every sentence id (all of them: for small corpora, where every sentence is scored). */
  sentenceIds(): number[];
  /** The unit vector of a sentence (a view, not a copy). */
  sentenceVector(id: number): Float32Array;
  /** Ids of the sentences inside the retrieved chunk at `position`. */
  sentencesOfChunk(position: number): readonly number[];
  article(source: string): AnswerArticle | undefined;
  /** Every article (reads the whole corpus: for evaluation, not the question path). */
  articles(): Iterable<AnswerArticle>;
  /** Whether any article's whole text (datelines and bylines included) has this tokenized word. */
  hasWord(word: string): boolean;
  /** Inverse document frequency of a lexical term; a term the corpus never uses gets the highest weight. */
  termWeight(term: string): number;
}

/** Finds the chunks that best match a question (text for the lexical ranking, vector for the dense one). */
export interface Retriever {
  retrieve(query: { text: string; vector: number[] }, options: RetrieveOptions): Promise<RankedChunk[]>;
}

/** Everything the answerer reads of one index snapshot. */
export interface AnswerCorpus {
  store: SentenceStore;
  retriever: Retriever;
}

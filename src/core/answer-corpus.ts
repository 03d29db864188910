// Adapts a loaded index to what the answerer reads, so that `answer/` never depends on the index's layout.
import type { AnswerCorpus, SentenceStore } from '../answer/sources.ts';
import type { IndexArtifact } from '../index/artifact.ts';
import { retrieve } from '../retrieve/hybrid.ts';

// One adapter per loaded index: the answerer caches per-sentence work (tokens, NLP facts) by store, which must
// therefore live exactly as long as its index.
const adapted = new WeakMap<IndexArtifact, AnswerCorpus>();

/** The sentence store and retriever over one loaded index (changed in place only by whole articles, synchronously). */
export function answerCorpusOf(index: IndexArtifact): AnswerCorpus {
  let corpus = adapted.get(index);
  if (!corpus)
    adapted.set(
      index,
      (corpus = { store: sentenceStoreOf(index), retriever: { retrieve: (query, options) => retrieve(index, query, options) } }),
    );
  return corpus;
}

function sentenceStoreOf(index: IndexArtifact): SentenceStore {
  return {
    dimensions: index.manifest.model.dimensions,
    get sentenceCount() {
      return index.sentenceCount;
    },
    sentence: (id) => index.sentence(id),
    sentenceIds: () => index.sentenceIds(),
    sentenceVector: (id) => index.sentenceVector(id),
    sentencesOfChunk: (position) => index.chunkSentenceIds(position),
    article: (source) => index.articles.get(source),
    articles: () => index.articles.values(),
    hasWord: (word) => index.corpusWords.has(word),
    // BM25's IDF of a term in no chunk: the weight a term of one chunk would get, only higher (rarest of all).
    termWeight: (term) => index.lexical.idf(term) || Math.log(1 + (index.lexical.size + 0.5) / 0.5),
  };
}

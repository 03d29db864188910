// Adapts a loaded index to what the answerer reads, so that `answer/` never depends on the index's layout.
import type { AnswerCorpus, SentenceStore } from '../answer/sources.ts';
import type { IndexArtifact } from '../index/artifact.ts';
import { retrieve } from '../retrieve/hybrid.ts';

// One adapter per loaded index: the answerer caches per-sentence work (tokens, NLP facts) by store, which must
// therefore live exactly as long as its index.
const adapted = new WeakMap<IndexArtifact, AnswerCorpus>();

/** The sentence store and retriever over one loaded (immutable) index. */
export function answerCorpusOf(index: IndexArtifact): AnswerCorpus {
  let corpus = adapted.get(index);
  if (!corpus) adapted.set(index, (corpus = { store: sentenceStoreOf(index), retriever: { retrieve: (query, options) => retrieve(index, query, options) } }));
  return corpus;
}

function sentenceStoreOf(index: IndexArtifact): SentenceStore {
  const dimensions = index.manifest.model.dimensions;
  // BM25's IDF of a term in no chunk: the weight a term of one chunk would get, only higher (rarest of all).
  const unseen = Math.log(1 + (index.lexical.size + 0.5) / 0.5);
  return {
    dimensions,
    sentenceCount: index.sentences.length,
    sentence: (id) => index.sentences[id],
    sentenceVector: (id) => index.sentenceVectors.subarray(id * dimensions, (id + 1) * dimensions),
    sentencesOfChunk: (position) => index.chunkSentences[position] ?? [],
    article: (source) => index.articles.get(source),
    articles: () => index.articles.values(),
    termWeight: (term) => index.lexical.idf(term) || unseen,
  };
}

import type { Chunk } from '../corpus/types.ts';
import { IndexError } from '../errors.ts';
import type { Bm25Index } from './bm25.ts';
import { chunkVector } from './chunk-vectors.ts';
import type { DenseIndex } from './dense.ts';
import type { Manifest } from './manifest.ts';
import type { ArticleSummaryRow, IndexedSentence, RecordStore, StoredArticle } from './record-store.ts';
import type { VectorFile } from './vector-file.ts';

/** The articles of an index, read from its record store when asked for. */
export interface ArticleAccess {
  get(source: string): StoredArticle | undefined;
  /** Every live article with its text and sentences (reads the whole corpus: not for the question path). */
  values(): Iterable<StoredArticle>;
  summaries(): ArticleSummaryRow[];
  readonly size: number;
}

/**
 * One index, open: records and sentence vectors are read on demand; the HNSW graph and BM25 postings are in
 * memory. Chunk ids are HNSW labels and BM25 document numbers; sentence ids are rows of the sentence vectors.
 */
export interface IndexArtifact {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly articles: ArticleAccess;
  /** Live chunks. */
  readonly chunkCount: number;
  chunk(id: number): Chunk | undefined;
  /** Ids of the sentences inside chunk `id` (consecutive). */
  chunkSentenceIds(id: number): number[];
  /** Live sentences. */
  readonly sentenceCount: number;
  sentence(id: number): IndexedSentence | undefined;
  /** Every live sentence id (reads them all: for small corpora, where every sentence is scored). */
  sentenceIds(): number[];
  /** Unit vector of sentence `id`. */
  sentenceVector(id: number): Float32Array;
  /** Words (tokenized) of every live article's whole text, datelines and bylines included. */
  readonly corpusWords: { has(word: string): boolean };
  readonly dense: DenseIndex;
  readonly lexical: Bm25Index;
}

// Sentences and chunks read for questions are kept for the next ones; past this many a cache starts afresh, which
// bounds its memory at a 100,000-chunk index (each question touches a few hundred sentences and about 60 chunks,
// each chunk read twice: by retrieval, then for its sentences).
const SENTENCE_CACHE_LIMIT = 50_000;
const CHUNK_CACHE_LIMIT = 10_000;

type ChunkRecord = ReturnType<RecordStore['chunk']>;

/** The open index behind `IndexArtifact`, and what incremental changes apply to. */
export class LoadedIndex implements IndexArtifact {
  private liveChunks = 0;
  private liveSentences = 0;
  private readonly sentenceCache = new Map<number, IndexedSentence | undefined>();
  private readonly chunkCache = new Map<number, ChunkRecord>();
  readonly articles: ArticleAccess;
  readonly corpusWords: { has(word: string): boolean };

  constructor(
    readonly dir: string,
    public manifest: Manifest,
    readonly store: RecordStore,
    readonly vectors: VectorFile,
    readonly dense: DenseIndex,
    readonly lexical: Bm25Index,
    private seenSeq: number,
  ) {
    const counts = store.counts();
    this.liveChunks = counts.chunks ?? 0;
    this.liveSentences = counts.sentences ?? 0;
    this.articles = {
      get: (source) => store.article(source),
      values: () => store.articles(),
      summaries: () => store.summaries(),
      get size() {
        return store.counts().articles;
      },
    };
    this.corpusWords = { has: (word) => store.hasWord(word) };
  }

  get chunkCount(): number {
    return this.liveChunks;
  }

  get sentenceCount(): number {
    return this.liveSentences;
  }

  /** The generation of the records (one more per change); another process's change shows as a higher one. */
  get seq(): number {
    return this.seenSeq;
  }

  chunk(id: number): Chunk | undefined {
    return this.chunkRecord(id)?.chunk;
  }

  /** The ids of a chunk's sentences, whose records are read (one query) for the question that asks. */
  chunkSentenceIds(id: number): number[] {
    const range = this.chunkRecord(id)?.sentences;
    if (!range || range.count === 0) return [];
    const ids = Array.from({ length: range.count }, (_, i) => range.first + i);
    if (ids.some((sentence) => !this.sentenceCache.has(sentence))) {
      if (this.sentenceCache.size + ids.length > SENTENCE_CACHE_LIMIT) this.sentenceCache.clear();
      for (const sentence of this.store.sentencesBetween(range.first, range.first + range.count - 1))
        this.sentenceCache.set(sentence.id, sentence);
    }
    return ids;
  }

  private chunkRecord(id: number): ChunkRecord {
    if (this.chunkCache.has(id)) return this.chunkCache.get(id);
    if (this.chunkCache.size >= CHUNK_CACHE_LIMIT) this.chunkCache.clear();
    const record = this.store.chunk(id);
    this.chunkCache.set(id, record);
    return record;
  }

  sentence(id: number): IndexedSentence | undefined {
    if (this.sentenceCache.has(id)) return this.sentenceCache.get(id);
    if (this.sentenceCache.size >= SENTENCE_CACHE_LIMIT) this.sentenceCache.clear();
    const sentence = this.store.sentence(id);
    this.sentenceCache.set(id, sentence);
    return sentence;
  }

  sentenceIds(): number[] {
    return this.store.sentenceIds();
  }

  sentenceVector(id: number): Float32Array {
    return this.vectors.row(id);
  }

  /**
   * Applies the changes logged since this index was read or last caught up (this process's own, just committed,
   * or another process's): inserts added chunks into the HNSW graph and BM25, marks removed ones deleted.
   * Returns whether anything changed. Synchronous, so a question never sees half a change.
   */
  catchUp(): boolean {
    if (Number(this.store.meta('baseSeq') ?? 0) > this.seenSeq) {
      throw new IndexError(
        `The index in ${this.dir} was compacted by another process after this one read it; it must be loaded again.`,
        'stale',
      );
    }
    const changes = this.store.changesAfter(this.seenSeq);
    if (changes.length === 0) return false;
    const next = this.store.nextIds();
    this.vectors.commit(next.sentence);
    const dims = this.dense.dimensions;
    const row = (id: number) => this.vectors.row(id);
    for (const change of changes) {
      for (let id = change.firstChunk; id < change.firstChunk + change.chunkCount; id++) {
        if (change.kind === 'add') {
          const record = this.store.chunk(id) ?? this.removedChunk(id);
          this.dense.add(id, chunkVector(row, record.sentences, dims));
          this.lexical.add(id, record.chunk.text);
        } else {
          this.dense.remove(id);
          this.lexical.remove(id, this.store.chunkText(id) ?? '');
        }
      }
      this.seenSeq = change.seq;
    }
    this.sentenceCache.clear();
    this.chunkCache.clear();
    const manifest = this.store.meta('manifest');
    if (manifest) this.manifest = JSON.parse(manifest) as Manifest;
    const counts = this.store.counts();
    this.liveChunks = counts.chunks ?? 0;
    this.liveSentences = counts.sentences ?? 0;
    return true;
  }

  /** After this process compacted the index: the log up to `seq` is gone, and this index already holds it. */
  rebased(seq: number): void {
    this.seenSeq = seq;
  }

  /** @throws IndexError('corrupt') when the parts of the index disagree. */
  checkConsistency(): void {
    const next = this.store.nextIds();
    const m = this.manifest;
    const problems = [
      this.liveChunks !== m.counts.chunks && `${this.liveChunks} chunks stored, manifest says ${m.counts.chunks}`,
      this.liveSentences !== m.counts.sentences && `${this.liveSentences} sentences stored, manifest says ${m.counts.sentences}`,
      this.dense.stored !== next.chunk && `${this.dense.stored} vectors in the graph for ${next.chunk} chunks`,
      this.vectors.count !== next.sentence && `${this.vectors.count} sentence vectors for ${next.sentence} sentences`,
    ].filter(Boolean);
    if (problems.length > 0) throw new IndexError(`The index in ${this.dir} is damaged: ${problems.join('; ')}.`, 'corrupt');
  }

  close(): void {
    this.vectors.close();
    this.store.close();
  }

  // An added article removed again before this index caught up: its chunk still has to take its label.
  private removedChunk(id: number): { chunk: Pick<Chunk, 'text'>; sentences: { first: number; count: number } } {
    return { chunk: { text: this.store.chunkText(id) ?? '' }, sentences: this.store.chunkRange(id) };
  }
}

import { tokenize } from '../text/terms.ts';

/** One scored document of a lexical search. */
export interface LexicalHit {
  doc: number;
  score: number;
}

/**
 * Okapi BM25 over an inverted index. LangChain's BM25Retriever rescans every document per query; with
 * postings lists a query touches only documents sharing a term, and typed arrays (postings, a reused score
 * accumulator, a bounded top-k) keep it fast and compact at 100,000 chunks.
 */
export class Bm25Index {
  private readonly postings: Map<string, { docs: Int32Array; tfs: Uint16Array }>;
  private readonly lengths: Uint32Array;
  private readonly averageLength: number;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;

  constructor(texts: string[], private readonly k1 = 1.2, private readonly b = 0.75, built?: { postings: Map<string, { docs: Int32Array; tfs: Uint16Array }>; lengths: Uint32Array }) {
    if (built) {
      this.postings = built.postings;
      this.lengths = built.lengths;
    } else {
      const building = new Map<string, { docs: number[]; tfs: number[] }>();
      this.lengths = new Uint32Array(texts.length);
      texts.forEach((text, doc) => (this.lengths[doc] = addPostings(building, text, doc)));
      this.postings = new Map([...building].map(([term, list]) => [term, { docs: Int32Array.from(list.docs), tfs: Uint16Array.from(list.tfs) }]));
    }
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.lengths.length);
    this.scores = new Float64Array(this.lengths.length);
    this.touched = new Int32Array(this.lengths.length);
  }

  /**
   * This index with documents [from, from + removed) taken out and `added` inserted at `from` (one article's
   * chunks): only the added texts are tokenized; the other documents' postings are renumbered. Searches give the
   * same results as an index built from scratch over the changed documents.
   */
  withChange(from: number, removed: number, added: string[]): Bm25Index {
    const shift = added.length - removed;
    const lengths = new Uint32Array(this.size + shift);
    lengths.set(this.lengths.subarray(0, from), 0);
    lengths.set(this.lengths.subarray(from + removed), from + added.length);
    const fresh = new Map<string, { docs: number[]; tfs: number[] }>();
    added.forEach((text, i) => (lengths[from + i] = addPostings(fresh, text, from + i)));
    const postings = new Map<string, { docs: Int32Array; tfs: Uint16Array }>();
    for (const [term, list] of this.postings) {
      const extra = fresh.get(term);
      fresh.delete(term);
      const docs: number[] = [];
      const tfs: number[] = [];
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i]!;
        if (doc >= from && doc < from + removed) continue;
        docs.push(doc < from ? doc : doc + shift);
        tfs.push(list.tfs[i]!);
      }
      if (extra) {
        docs.push(...extra.docs);
        tfs.push(...extra.tfs);
      }
      if (docs.length > 0) postings.set(term, { docs: Int32Array.from(docs), tfs: Uint16Array.from(tfs) });
    }
    for (const [term, list] of fresh) postings.set(term, { docs: Int32Array.from(list.docs), tfs: Uint16Array.from(list.tfs) });
    return new Bm25Index([], this.k1, this.b, { postings, lengths });
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Inverse document frequency of a (tokenized) term; 0 when no document has it. */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return df === 0 ? 0 : Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Number of documents containing the (tokenized) term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** The k best documents, by score then by position. */
  search(query: string, k: number): LexicalHit[] {
    let touchedCount = 0;
    for (const term of new Set(tokenize(query))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i]!;
        const tf = list.tfs[i]!;
        if (this.scores[doc] === 0) this.touched[touchedCount++] = doc;
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.lengths[doc]!) / this.averageLength);
        this.scores[doc]! += (idf * tf * (this.k1 + 1)) / norm;
      }
    }
    const top: LexicalHit[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const doc = this.touched[i]!;
      const score = this.scores[doc]!;
      this.scores[doc] = 0;
      if (top.length === k && !ranksBefore(score, doc, top[k - 1]!)) continue;
      let at = top.length === k ? k - 1 : top.length;
      top[at] = { doc, score };
      while (at > 0 && ranksBefore(score, doc, top[at - 1]!)) {
        [top[at], top[at - 1]] = [top[at - 1]!, top[at]!];
        at--;
      }
    }
    return top;
  }
}

/** Adds one document's term frequencies to `building`; returns its length in tokens. */
function addPostings(building: Map<string, { docs: number[]; tfs: number[] }>, text: string, doc: number): number {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  for (const [term, tf] of counts) {
    let list = building.get(term);
    if (!list) building.set(term, (list = { docs: [], tfs: [] }));
    list.docs.push(doc);
    list.tfs.push(Math.min(tf, 65_535));
  }
  return tokens.length;
}

function ranksBefore(score: number, doc: number, other: LexicalHit): boolean {
  return score > other.score || (score === other.score && doc < other.doc);
}

import { IndexError } from '../errors.ts';
import { tokenize } from '../text/terms.ts';

/** The BM25 postings file of an index directory. */
export const LEXICAL_FILE = 'lexical.bin';

/** One scored document of a lexical search. */
export interface LexicalHit {
  doc: number;
  score: number;
}

interface Postings {
  docs: Int32Array;
  tfs: Uint16Array;
}

const MAGIC = 0x35324d42; // "BM25"
const FORMAT = 1;
const HEADER_WORDS = 6;

/**
 * Okapi BM25 over an inverted index. LangChain's BM25Retriever rescans every document per query; with
 * postings lists a query touches only documents sharing a term, and typed arrays (postings, a reused score
 * accumulator, a bounded top-k) keep it fast and compact at 100,000 chunks. Document numbers are stable (a
 * chunk's id): documents are added after the last one and removed by marking them, so one article's change
 * touches only its own documents, and every search equals one over an index built afresh from the live ones.
 */
export class Bm25Index {
  private readonly base: Map<string, Postings>;
  /** Postings of documents added since the base was built or loaded. */
  private readonly added = new Map<string, { docs: number[]; tfs: number[] }>();
  /** Per term, how many of the base's or added documents holding it were removed since. */
  private readonly removedDf = new Map<string, number>();
  private lengths: Uint32Array;
  private deleted: Uint8Array;
  private docCount: number;
  private live: number;
  private totalLength: number;
  private scores: Float64Array;
  private touched: Int32Array;

  /** An index of `texts` as documents 0, 1, …; `stored` is what `load` read from a file instead. */
  constructor(
    texts: string[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
    stored?: { base: Map<string, Postings>; lengths: Uint32Array; deleted: Uint8Array },
  ) {
    if (stored) {
      this.base = stored.base;
      this.lengths = stored.lengths;
      this.deleted = stored.deleted;
    } else {
      const building = new Map<string, { docs: number[]; tfs: number[] }>();
      this.lengths = new Uint32Array(texts.length);
      this.deleted = new Uint8Array(texts.length);
      texts.forEach((text, doc) => (this.lengths[doc] = addPostings(building, text, doc)));
      this.base = new Map(
        [...building].map(([term, list]) => [term, { docs: Int32Array.from(list.docs), tfs: Uint16Array.from(list.tfs) }]),
      );
    }
    this.docCount = this.lengths.length;
    this.live = 0;
    this.totalLength = 0;
    for (let doc = 0; doc < this.docCount; doc++) {
      if (this.deleted[doc]) continue;
      this.live++;
      this.totalLength += this.lengths[doc]!;
    }
    this.scores = new Float64Array(this.docCount);
    this.touched = new Int32Array(this.docCount);
  }

  /** Live documents. */
  get size(): number {
    return this.live;
  }

  /** Adds document `doc` (a number past every document so far; the gap, if any, holds no documents). */
  add(doc: number, text: string): void {
    if (doc < this.docCount) throw new RangeError(`BM25 document ${doc} already exists (documents are added after ${this.docCount - 1})`);
    this.grow(doc + 1);
    const length = addPostings(this.added, text, doc);
    this.lengths[doc] = length;
    this.live++;
    this.totalLength += length;
  }

  /** Removes document `doc`, whose text was `text` (its terms' document frequencies go down). */
  remove(doc: number, text: string): void {
    if (doc >= this.docCount || this.deleted[doc]) return;
    this.deleted[doc] = 1;
    for (const term of new Set(tokenize(text))) this.removedDf.set(term, (this.removedDf.get(term) ?? 0) + 1);
    this.live--;
    this.totalLength -= this.lengths[doc]!;
  }

  /** Inverse document frequency of a (tokenized) term; 0 when no document has it. */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return df === 0 ? 0 : Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Number of live documents containing the (tokenized) term. */
  documentFrequency(term: string): number {
    return (this.base.get(term)?.docs.length ?? 0) + (this.added.get(term)?.docs.length ?? 0) - (this.removedDf.get(term) ?? 0);
  }

  /** The k best live documents, by score then by document number. */
  search(query: string, k: number): LexicalHit[] {
    let touchedCount = 0;
    const averageLength = this.totalLength / Math.max(1, this.live);
    const score = (doc: number, tf: number, idf: number) => {
      if (this.deleted[doc]) return;
      if (this.scores[doc] === 0) this.touched[touchedCount++] = doc;
      const norm = tf + this.k1 * (1 - this.b + (this.b * this.lengths[doc]!) / averageLength);
      this.scores[doc]! += (idf * tf * (this.k1 + 1)) / norm;
    };
    for (const term of new Set(tokenize(query))) {
      const idf = this.idf(term);
      if (idf === 0) continue;
      const list = this.base.get(term);
      if (list) for (let i = 0; i < list.docs.length; i++) score(list.docs[i]!, list.tfs[i]!, idf);
      const extra = this.added.get(term);
      if (extra) for (let i = 0; i < extra.docs.length; i++) score(extra.docs[i]!, extra.tfs[i]!, idf);
    }
    const top: LexicalHit[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const doc = this.touched[i]!;
      const value = this.scores[doc]!;
      this.scores[doc] = 0;
      if (top.length === k && !ranksBefore(value, doc, top[k - 1]!)) continue;
      let at = top.length === k ? k - 1 : top.length;
      top[at] = { doc, score: value };
      while (at > 0 && ranksBefore(value, doc, top[at - 1]!)) {
        [top[at], top[at - 1]] = [top[at - 1]!, top[at]!];
        at--;
      }
    }
    return top;
  }

  /**
   * The index as bytes: a header, document lengths and removal marks, per-term offsets, then every posting's
   * document and term frequency, then the terms. Removed documents' postings are left out.
   */
  serialize(): Buffer {
    const terms = [...new Set([...this.base.keys(), ...this.added.keys()])];
    const merged: Postings[] = [];
    let total = 0;
    for (const term of terms) {
      const docs: number[] = [];
      const tfs: number[] = [];
      for (const list of [this.base.get(term), this.added.get(term)]) {
        if (!list) continue;
        for (let i = 0; i < list.docs.length; i++) {
          if (this.deleted[list.docs[i]!]) continue;
          docs.push(list.docs[i]!);
          tfs.push(list.tfs[i]!);
        }
      }
      merged.push({ docs: Int32Array.from(docs), tfs: Uint16Array.from(tfs) });
      total += docs.length;
    }
    const kept = terms.map((term, i) => ({ term, list: merged[i]! })).filter(({ list }) => list.docs.length > 0);
    const termBytes = Buffer.from(kept.map(({ term }) => term).join('\n'), 'utf8');
    const sizes = [
      HEADER_WORDS * 4,
      this.docCount * 4,
      pad4(this.docCount),
      (kept.length + 1) * 4,
      total * 4,
      pad4(total * 2),
      termBytes.byteLength,
    ];
    const out = Buffer.alloc(sizes.reduce((a, b) => a + b, 0));
    const header = new Uint32Array(out.buffer, out.byteOffset, HEADER_WORDS);
    header.set([MAGIC, FORMAT, this.docCount, kept.length, total, termBytes.byteLength]);
    let at = sizes[0]!;
    new Uint32Array(out.buffer, out.byteOffset + at, this.docCount).set(this.lengths.subarray(0, this.docCount));
    at += sizes[1]!;
    new Uint8Array(out.buffer, out.byteOffset + at, this.docCount).set(this.deleted.subarray(0, this.docCount));
    at += sizes[2]!;
    const offsets = new Uint32Array(out.buffer, out.byteOffset + at, kept.length + 1);
    at += sizes[3]!;
    const docs = new Int32Array(out.buffer, out.byteOffset + at, total);
    at += sizes[4]!;
    const tfs = new Uint16Array(out.buffer, out.byteOffset + at, total);
    at += sizes[5]!;
    let position = 0;
    kept.forEach(({ list }, i) => {
      offsets[i] = position;
      docs.set(list.docs, position);
      tfs.set(list.tfs, position);
      position += list.docs.length;
    });
    offsets[kept.length] = position;
    termBytes.copy(out, at);
    return out;
  }

  /** An index from `serialize`'s bytes; the postings are views of them. @throws IndexError('corrupt') when they are not one. */
  static deserialize(bytes: Buffer, source = LEXICAL_FILE): Bm25Index {
    const fail = (why: string) => new IndexError(`${source} is damaged (${why}).`, 'corrupt');
    // Typed-array views need 4-byte alignment; a large file read whole starts at offset 0, a small one may not.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
    if (aligned.byteLength < HEADER_WORDS * 4) throw fail('too short');
    const [magic, format, docCount, termCount, total, termBytes] = new Uint32Array(aligned.buffer, aligned.byteOffset, HEADER_WORDS);
    if (magic !== MAGIC || format !== FORMAT) throw fail('not a BM25 postings file');
    const sizes = [HEADER_WORDS * 4, docCount! * 4, pad4(docCount!), (termCount! + 1) * 4, total! * 4, pad4(total! * 2), termBytes!];
    if (sizes.reduce((a, b) => a + b, 0) !== aligned.byteLength) throw fail('its length does not match its header');
    let at = aligned.byteOffset + sizes[0]!;
    const lengths = new Uint32Array(aligned.buffer, at, docCount);
    at += sizes[1]!;
    const deleted = new Uint8Array(aligned.buffer, at, docCount);
    at += sizes[2]!;
    const offsets = new Uint32Array(aligned.buffer, at, termCount! + 1);
    at += sizes[3]!;
    const docs = new Int32Array(aligned.buffer, at, total);
    at += sizes[4]!;
    const tfs = new Uint16Array(aligned.buffer, at, total);
    at += sizes[5]!;
    const terms =
      termCount === 0 ? [] : aligned.toString('utf8', at - aligned.byteOffset, at - aligned.byteOffset + termBytes!).split('\n');
    if (terms.length !== termCount || offsets[termCount!] !== total) throw fail('its term list does not match its header');
    const base = new Map<string, Postings>();
    terms.forEach((term, i) =>
      base.set(term, { docs: docs.subarray(offsets[i]!, offsets[i + 1]!), tfs: tfs.subarray(offsets[i]!, offsets[i + 1]!) }),
    );
    // Copies: these two change when documents are added or removed.
    return new Bm25Index([], undefined, undefined, { base, lengths: Uint32Array.from(lengths), deleted: Uint8Array.from(deleted) });
  }

  private grow(count: number): void {
    if (count <= this.docCount) return;
    if (count > this.lengths.length) {
      const capacity = Math.max(count, Math.ceil(this.lengths.length * 1.25) + 16);
      const lengths = new Uint32Array(capacity);
      lengths.set(this.lengths);
      const deleted = new Uint8Array(capacity);
      deleted.set(this.deleted);
      this.lengths = lengths;
      this.deleted = deleted;
      this.scores = new Float64Array(capacity);
      this.touched = new Int32Array(capacity);
    }
    this.docCount = count;
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

function pad4(bytes: number): number {
  return Math.ceil(bytes / 4) * 4;
}

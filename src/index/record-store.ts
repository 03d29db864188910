import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { ArticleMeta, Chunk, Sentence } from '../corpus/types.ts';
import { describeError, IndexError } from '../errors.ts';

/** The records file of an index directory: articles, chunks, sentences, corpus words, the change log and the manifest. */
export const RECORDS_FILE = 'records.sqlite';

// Row ids are stable for the life of an index: a sentence id is its row in the sentence-vector file, a chunk id
// its label in the HNSW graph and its document number in BM25. An article's sentences (and chunks) have
// consecutive ids, so "the sentence before" is id - 1 within the same article.
const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE articles (id INTEGER PRIMARY KEY, source TEXT NOT NULL, hash TEXT NOT NULL, meta TEXT NOT NULL, text TEXT NOT NULL,
  first_sentence INTEGER NOT NULL, sentence_count INTEGER NOT NULL, first_chunk INTEGER NOT NULL, chunk_count INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0);
CREATE INDEX articles_source ON articles (source, deleted);
CREATE TABLE sentences (id INTEGER PRIMARY KEY, article INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, paragraph INTEGER NOT NULL);
CREATE TABLE chunks (id INTEGER PRIMARY KEY, article INTEGER NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
  first_sentence INTEGER NOT NULL, sentence_count INTEGER NOT NULL);
CREATE TABLE words (word TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE text_keys (key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (key, article)) WITHOUT ROWID;
CREATE INDEX articles_hash ON articles (hash);
CREATE TABLE changes (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('add', 'remove')), article INTEGER NOT NULL);
`;

/** An article as stored in the index: what answers need to cite and quote it. */
export interface StoredArticle {
  source: string;
  hash: string;
  meta: ArticleMeta;
  text: string;
  sentences: Sentence[];
}

/** A sentence with its place in the index, for the extractive answerer. */
export interface IndexedSentence extends Sentence {
  /** Stable id: the sentence's row in the sentence-vector file. */
  id: number;
  source: string;
}

/** One article's rows as a build or a change inserts them: chunks with the range of sentences each holds. */
export interface ArticleRecords {
  article: StoredArticle;
  chunks: Chunk[];
  /** For each chunk, the first of its sentences (an index into `article.sentences`) and how many. */
  chunkSentences: { first: number; count: number }[];
  /** Distinct corpus words of the article's whole text (datelines and bylines included). */
  words: string[];
  /** Keys that find articles of the same text (the caller decides what they are), stored hashed. */
  textKeys?: string[];
}

/** Where an inserted article's rows start: its first sentence id and first chunk id. */
export interface InsertedArticle {
  id: number;
  firstSentence: number;
  firstChunk: number;
}

/** A logged change, replayed onto the vector graph and BM25 postings saved before it. */
export interface LoggedChange {
  seq: number;
  kind: 'add' | 'remove';
  firstChunk: number;
  chunkCount: number;
}

/** A short summary of an article, without its text. */
export interface ArticleSummaryRow {
  source: string;
  hash: string;
  meta: ArticleMeta;
  chunks: number;
}

interface ArticleRow {
  id: number;
  source: string;
  hash: string;
  meta: string;
  text: string;
  first_sentence: number;
  sentence_count: number;
  first_chunk: number;
  chunk_count: number;
}

/**
 * The index's records in SQLite (better-sqlite3): read on demand with prepared statements rather than parsed
 * whole at load, and changed one article at a time in a transaction, so that adding an article costs the same
 * whatever the corpus size and a crash leaves either the old or the new records.
 */
export class RecordStore {
  private readonly db: Database.Database;
  private readonly statements;

  private constructor(db: Database.Database) {
    this.db = db;
    this.statements = {
      meta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare<[string, string]>(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      articleBySource: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE source = ? AND deleted = 0'),
      articleById: db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
      sentencesOf: db.prepare<[number, number], { text: string; start: number; end: number; paragraph: number }>(
        'SELECT text, start, end, paragraph FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id',
      ),
      sentence: db.prepare<[number], { id: number; text: string; start: number; end: number; paragraph: number; source: string }>(
        'SELECT s.id, s.text, s.start, s.end, s.paragraph, a.source FROM sentences s JOIN articles a ON a.id = s.article WHERE s.id = ? AND a.deleted = 0',
      ),
      chunk: db.prepare<
        [number],
        {
          id: number;
          ordinal: number;
          text: string;
          start: number;
          end: number;
          first_sentence: number;
          sentence_count: number;
          source: string;
        }
      >(
        'SELECT c.id, c.ordinal, c.text, c.start, c.end, c.first_sentence, c.sentence_count, a.source FROM chunks c JOIN articles a ON a.id = c.article WHERE c.id = ? AND a.deleted = 0',
      ),
      sentences: db.prepare<[number, number], IndexedSentence>(
        'SELECT s.id, s.text, s.start, s.end, s.paragraph, a.source FROM sentences s JOIN articles a ON a.id = s.article WHERE s.id BETWEEN ? AND ? AND a.deleted = 0 ORDER BY s.id',
      ),
      chunkText: db.prepare<[number], { text: string }>('SELECT text FROM chunks WHERE id = ?'),
      word: db.prepare<[string], { articles: number }>('SELECT articles FROM words WHERE word = ?'),
      addWord: db.prepare<[string]>(
        'INSERT INTO words (word, articles) VALUES (?, 1) ON CONFLICT (word) DO UPDATE SET articles = articles + 1',
      ),
      dropWord: db.prepare<[string]>('UPDATE words SET articles = articles - 1 WHERE word = ?'),
      insertArticle: db.prepare(
        'INSERT INTO articles (source, hash, meta, text, first_sentence, sentence_count, first_chunk, chunk_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertSentence: db.prepare('INSERT INTO sentences (id, article, text, start, end, paragraph) VALUES (?, ?, ?, ?, ?, ?)'),
      insertChunk: db.prepare(
        'INSERT INTO chunks (id, article, ordinal, text, start, end, first_sentence, sentence_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      logChange: db.prepare<[number, string, number]>('INSERT INTO changes (seq, kind, article) VALUES (?, ?, ?)'),
      addKey: db.prepare<[number, number]>('INSERT OR IGNORE INTO text_keys (key, article) VALUES (?, ?)'),
      byHash: db.prepare<[string], { source: string; meta: string }>(
        'SELECT source, meta FROM articles WHERE hash = ? AND deleted = 0 ORDER BY source LIMIT 1',
      ),
      keyArticles: db.prepare<[number], { article: number }>('SELECT article FROM text_keys WHERE key = ?'),
      liveSource: db.prepare<[number], { source: string }>('SELECT source FROM articles WHERE id = ? AND deleted = 0'),
    };
  }

  /** A new, empty store at `path` (a build directory's). */
  static create(path: string): RecordStore {
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    db.exec(SCHEMA);
    const store = new RecordStore(db);
    store.setMeta('next', JSON.stringify({ sentence: 0, chunk: 0 }));
    store.setMeta('generation', '0');
    store.setMeta('baseSeq', '0');
    return store;
  }

  /**
   * Opens the store of an index directory, read-write for changes or read-only.
   * @throws IndexError('corrupt') when the file is not a readable Dossier store.
   */
  static open(path: string, options: { readonly?: boolean } = {}): RecordStore {
    try {
      const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      const tables = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((row) => row.name);
      for (const table of ['meta', 'articles', 'sentences', 'chunks', 'words', 'changes']) {
        if (!tables.includes(table)) throw new Error(`it has no ${table} table`);
      }
      return new RecordStore(db);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'SQLITE_CANTOPEN')
        throw new IndexError(`No ${RECORDS_FILE} in ${path.replace(/\/[^/]+$/, '')}.`, 'missing', { cause });
      throw new IndexError(`${path} is damaged (${describeError(cause)}).`, 'corrupt', { cause });
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  meta(key: string): string | undefined {
    return this.statements.meta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  /** The next free sentence and chunk ids. */
  nextIds(): { sentence: number; chunk: number } {
    return JSON.parse(this.meta('next') ?? '{"sentence":0,"chunk":0}') as { sentence: number; chunk: number };
  }

  /** Runs `work` in one transaction: all of it is stored, or (when it throws) none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Inserts one article's rows at the next free ids; call inside `transaction`. */
  insertArticle(records: ArticleRecords): InsertedArticle {
    const next = this.nextIds();
    const { article, chunks, chunkSentences, words } = records;
    const { lastInsertRowid } = this.statements.insertArticle.run(
      article.source,
      article.hash,
      JSON.stringify(article.meta),
      article.text,
      next.sentence,
      article.sentences.length,
      next.chunk,
      chunks.length,
    );
    const id = Number(lastInsertRowid);
    article.sentences.forEach((s, i) => this.statements.insertSentence.run(next.sentence + i, id, s.text, s.start, s.end, s.paragraph));
    chunks.forEach((chunk, i) => {
      const members = chunkSentences[i]!;
      this.statements.insertChunk.run(
        next.chunk + i,
        id,
        chunk.ordinal,
        chunk.text,
        chunk.start,
        chunk.end,
        next.sentence + members.first,
        members.count,
      );
    });
    for (const word of words) this.statements.addWord.run(word);
    for (const key of new Set((records.textKeys ?? []).map(keyHash))) this.statements.addKey.run(key, id);
    this.setMeta('next', JSON.stringify({ sentence: next.sentence + article.sentences.length, chunk: next.chunk + chunks.length }));
    return { id, firstSentence: next.sentence, firstChunk: next.chunk };
  }

  /**
   * Marks an article removed (its rows stay until the next full build, so that the graph and postings saved
   * before can be brought up to date by replaying the log); call inside `transaction`.
   */
  removeArticle(source: string, words: string[]): { id: number; firstChunk: number; chunkCount: number } {
    const row = this.statements.articleBySource.get(source);
    if (!row) throw new IndexError(`No article ${source} in the index.`, 'stale');
    this.db.prepare('UPDATE articles SET deleted = 1 WHERE id = ?').run(row.id);
    for (const word of words) this.statements.dropWord.run(word);
    return { id: row.id, firstChunk: row.first_chunk, chunkCount: row.chunk_count };
  }

  /**
   * Records a change in the log (for other processes and the next load to replay); call inside `transaction`. Its
   * seq is numbered past the base's: a compaction empties the log, and SQLite would number the next row 1 again
   * (`seq` is a rowid without AUTOINCREMENT), below `baseSeq`, where no load or catch-up replays it.
   */
  logChange(kind: 'add' | 'remove', article: number): number {
    const seq = this.lastSeq() + 1;
    this.statements.logChange.run(seq, kind, article);
    return seq;
  }

  /**
   * Renumbers changes an older version logged at or below `baseSeq` (numbered from 1 again after a compaction had
   * emptied the log, so never replayed) to follow the base, in their order. Every row at or below `baseSeq` is
   * one of those: a compaction drops all the rows up to the seq it sets. Returns how many were renumbered.
   */
  renumberStrandedChanges(): number {
    return this.transaction(() => {
      const baseSeq = Number(this.meta('baseSeq') ?? 0);
      const stranded = this.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM changes WHERE seq <= ?').get(baseSeq)?.n ?? 0;
      if (stranded === 0) return 0;
      // Rows logged (in order) since that compaction may also sit above baseSeq: all of them move by baseSeq, kept in
      // order, through negative seqs so that no two rows share one midway.
      this.db.prepare('UPDATE changes SET seq = -seq').run();
      this.db.prepare('UPDATE changes SET seq = ? - seq').run(baseSeq);
      return stranded;
    });
  }

  /** Changes logged after `seq`, oldest first. */
  changesAfter(seq: number): LoggedChange[] {
    return this.db
      .prepare<[number], { seq: number; kind: 'add' | 'remove'; first_chunk: number; chunk_count: number }>(
        'SELECT c.seq, c.kind, a.first_chunk, a.chunk_count FROM changes c JOIN articles a ON a.id = c.article WHERE c.seq > ? ORDER BY c.seq',
      )
      .all(seq)
      .map((row) => ({ seq: row.seq, kind: row.kind, firstChunk: row.first_chunk, chunkCount: row.chunk_count }));
  }

  /** The newest logged change (the base's after a compaction cleared the log). */
  lastSeq(): number {
    const logged = this.db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM changes').get()?.seq ?? 0;
    return Math.max(logged, Number(this.meta('baseSeq') ?? 0));
  }

  /**
   * Drops the log up to `seq` and the rows of articles removed by then (the new base files no longer hold them);
   * call inside `transaction`. Their sentence-vector rows stay in the file, unread.
   */
  clearChangesThrough(seq: number): void {
    const removed = this.db
      .prepare<[], { id: number }>('SELECT id FROM articles WHERE deleted = 1')
      .all()
      .map((row) => row.id);
    for (const id of removed) {
      this.db.prepare('DELETE FROM sentences WHERE article = ?').run(id);
      this.db.prepare('DELETE FROM chunks WHERE article = ?').run(id);
      this.db.prepare('DELETE FROM text_keys WHERE article = ?').run(id);
      this.db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    }
    this.db.prepare('DELETE FROM changes WHERE seq <= ?').run(seq);
  }

  article(source: string): StoredArticle | undefined {
    const row = this.statements.articleBySource.get(source);
    return row && this.storedArticle(row);
  }

  /** Every live article with its text and sentences, in file-name order (reads the whole corpus). */
  *articles(): Generator<StoredArticle> {
    for (const row of this.db.prepare<[], ArticleRow>('SELECT * FROM articles WHERE deleted = 0 ORDER BY source').iterate())
      yield this.storedArticle(row);
  }

  /** Every live article without its text, in file-name order. */
  summaries(): ArticleSummaryRow[] {
    return this.db
      .prepare<[], { source: string; hash: string; meta: string; chunk_count: number }>(
        'SELECT source, hash, meta, chunk_count FROM articles WHERE deleted = 0 ORDER BY source',
      )
      .all()
      .map((row) => ({ source: row.source, hash: row.hash, meta: JSON.parse(row.meta) as ArticleMeta, chunks: row.chunk_count }));
  }

  /** Live counts, to cross-check against the manifest. */
  counts(): { articles: number; chunks: number; sentences: number } {
    return this.db
      .prepare<[], { articles: number; chunks: number | null; sentences: number | null }>(
        'SELECT count(*) AS articles, sum(chunk_count) AS chunks, sum(sentence_count) AS sentences FROM articles WHERE deleted = 0',
      )
      .get() as { articles: number; chunks: number; sentences: number };
  }

  /** Ids of every live sentence, in id order. */
  sentenceIds(): number[] {
    return this.db
      .prepare<[], { id: number }>('SELECT s.id FROM sentences s JOIN articles a ON a.id = s.article WHERE a.deleted = 0 ORDER BY s.id')
      .all()
      .map((row) => row.id);
  }

  sentence(id: number): IndexedSentence | undefined {
    return this.statements.sentence.get(id);
  }

  /** The live sentences with ids from `first` to `last`, in id order (one query for a chunk's sentences). */
  sentencesBetween(first: number, last: number): IndexedSentence[] {
    return this.statements.sentences.all(first, last);
  }

  /** A live chunk and the ids of its sentences. */
  chunk(id: number): { chunk: Chunk; sentences: { first: number; count: number } } | undefined {
    const row = this.statements.chunk.get(id);
    if (!row) return undefined;
    return {
      chunk: {
        id: `${row.source}#${row.ordinal}`,
        source: row.source,
        ordinal: row.ordinal,
        text: row.text,
        start: row.start,
        end: row.end,
      },
      sentences: { first: row.first_sentence, count: row.sentence_count },
    };
  }

  /** The sentence ids of a chunk, live or removed. */
  chunkRange(id: number): { first: number; count: number } {
    const row = this.db
      .prepare<[number], { first_sentence: number; sentence_count: number }>(
        'SELECT first_sentence, sentence_count FROM chunks WHERE id = ?',
      )
      .get(id);
    return row ? { first: row.first_sentence, count: row.sentence_count } : { first: 0, count: 0 };
  }

  /** A chunk's text, live or removed (replaying a removal needs the text it had). */
  chunkText(id: number): string | undefined {
    return this.statements.chunkText.get(id)?.text;
  }

  /** Ids of the chunks and the sentences of every live article, to rebuild search structures from. */
  liveRanges(): { firstChunk: number; chunkCount: number; firstSentence: number; sentenceCount: number }[] {
    return this.db
      .prepare<[], { first_chunk: number; chunk_count: number; first_sentence: number; sentence_count: number }>(
        'SELECT first_chunk, chunk_count, first_sentence, sentence_count FROM articles WHERE deleted = 0 ORDER BY first_chunk',
      )
      .all()
      .map((row) => ({
        firstChunk: row.first_chunk,
        chunkCount: row.chunk_count,
        firstSentence: row.first_sentence,
        sentenceCount: row.sentence_count,
      }));
  }

  /** The live article with these bytes (by content hash), if any. */
  articleWithHash(hash: string): { source: string; meta: ArticleMeta } | undefined {
    const row = this.statements.byHash.get(hash);
    return row && { source: row.source, meta: JSON.parse(row.meta) as ArticleMeta };
  }

  /** Live articles holding any of `keys`, with how many of them each holds, in file-name order. */
  articlesSharing(keys: string[]): { source: string; shared: number }[] {
    const counts = new Map<number, number>();
    for (const hash of new Set(keys.map(keyHash)))
      for (const { article } of this.statements.keyArticles.all(hash)) counts.set(article, (counts.get(article) ?? 0) + 1);
    return [...counts]
      .flatMap(([id, shared]) => {
        const row = this.statements.liveSource.get(id);
        return row ? [{ source: row.source, shared }] : [];
      })
      .sort((a, b) => a.source.localeCompare(b.source));
  }

  /** Whether any live article's text has this (tokenized) word. */
  hasWord(word: string): boolean {
    return (this.statements.word.get(word)?.articles ?? 0) > 0;
  }

  private storedArticle(row: ArticleRow): StoredArticle {
    const sentences = this.statements.sentencesOf.all(row.first_sentence, row.first_sentence + row.sentence_count - 1);
    return { source: row.source, hash: row.hash, meta: JSON.parse(row.meta) as ArticleMeta, text: row.text, sentences };
  }
}

/** A key as a 52-bit integer (a safe JavaScript integer): eight bytes a key instead of a copy of the sentence. */
function keyHash(key: string): number {
  return Number.parseInt(createHash('sha1').update(key).digest('hex').slice(0, 13), 16);
}

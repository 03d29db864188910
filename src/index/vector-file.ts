import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { IndexError } from '../errors.ts';

/** The sentence vectors of an index directory: float32 rows, row i at byte i * dimensions * 4. */
export const SENTENCE_VECTORS_FILE = 'sentence-vectors.f32';

// Files up to this size are read whole: a small corpus has every sentence scored against each question, and one
// read beats thousands. Larger ones are read row by row on demand (from the page cache, outside the heap), which
// keeps a 100,000-chunk index's ~800 MB of sentence vectors out of the process's resident memory.
const READ_WHOLE_UP_TO_BYTES = 64 * 2 ** 20;

/**
 * Float32 rows in a file, appended to by builds and changes and read by id. Bytes past the last committed row
 * (an append that a crash interrupted before its records were committed) are never read, and are overwritten by
 * the next append.
 */
export class VectorFile {
  private readonly fd: number;
  private whole: Float32Array | undefined;

  private constructor(
    private readonly path: string,
    readonly dimensions: number,
    private rows: number,
    writable: boolean,
  ) {
    this.fd = openSync(path, writable ? 'r+' : 'r');
    const bytes = fstatSync(this.fd).size;
    if (bytes < rows * this.rowBytes) {
      closeSync(this.fd);
      throw new IndexError(`${path} is truncated (${bytes} bytes for ${rows} vectors of ${dimensions} dimensions).`, 'corrupt');
    }
    if (rows * this.rowBytes <= READ_WHOLE_UP_TO_BYTES) {
      const buffer = Buffer.alloc(rows * this.rowBytes);
      if (rows > 0) readSync(this.fd, buffer, 0, buffer.byteLength, 0);
      this.whole = new Float32Array(buffer.buffer, buffer.byteOffset, rows * dimensions);
    }
  }

  /** Opens `path` holding (at least) `rows` committed rows. @throws IndexError('corrupt') when it holds fewer. */
  static open(path: string, dimensions: number, rows: number, options: { writable?: boolean } = {}): VectorFile {
    try {
      return new VectorFile(path, dimensions, rows, options.writable ?? false);
    } catch (error) {
      if (error instanceof IndexError) throw error;
      throw new IndexError(`${path} cannot be read (${(error as Error).message}).`, 'corrupt', { cause: error });
    }
  }

  /** A new, empty file (a build's) to append rows to. */
  static create(path: string, dimensions: number): VectorFile {
    closeSync(openSync(path, 'wx'));
    return new VectorFile(path, dimensions, 0, true);
  }

  /** The rows as a reader of this file gets them back (what sums of stored rows must be computed from). */
  static stored(rows: Float32Array): Float32Array {
    return rows;
  }

  private get rowBytes(): number {
    return this.dimensions * 4;
  }

  get count(): number {
    return this.rows;
  }

  /** Row `id` (a view when the file is held whole, else a fresh read). */
  row(id: number): Float32Array {
    if (id < 0 || id >= this.rows) throw new RangeError(`vector ${id} is outside ${this.path} (${this.rows} rows)`);
    if (this.whole) return this.whole.subarray(id * this.dimensions, (id + 1) * this.dimensions);
    const out = new Float32Array(this.dimensions);
    readSync(this.fd, new Uint8Array(out.buffer), 0, this.rowBytes, id * this.rowBytes);
    return out;
  }

  /**
   * Writes rows from `first` on (the next free ids) and flushes them, before the records naming them are
   * committed. The rows become readable once `commit` is called.
   */
  append(first: number, vectors: Float32Array): void {
    writeSync(this.fd, Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength), 0, vectors.byteLength, first * this.rowBytes);
    fsyncSync(this.fd);
  }

  /** Makes rows up to `rows` readable (after the records naming them were committed, or another process's were). */
  commit(rows: number): void {
    if (rows <= this.rows) return;
    const bytes = fstatSync(this.fd).size;
    if (bytes < rows * this.rowBytes) throw new IndexError(`${this.path} is truncated (${bytes} bytes for ${rows} vectors).`, 'corrupt');
    if (this.whole) {
      if (rows * this.rowBytes > READ_WHOLE_UP_TO_BYTES) this.whole = undefined;
      else {
        const grown = new Float32Array(rows * this.dimensions);
        grown.set(this.whole);
        readSync(
          this.fd,
          new Uint8Array(grown.buffer, this.rows * this.rowBytes),
          0,
          (rows - this.rows) * this.rowBytes,
          this.rows * this.rowBytes,
        );
        this.whole = grown;
      }
    }
    this.rows = rows;
  }

  close(): void {
    closeSync(this.fd);
  }
}

import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { IndexError } from '../errors.ts';

/**
 * The sentence vectors of an index directory as float16 rows: row i at byte i * dimensions * 2. Half of float32's
 * size on disk and in the page cache; `npm run eval` gives the same figures with either (README, At 100,000
 * chunks), where int8 rows (a quarter) moved some of them.
 */
export const SENTENCE_VECTORS_FILE = 'sentence-vectors.f16';

// Files up to this size are read whole: a small corpus has every sentence scored against each question, and one
// read beats thousands. Larger ones are read row by row on demand (from the page cache, outside the heap), which
// keeps a 100,000-chunk index's sentence vectors out of the process's resident memory.
const READ_WHOLE_UP_TO_BYTES = 32 * 2 ** 20; // 32,000 rows of 512 dimensions, as float32's 64 MiB did

/** Bytes of one stored row. */
const rowBytesOf = (dimensions: number) => 2 * dimensions;

const single = new Float32Array(1);
const singleBits = new Uint32Array(single.buffer);

/** The IEEE 754 half-precision bits nearest to `value` (ties to even); unit-vector components never overflow. */
function toHalf(value: number): number {
  single[0] = value;
  const bits = singleBits[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent >= 31) return sign | 0x7c00;
  if (exponent <= 0) {
    if (exponent < -10) return sign;
    const full = mantissa | 0x800000;
    const shift = 14 - exponent;
    const rest = full & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    let half = full >>> shift;
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = sign | (exponent << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  // A carry out of the mantissa rounds up into the exponent, which is the right result.
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return half;
}

/** Every half-precision value by its bits: reading a row is one lookup a component. */
const HALF_VALUES = Float32Array.from({ length: 65536 }, (_, bits) => {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
});

/** Float rows in the stored layout (little-endian half floats). */
export function quantiseRows(rows: Float32Array): Buffer {
  const out = Buffer.alloc(rows.length * 2);
  for (let i = 0; i < rows.length; i++) out.writeUInt16LE(toHalf(rows[i]!), i * 2);
  return out;
}

/** Stored rows back as floats, into `out`. */
function dequantiseRows(stored: Buffer, out: Float32Array): void {
  for (let i = 0; i < stored.byteLength / 2; i++) out[i] = HALF_VALUES[stored.readUInt16LE(i * 2)]!;
}

/**
 * Quantised rows in a file, appended to by builds and changes and read by id as float32 rows. Bytes past the last
 * committed row (an append that a crash interrupted before its records were committed) are never read, and are
 * overwritten by the next append.
 */
export class VectorFile {
  private readonly fd: number;
  private whole: Float32Array | undefined;
  private readonly scratch: Buffer;

  private constructor(
    private readonly path: string,
    readonly dimensions: number,
    private rows: number,
    writable: boolean,
  ) {
    this.scratch = Buffer.alloc(rowBytesOf(dimensions));
    this.fd = openSync(path, writable ? 'r+' : 'r');
    const bytes = fstatSync(this.fd).size;
    if (bytes < rows * this.rowBytes) {
      closeSync(this.fd);
      throw new IndexError(`${path} is truncated (${bytes} bytes for ${rows} vectors of ${dimensions} dimensions).`, 'corrupt');
    }
    if (rows * this.rowBytes <= READ_WHOLE_UP_TO_BYTES) this.whole = this.readRows(0, rows);
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
    const out = new Float32Array(rows.length);
    dequantiseRows(quantiseRows(rows), out);
    return out;
  }

  private get rowBytes(): number {
    return rowBytesOf(this.dimensions);
  }

  get count(): number {
    return this.rows;
  }

  /** Row `id` as floats (a view when the file is held whole, else a fresh read). */
  row(id: number): Float32Array {
    if (id < 0 || id >= this.rows) throw new RangeError(`vector ${id} is outside ${this.path} (${this.rows} rows)`);
    if (this.whole) return this.whole.subarray(id * this.dimensions, (id + 1) * this.dimensions);
    const out = new Float32Array(this.dimensions);
    readSync(this.fd, this.scratch, 0, this.rowBytes, id * this.rowBytes);
    dequantiseRows(this.scratch, out);
    return out;
  }

  /**
   * Writes rows from `first` on (the next free ids) and flushes them, before the records naming them are
   * committed. The rows become readable once `commit` is called.
   */
  append(first: number, vectors: Float32Array): void {
    const bytes = quantiseRows(vectors);
    writeSync(this.fd, bytes, 0, bytes.byteLength, first * this.rowBytes);
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
        grown.set(this.readRows(this.rows, rows), this.rows * this.dimensions);
        this.whole = grown;
      }
    }
    this.rows = rows;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Rows `from` to `until` (exclusive), read in one go and dequantised. */
  private readRows(from: number, until: number): Float32Array {
    const out = new Float32Array((until - from) * this.dimensions);
    if (until <= from) return out;
    const bytes = Buffer.alloc((until - from) * this.rowBytes);
    readSync(this.fd, bytes, 0, bytes.byteLength, from * this.rowBytes);
    dequantiseRows(bytes, out);
    return out;
  }
}

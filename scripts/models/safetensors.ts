import { readFileSync } from 'node:fs';

/** One tensor of a safetensors file: its shape and its float32 values (a view of the file's bytes). */
export interface Tensor {
  shape: number[];
  data: Float32Array;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/**
 * Reads the float32 tensors of a safetensors file (8-byte little-endian header length, JSON header, raw data).
 * Tensors of other types (e.g. BERT's int64 `position_ids` buffer) are skipped: the graph computes them.
 * @throws Error naming the file when the header is malformed or a tensor lies outside the data.
 */
export function readSafetensors(path: string): Map<string, Tensor> {
  const bytes = readFileSync(path);
  if (bytes.length < 8) throw new Error(`${path}: too short to be a safetensors file`);
  const headerLength = Number(bytes.readBigUInt64LE(0));
  if (headerLength <= 0 || 8 + headerLength > bytes.length) throw new Error(`${path}: bad safetensors header length ${headerLength}`);
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Record<string, HeaderEntry | Record<string, string>>;
  const dataStart = 8 + headerLength;
  const tensors = new Map<string, Tensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const {
      dtype,
      shape,
      data_offsets: [begin, end],
    } = entry as HeaderEntry;
    if (dtype !== 'F32') continue;
    const count = shape.reduce((product, dim) => product * dim, 1);
    if (end - begin !== count * 4 || dataStart + end > bytes.length)
      throw new Error(`${path}: tensor ${name} does not fit its shape [${shape}]`);
    // Copied into an aligned buffer: Float32Array views need a 4-byte-aligned offset, which the header does not promise.
    const data = new Float32Array(count);
    new Uint8Array(data.buffer).set(bytes.subarray(dataStart + begin, dataStart + end));
    tensors.set(name, { shape, data });
  }
  return tensors;
}

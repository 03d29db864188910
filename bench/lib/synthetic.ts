import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitSentences } from '../../src/corpus/sentences.ts';
import { loadIndex, readManifest } from '../../src/index/artifact.ts';
import type { LocalEmbeddings } from '../../src/index/embeddings/types.ts';
import { currentIndexDir } from '../../src/index/location.ts';

/** Real sentences with the vectors the encoder gave them. */
export interface Pool {
  texts: string[];
  /** Unit vectors, row-major. */
  vectors: Float32Array;
  dimensions: number;
}

/** Stands in for the encoder where a build only needs its id and width; the vectors come from the pool. */
export function poolEmbeddings(modelId: string, dimensions: number): LocalEmbeddings {
  const refuse = () => Promise.reject(new Error('the synthetic build embeds through the pool, not the model'));
  return { modelId, dimensions, embedQuery: refuse, embedDocuments: refuse };
}

/** The encoder a built index was made with (its manifest's model), so the pool stands in for that one. */
export async function poolModel(dataDir: string): Promise<{ id: string; dimensions: number }> {
  const dir = await currentIndexDir(dataDir);
  if (!dir) throw new Error(`No index in ${dataDir} to take the sentence pool from.`);
  return (await readManifest(dir)).model;
}

/** The sentences of a built index and their vectors, as embedded for real when it was built. */
export async function loadPool(dataDir: string, modelId: string, dimensions: number): Promise<Pool> {
  const dir = await currentIndexDir(dataDir);
  if (!dir) throw new Error(`No index in ${dataDir} to take the sentence pool from.`);
  const artifact = await loadIndex(dir, poolEmbeddings(modelId, dimensions));
  const ids = artifact.sentenceIds();
  const vectors = new Float32Array(ids.length * dimensions);
  ids.forEach((id, row) => vectors.set(artifact.sentenceVector(id), row * dimensions));
  const texts = ids.map((id) => artifact.sentence(id)!.text);
  artifact.close();
  return { texts, vectors, dimensions };
}

/** A small seeded generator (mulberry32), so that every run builds the same corpus. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/;

// Measured: 700-character chunks overlapping by 150 come one per 490 characters of these articles.
const CHARS_PER_CHUNK = 490;

/**
 * Writes articles of 15–45 pool sentences, shuffled into paragraphs of 1–4, until about `chunks` chunks' worth of
 * text; the real articles are 15–52 sentences long.
 */
export async function writeSyntheticCorpus(
  dir: string,
  pool: Pool,
  chunks: number,
  seed = 1,
): Promise<{ articles: number; chars: number }> {
  await mkdir(dir, { recursive: true });
  const next = random(seed);
  const pick = () => pool.texts[Math.floor(next() * pool.texts.length)]!;
  let chars = 0;
  let articles = 0;
  const writes: Promise<void>[] = [];
  while (chars / CHARS_PER_CHUNK < chunks) {
    const paragraphs: string[] = [];
    for (let left = 15 + Math.floor(next() * 31); left > 0;) {
      const sentences = Array.from({ length: Math.min(left, 1 + Math.floor(next() * 4)) }, pick);
      left -= sentences.length;
      // A pool "sentence" without a full stop (a headline, a caption) stands alone, or it would merge with the next.
      const open = sentences.filter((sentence) => !ENDS_SENTENCE.test(sentence));
      paragraphs.push(...open, sentences.filter((sentence) => ENDS_SENTENCE.test(sentence)).join(' '));
    }
    const body = paragraphs.filter(Boolean).join('\n\n');
    chars += body.length;
    const name = `synthetic-${String(articles).padStart(6, '0')}.txt`;
    writes.push(writeFile(join(dir, name), `${body}\n`));
    articles++;
    if (writes.length >= 256) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return { articles, chars };
}

/**
 * An index-time embedding runner that gives each text the normalized sum of the pool vectors of the sentences it
 * is made of (a pool sentence itself gets its own vector). Texts it cannot decompose fall back to one pool vector
 * and are counted.
 */
export function poolEmbedder(pool: Pool): {
  embed: (texts: string[], onBatch: (done: number) => void) => Promise<Float32Array>;
  misses: () => number;
} {
  const row = new Map(pool.texts.map((text, i) => [text, i]));
  const { dimensions: dims, vectors } = pool;
  let misses = 0;
  const sum = new Float64Array(dims);
  const vectorInto = (text: string, out: Float32Array, at: number): void => {
    const whole = row.get(text);
    const rows =
      whole !== undefined
        ? [whole]
        : text
            .split('\n')
            .flatMap((line) => splitSentences(line).map((r) => row.get(line.slice(r.start, r.end))))
            .filter((r): r is number => r !== undefined);
    if (rows.length === 0) {
      misses++;
      rows.push(hash(text) % pool.texts.length);
    }
    sum.fill(0);
    for (const r of rows) for (let d = 0; d < dims; d++) sum[d]! += vectors[r * dims + d]!;
    const norm = Math.sqrt(sum.reduce((acc, value) => acc + value * value, 0)) || 1;
    for (let d = 0; d < dims; d++) out[at + d] = sum[d]! / norm;
  };
  // Float32 rows, as the worker embedder returns them: arrays of numbers would take 8 bytes a dimension and more.
  // The real embedder runs in encoder threads and never holds the main thread; this stand-in runs on it, so it
  // gives the event loop a turn every 10 ms, or the build's stall figure would measure the stand-in (2,000 texts
  // at a time held it 0.4 s on the loaded machine).
  const embed = async (texts: string[], onBatch: (done: number) => void) => {
    const out = new Float32Array(texts.length * dims);
    let lastYield = performance.now();
    for (let i = 0; i < texts.length; i++) {
      vectorInto(texts[i]!, out, i * dims);
      if (performance.now() - lastYield > 10) {
        onBatch(i + 1);
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
    onBatch(texts.length);
    return out;
  };
  return { embed, misses: () => misses };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

import { dot } from '../../src/math/vectors.ts';
import type { LocalEmbeddings } from '../../src/index/embeddings/types.ts';

/** The sentences and cosine similarities sentence-transformers' README prints for all-MiniLM-L6-v2 (to 4 decimals). */
export const REFERENCE_SENTENCES = ['The weather is lovely today.', "It's so sunny outside!", 'He drove to the stadium.'] as const;
export const REFERENCE_SIMILARITIES: ReadonlyArray<readonly [number, number, number]> = [
  [0, 1, 0.666],
  [0, 2, 0.1046],
  [1, 2, 0.1411],
];
/**
 * How far a check may be off. Full precision: rounding to 4 decimals plus float32 differences between runtimes stay
 * far below 0.002, a wrong graph is off by 0.1+. Quantized: int8 weights and activations move cosines by up to about
 * 0.005 (measured 0.0034), and a sentence's vector by a little with the batch it is in, since activations are
 * quantized with one scale per batch.
 */
export const TOLERANCES = { full: { reference: 0.002, batch: 1e-4 }, quantized: { reference: 0.01, batch: 0.05 } } as const;
const EXPECTED_DIMENSIONS = 384;

// Each anchor must be closer to its paraphrase than to an unrelated sentence.
const ORDERED_TRIPLES: ReadonlyArray<readonly [string, string, string]> = [
  [
    'Where was the suspect arrested?',
    'Police detained the man at a hotel in the capital.',
    'The recipe needs two eggs and a cup of flour.',
  ],
  ['How long is the prison sentence?', 'The judge sentenced him to 25 years behind bars.', 'The river flooded the valley last spring.'],
  ['A cat sat on the mat.', 'A kitten was sitting on the rug.', 'Stock markets fell sharply on Monday.'],
];

/** One check of the verification and what it measured. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * Checks a loaded all-MiniLM-L6-v2 against known behaviour: 384 dimensions, unit vectors, the reference
 * similarities within ±0.002, paraphrases ranked above unrelated sentences, and one sentence embedded
 * alone equal to the same sentence embedded in a padded batch (the attention mask works).
 */
export async function verifyMiniLm(
  embeddings: LocalEmbeddings,
  tolerance: { reference: number; batch: number } = TOLERANCES.full,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const vectors = await embeddings.embedDocuments([...REFERENCE_SENTENCES]);
  results.push({
    name: 'dimensions',
    ok: embeddings.dimensions === EXPECTED_DIMENSIONS && vectors.every((v) => v.length === EXPECTED_DIMENSIONS),
    detail: `${embeddings.dimensions} (expected ${EXPECTED_DIMENSIONS})`,
  });
  const norms = vectors.map((v) => Math.sqrt(dot(v, v)));
  results.push({ name: 'unit norm', ok: norms.every((n) => Math.abs(n - 1) < 1e-4), detail: norms.map((n) => n.toFixed(6)).join(', ') });
  for (const [a, b, expected] of REFERENCE_SIMILARITIES) {
    const got = dot(vectors[a]!, vectors[b]!);
    results.push({
      name: `reference cosine "${REFERENCE_SENTENCES[a]}" / "${REFERENCE_SENTENCES[b]}"`,
      ok: Math.abs(got - expected) <= tolerance.reference,
      detail: `${got.toFixed(4)} (sentence-transformers: ${expected.toFixed(4)})`,
    });
  }
  for (const [anchor, close, far] of ORDERED_TRIPLES) {
    const [va, vc, vf] = await embeddings.embedDocuments([anchor, close, far]);
    const near = dot(va!, vc!);
    const away = dot(va!, vf!);
    results.push({ name: `ordering "${anchor}"`, ok: near > away, detail: `paraphrase ${near.toFixed(4)} > unrelated ${away.toFixed(4)}` });
  }
  const alone = await embeddings.embedQuery(REFERENCE_SENTENCES[2]);
  const drift = Math.max(...alone.map((value, i) => Math.abs(value - vectors[2]![i]!)));
  results.push({
    name: 'batch padding',
    ok: drift < tolerance.batch,
    detail: `max difference alone vs in a batch ${drift.toExponential(2)}`,
  });
  return results;
}

/** Exact top-k by inner product over unit row vectors: the brute-force baseline of the HNSW index. */
export function bruteForceTopK(rows: Float32Array, dims: number, query: Float32Array, k: number): { ids: number[]; scores: number[] } {
  const ids: number[] = [];
  const scores: number[] = [];
  const count = rows.length / dims;
  for (let row = 0; row < count; row++) {
    let score = 0;
    const base = row * dims;
    for (let d = 0; d < dims; d++) score += rows[base + d]! * query[d]!;
    if (ids.length < k || score > scores[ids.length - 1]!) {
      let at = Math.min(ids.length, k - 1);
      while (at > 0 && scores[at - 1]! < score) at--;
      ids.splice(at, 0, row);
      scores.splice(at, 0, score);
      if (ids.length > k) {
        ids.pop();
        scores.pop();
      }
    }
  }
  return { ids, scores };
}

/** Scales a vector to unit length. */
export function unit(vector: ArrayLike<number>): Float32Array {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(vector, (value) => value / norm);
}

/**
 * Share of the exact top-k an approximate search found. `byScore` also counts a result whose similarity ties the
 * k-th exact one (synthetic chunks made of the same sentences can tie).
 */
export function recall(
  found: number[],
  foundScores: number[],
  exact: { ids: number[]; scores: number[] },
): { byId: number; byScore: number } {
  const k = exact.ids.length;
  const exactIds = new Set(exact.ids);
  const kth = exact.scores[k - 1]!;
  return {
    byId: found.filter((id) => exactIds.has(id)).length / k,
    byScore: Math.min(k, foundScores.filter((score) => score >= kth - 1e-5).length) / k,
  };
}

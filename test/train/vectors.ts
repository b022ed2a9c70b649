/** Deterministic test vectors: a seeded generator, Gaussian rows, and embedding-like rows (low rank + noise). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** `n` rows of `d` Gaussian floats, row-major; unit length when `normalize`. */
export function randomRows(n: number, d: number, seed: number, normalize = true): Float32Array {
  const g = gaussian(seeded(seed));
  const out = new Float32Array(n * d);
  for (let i = 0; i < out.length; i++) out[i] = g();
  if (normalize) normalizeRows(out, d);
  return out;
}

/**
 * Rows near a `rank`-dimensional subspace (chosen by `seed`), plus noise, normalized: how sentence
 * embeddings look. Rows from another `rowSeed` are other points of the same space (queries).
 */
export function embeddingLikeRows(
  n: number,
  d: number,
  rank: number,
  seed: number,
  noise = 0.1,
  rowSeed = seed + 1,
): Float32Array {
  const b = gaussian(seeded(seed));
  const basis = Float32Array.from({ length: rank * d }, () => b());
  const g = gaussian(seeded(rowSeed));
  const out = new Float32Array(n * d);
  const coefficients = new Float32Array(rank);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < rank; r++) coefficients[r] = g();
    for (let j = 0; j < d; j++) {
      let v = 0;
      for (let r = 0; r < rank; r++) v += coefficients[r]! * basis[r * d + j]!;
      out[i * d + j] = v / Math.sqrt(rank) + noise * g();
    }
  }
  normalizeRows(out, d);
  return out;
}

export function normalizeRows(rows: Float32Array, d: number): void {
  for (let at = 0; at < rows.length; at += d) {
    let s = 0;
    for (let j = 0; j < d; j++) s += rows[at + j]! ** 2;
    const scale = 1 / Math.sqrt(s);
    for (let j = 0; j < d; j++) rows[at + j]! *= scale;
  }
}

export function row(rows: Float32Array, d: number, i: number): Float32Array {
  return rows.subarray(i * d, (i + 1) * d);
}

/** Exact top-k ids by inner product, computed in doubles: the oracle. */
export function bruteForce(
  rows: Float32Array,
  d: number,
  query: Float32Array,
  k: number,
): { id: number; score: number }[] {
  const n = rows.length / d;
  const scored: { id: number; score: number }[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += rows[i * d + j]! * query[j]!;
    scored.push({ id: i, score: s });
  }
  return scored.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

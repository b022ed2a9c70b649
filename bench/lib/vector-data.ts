// The vector sets of bench/vector-index.ts, generated deterministically and written once to raw
// little-endian float32 files (n × d, row-major) that both our child and the FAISS peer (numpy.fromfile)
// read. Two kinds: `random` (Gaussian, normalized: no structure, the hard case for graph indexes) and
// `embedding` (points near a low-rank subspace plus noise, normalized: how sentence embeddings look).
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Dataset = 'random' | 'embedding';

export interface DataSpec {
  n: number;
  d: number;
  queries: number;
  /** Rank of the embedding-like subspace. */
  rank: number;
  /** Standard deviation of the noise added to each coordinate of an embedding-like row (signal: 1). */
  noise: number;
  seed: number;
}

export interface DataFiles {
  base: string;
  queries: string;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(seed: number): () => number {
  const random = seeded(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function normalizeRows(rows: Float32Array, d: number): void {
  for (let at = 0; at < rows.length; at += d) {
    let s = 0;
    for (let j = 0; j < d; j++) s += rows[at + j]! ** 2;
    const scale = 1 / Math.sqrt(s);
    for (let j = 0; j < d; j++) rows[at + j]! *= scale;
  }
}

function randomRows(n: number, d: number, seed: number): Float32Array {
  const g = gaussian(seed);
  const out = new Float32Array(n * d);
  for (let i = 0; i < out.length; i++) out[i] = g();
  normalizeRows(out, d);
  return out;
}

function embeddingRows(n: number, spec: DataSpec, rowSeed: number): Float32Array {
  const { d, rank, noise } = spec;
  const b = gaussian(spec.seed);
  const basis = Float32Array.from({ length: rank * d }, () => b() / Math.sqrt(rank));
  const g = gaussian(rowSeed);
  const out = new Float32Array(n * d);
  const c = new Float32Array(rank);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < rank; r++) c[r] = g();
    const at = i * d;
    for (let j = 0; j < d; j++) out[at + j] = noise * g();
    for (let r = 0; r < rank; r++) {
      const cr = c[r]!;
      const br = r * d;
      for (let j = 0; j < d; j++) out[at + j]! += cr * basis[br + j]!;
    }
  }
  normalizeRows(out, d);
  return out;
}

/** The files of a data set, generated on first use and kept in the temporary folder for later runs. */
export function dataFiles(dataset: Dataset, spec: DataSpec): DataFiles {
  const dir = join(tmpdir(), 'gleaner-bench-vectors');
  mkdirSync(dir, { recursive: true });
  const tag =
    dataset === 'random'
      ? `random-${spec.n}x${spec.d}-s${spec.seed}`
      : `embedding-${spec.n}x${spec.d}-r${spec.rank}-n${spec.noise}-s${spec.seed}`;
  const files = { base: join(dir, `${tag}.base.f32`), queries: join(dir, `${tag}.q${spec.queries}.f32`) };
  const write = (path: string, rows: () => Float32Array) => {
    if (existsSync(path)) return;
    const data = rows();
    writeFileSync(`${path}.tmp`, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    renameSync(`${path}.tmp`, path);
  };
  write(files.base, () =>
    dataset === 'random' ? randomRows(spec.n, spec.d, spec.seed) : embeddingRows(spec.n, spec, spec.seed + 1),
  );
  write(files.queries, () =>
    dataset === 'random'
      ? randomRows(spec.queries, spec.d, spec.seed + 100)
      : embeddingRows(spec.queries, spec, spec.seed + 101),
  );
  return files;
}

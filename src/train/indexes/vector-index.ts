import { InvalidInputError } from '../../core/index.js';

/** One search result: the index id, its score (higher is closer) and its canonical key when one was given. */
export interface Hit {
  id: number;
  /** Inner product; with the `cosine` metric, the cosine similarity (-1 … 1). */
  score: number;
  key?: string;
}

export type IndexKind = 'flat' | 'hnsw';

/**
 * - `cosine`: vectors and queries are scaled to unit length when they arrive; scores are cosine similarities.
 * - `ip`: the raw inner product (the caller's vectors are already normalized, or magnitude matters).
 */
export type Metric = 'cosine' | 'ip';

/** Queries for a batch search: one n×d row-major array, or one array per query. */
export type QueryBatch = Float32Array | readonly Float32Array[];

/** Vectors to add: one array per id, or one n×d row-major array. */
export type VectorBatch = readonly Float32Array[] | Float32Array;

/**
 * A vector index: ids (non-negative integers) with vectors, searched by inner product. Every kind has
 * the same contract (test/train/vector-index.contract.test.ts) and saves to a folder whose `meta.json`
 * names its kind, so that {@link loadVectorIndex} reads any of them back.
 */
export interface VectorIndex {
  readonly kind: IndexKind;
  readonly metric: Metric;
  readonly dimensions: number;
  /** Vectors held. */
  readonly size: number;
  /**
   * Add vectors under ids that are not in the index yet; `keys[i]`, when given, is the canonical key of
   * `ids[i]` (several ids may share a key: one concept, many labels). All or nothing: a bad id or vector
   * throws InvalidInputError naming it, and nothing is added.
   */
  add(ids: readonly number[], vectors: VectorBatch, keys?: readonly string[]): void;
  /** The k best hits, best first. Fewer when the index holds fewer than k vectors. */
  search(query: Float32Array, k: number): Hit[];
  /** {@link VectorIndex.search} for many queries at once; faster per query than one at a time. */
  searchBatch(queries: QueryBatch, k: number): Hit[][];
  /** The canonical key of an id, when one was given. */
  keyOf(id: number): string | undefined;
  /** Write the index into `dir` (created when missing): `meta.json` and the kind's own files. */
  save(dir: string): Promise<void>;
}

/** Split a batch into rows of `dimensions` floats, naming the bad one. */
export function rowsOf(
  batch: VectorBatch,
  dimensions: number,
  field: string,
  count?: number,
): Float32Array[] {
  if (!(batch instanceof Float32Array)) {
    batch.forEach((v, i) => {
      if (!(v instanceof Float32Array))
        throw new InvalidInputError(`${field}.${i}`, `${field}[${i}] must be a Float32Array`);
      if (v.length !== dimensions)
        throw new InvalidInputError(
          `${field}.${i}`,
          `${field}[${i}] has ${v.length} dimensions; this index has ${dimensions}. Embed with the same model the index was built with.`,
        );
    });
    return [...batch];
  }
  if (batch.length % dimensions !== 0 || (count !== undefined && batch.length !== count * dimensions))
    throw new InvalidInputError(
      field,
      `${field} holds ${batch.length} floats, which is not ${count === undefined ? 'a multiple of' : `${count} ×`} ${dimensions} dimensions`,
    );
  const rows: Float32Array[] = [];
  for (let at = 0; at < batch.length; at += dimensions) rows.push(batch.subarray(at, at + dimensions));
  return rows;
}

/** A single query, checked for its dimension; its finiteness is checked by {@link checkVector}. */
export function checkQuery(query: Float32Array, dimensions: number): Float32Array {
  if (!(query instanceof Float32Array))
    throw new InvalidInputError('query', 'the query must be a Float32Array');
  if (query.length !== dimensions)
    throw new InvalidInputError(
      'query',
      `the query has ${query.length} dimensions; this index has ${dimensions}. Embed with the same model the index was built with.`,
    );
  return query;
}

/** Throw when a vector holds NaN or ±Infinity, or, for cosine, is all zeros; returns its squared length. */
export function checkVector(vector: Float32Array, metric: Metric, what: string, field: string): number {
  let squared = 0;
  for (let j = 0; j < vector.length; j++) {
    const v = vector[j]!;
    if (!Number.isFinite(v))
      throw new InvalidInputError(
        field,
        `${what} has ${v} at position ${j}; vectors must hold finite numbers`,
      );
    squared += v * v;
  }
  if (metric === 'cosine' && squared === 0)
    throw new InvalidInputError(
      field,
      `${what} is all zeros: it has no direction for cosine similarity (an empty text?). Leave it out, or use the ip metric.`,
    );
  return squared;
}

/** Check the ids and keys of an `add` call against each other and against `has` (ids already held). */
export function checkIds(
  ids: readonly number[],
  count: number,
  keys: readonly string[] | undefined,
  has: (id: number) => boolean,
): void {
  if (ids.length !== count)
    throw new InvalidInputError('ids', `${ids.length} ids for ${count} vectors: give one id per vector`);
  if (keys !== undefined && keys.length !== ids.length)
    throw new InvalidInputError('keys', `${keys.length} keys for ${ids.length} ids: give one key per id`);
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (!Number.isSafeInteger(id) || id < 0)
      throw new InvalidInputError(`ids.${i}`, `id ${id} is not a non-negative integer`);
    if (seen.has(id) || has(id))
      throw new InvalidInputError(
        `ids.${i}`,
        `id ${id} is already in the index; ids are unique (give each label its own id)`,
      );
    seen.add(id);
  });
}

export function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1)
    throw new InvalidInputError('k', `k must be a whole number ≥ 1, got ${k}`);
}

/** `vector` scaled to unit length (a copy), or the vector itself for the ip metric. */
export function prepared(vector: Float32Array, metric: Metric, squared: number): Float32Array {
  if (metric === 'ip') return vector;
  const scale = 1 / Math.sqrt(squared);
  const out = new Float32Array(vector.length);
  for (let j = 0; j < vector.length; j++) out[j] = vector[j]! * scale;
  return out;
}

export function checkDimensions(dimensions: number): void {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 65_536)
    throw new InvalidInputError(
      'dimensions',
      `dimensions must be a whole number from 1 to 65536, got ${dimensions}`,
    );
}

import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Usearch from 'usearch';
import { InvalidInputError } from '../../core/index.js';
import {
  badIndex,
  ensureDir,
  indexFile,
  keysOf,
  keysRecord,
  metaOf,
  readIndexMeta,
  writeIndexMeta,
} from './index-files.js';
import {
  checkDimensions,
  checkIds,
  checkK,
  checkQuery,
  checkVector,
  prepared,
  rowsOf,
  type Hit,
  type Metric,
  type QueryBatch,
  type VectorBatch,
  type VectorIndex,
} from './vector-index.js';

export interface HnswParams {
  /** Links per node (HNSW's M): more is better recall, more memory and slower builds. @default 16 */
  connectivity: number;
  /** Candidates kept while inserting (efConstruction). @default 128 */
  expansionAdd: number;
  /** Candidates kept while searching (efSearch): the recall/speed dial. @default 64 */
  expansionSearch: number;
}

export interface HnswIndexOptions extends Partial<HnswParams> {
  dimensions: number;
  /** @default 'cosine' */
  metric?: Metric;
  /** Threads for `add` and `searchBatch`; 0 is one per core. Single searches use one. @default 0 */
  threads?: number;
}

export const HNSW_DEFAULTS: Readonly<HnswParams> = Object.freeze({
  connectivity: 16,
  expansionAdd: 128,
  expansionSearch: 64,
});

const INDEX_FILE = 'index.usearch';

let usearch: typeof Usearch | undefined;

/**
 * usearch's CommonJS build, loaded on first use. Its ESM build finds its native binary from a stack
 * trace and recurses until the stack overflows when that trace has no file (`node -e`, some bundlers);
 * the CommonJS build uses `__dirname`. Loading late also spares commands that never search a graph.
 */
function loadUsearch(): typeof Usearch {
  usearch ??= createRequire(import.meta.url)('usearch') as typeof Usearch;
  return usearch;
}

/**
 * Approximate search over a hierarchical navigable small-world graph (usearch, native code in the npm
 * package). Use it past some hundred thousand vectors, where exact search gets slow; check its recall
 * against a {@link FlatIndex} on your own data (bench/vector-index.ts does). Vectors are scaled to unit
 * length here for `cosine`, so the graph always compares by inner product.
 */
export class HnswIndex implements VectorIndex {
  readonly kind = 'hnsw' as const;
  readonly metric: Metric;
  readonly dimensions: number;
  readonly params: Readonly<HnswParams>;
  readonly #threads: number;
  readonly #index: Usearch.Index;
  readonly #keys = new Map<number, string>();

  constructor(options: HnswIndexOptions) {
    checkDimensions(options.dimensions);
    const params = { ...HNSW_DEFAULTS, ...definedOnly(options) };
    for (const [name, value] of Object.entries(params))
      if (!Number.isInteger(value) || value < 1 || value > 4096)
        throw new InvalidInputError(name, `${name} must be a whole number from 1 to 4096, got ${value}`);
    const threads = options.threads ?? 0;
    if (!Number.isInteger(threads) || threads < 0)
      throw new InvalidInputError(
        'threads',
        `threads must be a whole number ≥ 0 (0: one per core), got ${threads}`,
      );
    this.dimensions = options.dimensions;
    this.metric = options.metric ?? 'cosine';
    this.params = Object.freeze(params);
    this.#threads = threads;
    const { Index, MetricKind, ScalarKind } = loadUsearch();
    this.#index = new Index({
      dimensions: options.dimensions,
      metric: MetricKind.IP,
      quantization: ScalarKind.F32,
      connectivity: params.connectivity,
      expansion_add: params.expansionAdd,
      expansion_search: params.expansionSearch,
      multi: false,
    });
  }

  get size(): number {
    return this.#index.size();
  }

  add(ids: readonly number[], vectors: VectorBatch, keys?: readonly string[]): void {
    const rows = rowsOf(vectors, this.dimensions, 'vectors', ids.length);
    const present = this.#present(ids);
    checkIds(ids, rows.length, keys, (id) => present.has(id));
    const flat = new Float32Array(rows.length * this.dimensions);
    rows.forEach((vector, i) => {
      const squared = checkVector(vector, this.metric, `the vector of id ${ids[i]}`, `vectors.${i}`);
      flat.set(prepared(vector, this.metric, squared), i * this.dimensions);
    });
    if (rows.length === 0) return;
    this.#index.add(
      BigUint64Array.from(ids, (id) => BigInt(id)),
      flat,
      this.#threads,
    );
    if (keys !== undefined) ids.forEach((id, i) => this.#keys.set(id, keys[i]!));
  }

  search(query: Float32Array, k: number): Hit[] {
    checkK(k);
    const q = checkQuery(query, this.dimensions);
    const squared = checkVector(q, this.metric, 'the query', 'query');
    if (this.size === 0) return [];
    return this.#hits(this.#index.search(prepared(q, this.metric, squared), k, 1));
  }

  searchBatch(queries: QueryBatch, k: number): Hit[][] {
    checkK(k);
    const rows = rowsOf(queries, this.dimensions, 'queries');
    if (rows.length === 0) return [];
    const flat = new Float32Array(rows.length * this.dimensions);
    rows.forEach((q, i) => {
      const squared = checkVector(q, this.metric, `query ${i}`, `queries.${i}`);
      flat.set(prepared(q, this.metric, squared), i * this.dimensions);
    });
    if (this.size === 0) return rows.map(() => []);
    // usearch answers one query with Matches, several with BatchMatches.
    const result = this.#index.search(flat, k, this.#threads) as Usearch.Matches | Usearch.BatchMatches;
    if (!('counts' in result)) return [this.#hits(result)];
    return rows.map((_, i) => this.#hits(result.get(i)));
  }

  keyOf(id: number): string | undefined {
    return this.#keys.get(id);
  }

  /** Writes `index.usearch` (usearch's own format: graph and vectors) and `meta.json`. Blocks while writing. */
  async save(dir: string): Promise<void> {
    await ensureDir(dir);
    this.#index.save(join(dir, INDEX_FILE));
    await writeIndexMeta(
      dir,
      metaOf({
        kind: 'hnsw',
        metric: this.metric,
        dimensions: this.dimensions,
        size: this.size,
        params: { ...this.params },
        files: { index: INDEX_FILE },
        keys: keysRecord(this.#keys),
      }),
    );
  }

  /**
   * Read an index saved by {@link HnswIndex.save}. `expansionSearch` may be changed at load (the graph
   * does not depend on it); `threads` is this process's choice.
   */
  static async load(
    dir: string,
    options: { expansionSearch?: number; threads?: number } = {},
  ): Promise<HnswIndex> {
    const meta = await readIndexMeta(dir, 'hnsw');
    const param = (name: keyof HnswParams): number => {
      const value = meta.params[name];
      if (typeof value !== 'number') throw badIndex(dir, `meta.json params.${name} is missing`);
      return value;
    };
    const index = new HnswIndex({
      dimensions: meta.dimensions,
      metric: meta.metric,
      connectivity: param('connectivity'),
      expansionAdd: param('expansionAdd'),
      expansionSearch: options.expansionSearch ?? param('expansionSearch'),
      ...(options.threads === undefined ? {} : { threads: options.threads }),
    });
    const file = await indexFile(dir, meta, 'index');
    try {
      index.#index.load(file);
    } catch (error) {
      throw badIndex(dir, `usearch cannot read ${INDEX_FILE} (${(error as Error).message})`, error);
    }
    if (index.size !== meta.size)
      throw badIndex(dir, `${INDEX_FILE} holds ${index.size} vectors where meta.json says ${meta.size}`);
    for (const [id, key] of keysOf(meta, dir)) index.#keys.set(id, key);
    return index;
  }

  #present(ids: readonly number[]): Set<number> {
    const present = new Set<number>();
    if (this.size === 0 || ids.length === 0 || !ids.every((id) => Number.isSafeInteger(id) && id >= 0))
      return present;
    const found = this.#index.contains(BigUint64Array.from(ids, (id) => BigInt(id)));
    (Array.isArray(found) ? found : [found]).forEach((isIn, i) => {
      if (isIn) present.add(ids[i]!);
    });
    return present;
  }

  #hits(matches: Usearch.Matches): Hit[] {
    const hits: Hit[] = [];
    for (let i = 0; i < matches.keys.length; i++) {
      const id = Number(matches.keys[i]!);
      // usearch's inner-product distance is 1 - <a, b>.
      const score = 1 - matches.distances[i]!;
      const key = this.#keys.get(id);
      hits.push(key === undefined ? { id, score } : { id, score, key });
    }
    return hits;
  }
}

function definedOnly(options: Partial<HnswParams>): Partial<HnswParams> {
  const out: Partial<HnswParams> = {};
  if (options.connectivity !== undefined) out.connectivity = options.connectivity;
  if (options.expansionAdd !== undefined) out.expansionAdd = options.expansionAdd;
  if (options.expansionSearch !== undefined) out.expansionSearch = options.expansionSearch;
  return out;
}

import { open, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '../../core/index.js';
import {
  createDotKernel,
  paddedStride,
  type DotKernel,
  type KernelChoice,
  type KernelName,
} from './dot-kernel.js';
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
import { scanRows, tileRowsFor } from './flat-scan.js';
import { FlatWorkers, type WorkerJob } from './flat-workers.js';
import { TopK } from './top-k.js';
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

export interface FlatIndexOptions {
  dimensions: number;
  /** @default 'cosine' */
  metric?: Metric;
  /**
   * The loop that takes the dot products: WebAssembly SIMD, or plain JavaScript. `auto` picks SIMD when
   * the runtime has it. @default 'auto'
   */
  kernel?: KernelChoice;
  /**
   * Threads for large batches (the calling thread and worker threads, each scanning a share of the rows;
   * SIMD loop only). 1 never starts a worker. @default one per core, at most 4
   */
  threads?: number;
}

/** A batch is split over threads only past this many query × row pairs: below, starting costs more. */
const PARALLEL_MIN_PAIRS = 4_000_000;
/** Single-query scores are taken and ranked in chunks that stay in L1. */
const SCORE_CHUNK = 8192;

const VECTORS_FILE = 'vectors.f32';
const IDS_FILE = 'ids.f64';
const WRITE_ROWS = 4096;

/**
 * Exact search: every vector is compared with the query. The reference the approximate indexes are
 * measured against, and the right index up to some hundred thousand vectors (50-200 single queries a
 * second at 100,000 × 384 on one core; see BENCHMARKS.md). Vectors live in one contiguous memory, row by
 * row, padded to 16 floats; the dot products run in WebAssembly SIMD.
 */
export class FlatIndex implements VectorIndex {
  readonly kind = 'flat' as const;
  readonly metric: Metric;
  readonly dimensions: number;
  readonly #stride: number;
  readonly #kernel: DotKernel;
  readonly #threads: number;
  #count = 0;
  #ids = new Float64Array(0);
  readonly #rowOf = new Map<number, number>();
  readonly #keys = new Map<number, string>();

  constructor(options: FlatIndexOptions) {
    checkDimensions(options.dimensions);
    this.dimensions = options.dimensions;
    this.metric = options.metric ?? 'cosine';
    this.#stride = paddedStride(options.dimensions);
    this.#kernel = createDotKernel(options.kernel ?? 'auto');
    const threads = options.threads ?? Math.min(4, availableParallelism());
    if (!Number.isInteger(threads) || threads < 1 || threads > 16)
      throw new InvalidInputError('threads', `threads must be a whole number from 1 to 16, got ${threads}`);
    this.#threads = threads;
  }

  get size(): number {
    return this.#count;
  }

  /** Which loop computes the dot products. */
  get kernel(): KernelName {
    return this.#kernel.name;
  }

  add(ids: readonly number[], vectors: VectorBatch, keys?: readonly string[]): void {
    const rows = rowsOf(vectors, this.dimensions, 'vectors', ids.length);
    checkIds(ids, rows.length, keys, (id) => this.#rowOf.has(id));
    const squares = rows.map((v, i) =>
      checkVector(v, this.metric, `the vector of id ${ids[i]}`, `vectors.${i}`),
    );
    this.#reserve(this.#count + rows.length);
    const floats = this.#kernel.floats;
    rows.forEach((vector, i) => {
      const row = this.#count + i;
      const at = row * this.#stride;
      floats.set(prepared(vector, this.metric, squares[i]!), at);
      // The space after the last row may have held scratch: padding must be zero to add nothing.
      floats.fill(0, at + this.dimensions, at + this.#stride);
      this.#ids[row] = ids[i]!;
      this.#rowOf.set(ids[i]!, row);
      if (keys !== undefined) this.#keys.set(ids[i]!, keys[i]!);
    });
    this.#count += rows.length;
  }

  search(query: Float32Array, k: number): Hit[] {
    checkK(k);
    const q = checkQuery(query, this.dimensions);
    const squared = checkVector(q, this.metric, 'the query', 'query');
    if (this.#count === 0) return [];
    const queryAt = this.#rowsEnd();
    const scoresAt = queryAt + this.#stride;
    this.#kernel.ensure(scoresAt + SCORE_CHUNK);
    const floats = this.#kernel.floats;
    floats.set(prepared(q, this.metric, squared), queryAt);
    floats.fill(0, queryAt + this.dimensions, scoresAt);
    const top = new TopK(Math.min(k, this.#count));
    for (let start = 0; start < this.#count; start += SCORE_CHUNK) {
      const rows = Math.min(SCORE_CHUNK, this.#count - start);
      this.#kernel.dotsOne(start * this.#stride, rows, this.#stride, queryAt, scoresAt);
      top.offerAll(floats, scoresAt, rows, start);
    }
    return this.#hits(top);
  }

  searchBatch(queries: QueryBatch, k: number): Hit[][] {
    checkK(k);
    const rows = rowsOf(queries, this.dimensions, 'queries');
    const ready = rows.map((q, i) =>
      prepared(q, this.metric, checkVector(q, this.metric, `query ${i}`, `queries.${i}`)),
    );
    if (this.#count === 0) return rows.map(() => []);
    const stride = this.#stride;
    const kept = Math.min(k, this.#count);
    const tileRows = tileRowsFor(stride);
    const threads = this.#threadsFor(rows.length);
    // Scratch after the rows: the queries (zero-padded to groups of four), one score tile per thread,
    // then the workers' results.
    const queriesAt = this.#rowsEnd();
    const scoresAt = queriesAt + Math.ceil(rows.length / 4) * 4 * stride;
    const resultsAt = scoresAt + threads * 4 * tileRows;
    this.#kernel.ensure(resultsAt + (threads - 1) * rows.length * kept * 2);
    const floats = this.#kernel.floats;
    floats.fill(0, queriesAt, scoresAt);
    ready.forEach((q, i) => floats.set(q, queriesAt + i * stride));
    const tops = rows.map(() => new TopK(kept));
    const job = { stride, queriesAt, queries: rows.length, tileRows };
    // Even shares, so that the pair-reading loop's extra row is the next share's first.
    const share = Math.ceil(this.#count / threads / 2) * 2;
    const jobs: WorkerJob[] = [];
    for (let t = 1; t < threads && t * share < this.#count; t++)
      jobs.push({
        ...job,
        rowStart: t * share,
        rowEnd: Math.min(this.#count, (t + 1) * share),
        scoresAt: scoresAt + t * 4 * tileRows,
        resultsAt: resultsAt + (t - 1) * rows.length * kept * 2,
        k: kept,
      });
    const wait = jobs.length > 0 ? FlatWorkers.shared(jobs.length).start(this.#kernel.shared!, jobs) : null;
    scanRows(this.#kernel, { ...job, rowStart: 0, rowEnd: Math.min(share, this.#count), scoresAt }, tops);
    if (wait) {
      wait();
      this.#mergeWorkerResults(jobs, tops);
    }
    return tops.map((top) => this.#hits(top));
  }

  /** Fold each worker's k best per query into the query's top k, rows in increasing order (ties as one thread). */
  #mergeWorkerResults(jobs: readonly WorkerJob[], tops: readonly TopK[]): void {
    const floats = this.#kernel.floats;
    const ints = new Int32Array(floats.buffer, floats.byteOffset, floats.length);
    tops.forEach((top, q) => {
      const candidates: { score: number; row: number }[] = [];
      for (const job of jobs)
        for (let i = 0; i < job.k; i++) {
          const at = job.resultsAt + 2 * (q * job.k + i);
          const row = ints[at + 1]!;
          if (row >= 0) candidates.push({ score: floats[at]!, row });
        }
      candidates.sort((a, b) => a.row - b.row);
      for (const { score, row } of candidates) top.offer(score, row);
    });
  }

  #threadsFor(queries: number): number {
    if (this.#threads === 1 || this.#kernel.shared === null) return 1;
    if (queries * this.#count < PARALLEL_MIN_PAIRS || queries < 8) return 1;
    return Math.min(this.#threads, Math.max(1, Math.floor(this.#count / 1024)));
  }

  keyOf(id: number): string | undefined {
    return this.#keys.get(id);
  }

  /** Writes `vectors.f32` (n × d little-endian floats, as stored: unit length for cosine), `ids.f64`, `meta.json`. */
  async save(dir: string): Promise<void> {
    await ensureDir(dir);
    const file = await open(join(dir, VECTORS_FILE), 'w');
    try {
      for (let start = 0; start < this.#count; start += WRITE_ROWS) {
        const rows = Math.min(WRITE_ROWS, this.#count - start);
        const chunk = new Float32Array(rows * this.dimensions);
        const floats = this.#kernel.floats;
        for (let i = 0; i < rows; i++) {
          const at = (start + i) * this.#stride;
          chunk.set(floats.subarray(at, at + this.dimensions), i * this.dimensions);
        }
        await file.write(new Uint8Array(chunk.buffer));
      }
    } finally {
      await file.close();
    }
    const ids = this.#ids.slice(0, this.#count);
    await writeFile(join(dir, IDS_FILE), new Uint8Array(ids.buffer));
    await writeIndexMeta(
      dir,
      metaOf({
        kind: 'flat',
        metric: this.metric,
        dimensions: this.dimensions,
        size: this.#count,
        params: {},
        files: { vectors: VECTORS_FILE, ids: IDS_FILE },
        keys: keysRecord(this.#keys),
      }),
    );
  }

  /** Read a flat index saved by {@link FlatIndex.save}. */
  static async load(dir: string, options: { kernel?: KernelChoice } = {}): Promise<FlatIndex> {
    const meta = await readIndexMeta(dir, 'flat');
    const { dimensions, size } = meta;
    const vectors = await readFile(await indexFile(dir, meta, 'vectors', size * dimensions * 4));
    const idBytes = await readFile(await indexFile(dir, meta, 'ids', size * 8));
    const index = new FlatIndex({ dimensions, metric: meta.metric, ...options });
    const floats = new Float32Array(vectors.buffer, vectors.byteOffset, size * dimensions);
    const ids = new Float64Array(idBytes.buffer.slice(idBytes.byteOffset, idBytes.byteOffset + size * 8));
    index.#restore(dir, floats, ids, keysOf(meta, dir));
    return index;
  }

  #restore(dir: string, floats: Float32Array, ids: Float64Array, keys: Map<number, string>): void {
    this.#reserve(ids.length);
    const memory = this.#kernel.floats;
    for (let row = 0; row < ids.length; row++) {
      const id = ids[row]!;
      if (!Number.isSafeInteger(id) || id < 0 || this.#rowOf.has(id))
        throw badIndex(dir, `row ${row} has the id ${id}, which is not a new non-negative integer`);
      const vector = floats.subarray(row * this.dimensions, (row + 1) * this.dimensions);
      for (let j = 0; j < vector.length; j++)
        if (!Number.isFinite(vector[j]!)) throw badIndex(dir, `the vector of id ${id} holds ${vector[j]}`);
      memory.set(vector, row * this.#stride);
      this.#ids[row] = id;
      this.#rowOf.set(id, row);
    }
    this.#count = ids.length;
    for (const [id, key] of keys) this.#keys.set(id, key);
  }

  /** Room for `rows` rows, and one more when odd: the four-query loop reads rows in pairs. */
  #reserve(rows: number): void {
    const capacity = rows + (rows & 1);
    this.#kernel.ensure(capacity * this.#stride);
    if (capacity > this.#ids.length) {
      const ids = new Float64Array(Math.max(capacity, Math.ceil(this.#ids.length * 1.5)));
      ids.set(this.#ids);
      this.#ids = ids;
    }
  }

  /** Where scratch space begins: after the rows, and the pad row after an odd last row. */
  #rowsEnd(): number {
    return (this.#count + (this.#count & 1)) * this.#stride;
  }

  #hits(top: TopK): Hit[] {
    return top.sorted().map(({ score, row }) => {
      const id = this.#ids[row]!;
      const key = this.#keys.get(id);
      return key === undefined ? { id, score } : { id, score, key };
    });
  }
}

import { Worker } from 'node:worker_threads';
import { FatalError } from '../../core/index.js';
import { QUERY_BLOCK, type ScanJob } from './flat-scan.js';
import type { WasmMemory } from './wasm-encoding.js';

/**
 * Worker threads for large exact batches: the rows are split into ranges, each thread scans its range
 * against every query with the same SIMD loop over the same shared memory and writes its top k per
 * query; the calling thread scans the first range itself, waits, and merges. The wait blocks the calling
 * thread (Atomics.wait), as a single-threaded scan of the same batch would: `searchBatch` stays
 * synchronous. The workers are shared by every flat index of the process and do not keep it alive.
 */
export interface WorkerJob extends ScanJob {
  /** Results: `queries × k` (score as float, row as int32) pairs from here, best first. */
  resultsAt: number;
  k: number;
}

// Plain JavaScript, run with `eval`: a worker cannot load a TypeScript module when Gleaner itself runs
// from sources (tests, tsx). The scan is scanRows of flat-scan.ts with an insertion-sorted top k (k is
// small, and a candidate rarely enters) instead of a heap; ties keep the earlier row, as there.
const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ job, slot, memory, module, control, errorText }) => {
  try {
    const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports;
    scan(kernel, new Float32Array(memory.buffer), new Int32Array(memory.buffer), job, control, slot);
  } catch (error) {
    const bytes = new TextEncoder().encode(String(error && error.stack || error)).subarray(0, errorText.length);
    errorText.set(bytes);
    Atomics.store(control, 1, 1);
  }
  Atomics.sub(control, 0, 1);
  Atomics.notify(control, 0);
});
function scan(kernel, floats, ints, job, control, slot) {
  const { rowStart, rowEnd, stride, queriesAt, queries, scoresAt, tileRows, resultsAt, k } = job;
  const kept = Math.min(k, rowEnd - rowStart);
  const scores = new Float64Array(queries * kept).fill(-Infinity);
  const rows = new Int32Array(queries * kept).fill(-1);
  let tiles = 0;
  for (let first = 0; first < queries; first += ${QUERY_BLOCK}) {
    const block = Math.min(${QUERY_BLOCK}, queries - first);
    for (let start = rowStart; start < rowEnd; start += tileRows) {
      const tile = Math.min(tileRows, rowEnd - start);
      for (let group = 0; group < block; group += 4) {
        kernel.dotsFour(start * stride * 4, tile + (tile & 1), stride * 4, (queriesAt + (first + group) * stride) * 4, scoresAt * 4, tileRows * 4);
        for (let c = 0; c < 4 && group + c < block; c++) {
          const base = (first + group + c) * kept;
          const at = scoresAt + c * tileRows;
          let threshold = scores[base + kept - 1];
          for (let i = 0; i < tile; i++) {
            const score = floats[at + i];
            if (!(score > threshold)) continue;
            let j = kept - 1;
            while (j > 0 && scores[base + j - 1] < score) {
              scores[base + j] = scores[base + j - 1];
              rows[base + j] = rows[base + j - 1];
              j--;
            }
            scores[base + j] = score;
            rows[base + j] = start + i;
            threshold = scores[base + kept - 1];
          }
        }
      }
      Atomics.store(control, 2 + slot, ++tiles);
    }
  }
  for (let x = 0; x < queries * k; x++) {
    const q = Math.floor(x / k), i = x % k;
    floats[resultsAt + 2 * x] = i < kept ? scores[q * kept + i] : -Infinity;
    ints[resultsAt + 2 * x + 1] = i < kept ? rows[q * kept + i] : -1;
  }
}
`;

/** A worker that makes no progress this long is taken for dead. */
const STALL_MS = 30_000;
const MAX_WORKERS = 15;

export class FlatWorkers {
  static #shared: FlatWorkers | undefined;
  readonly #workers: Worker[] = [];
  // [pending jobs, failed flag, progress of slot 0, slot 1, …]
  readonly #control = new Int32Array(new SharedArrayBuffer(4 * (2 + MAX_WORKERS)));
  readonly #errorText = new Uint8Array(new SharedArrayBuffer(2048));

  /** The process's workers, at least `count` of them (at most 15). */
  static shared(count: number): FlatWorkers {
    FlatWorkers.#shared ??= new FlatWorkers();
    FlatWorkers.#shared.#ensure(Math.min(count, MAX_WORKERS));
    return FlatWorkers.#shared;
  }

  #ensure(count: number): void {
    while (this.#workers.length < count) {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      // Idle workers must not keep the process alive; a dead one is replaced on next use.
      worker.unref();
      worker.on('exit', () => {
        const at = this.#workers.indexOf(worker);
        if (at >= 0) this.#workers.splice(at, 1);
      });
      worker.on('error', () => undefined);
      this.#workers.push(worker);
    }
  }

  /**
   * Hand one job to each worker and return the function that waits for all of them (blocking); call it
   * after doing the calling thread's own share.
   */
  start(shared: { memory: WasmMemory; module: object }, jobs: readonly WorkerJob[]): () => void {
    if (jobs.length > this.#workers.length) this.#ensure(jobs.length);
    const control = this.#control;
    control.fill(0);
    Atomics.store(control, 0, jobs.length);
    jobs.forEach((job, slot) =>
      this.#workers[slot]!.postMessage({ job, slot, ...shared, control, errorText: this.#errorText }),
    );
    return () => this.#wait(jobs.length);
  }

  #wait(count: number): void {
    const control = this.#control;
    let progress = -1;
    let progressAt = Date.now();
    for (;;) {
      const pending = Atomics.load(control, 0);
      if (pending === 0) break;
      Atomics.wait(control, 0, pending, 1000);
      let now = 0;
      for (let slot = 0; slot < count; slot++) now += Atomics.load(control, 2 + slot);
      if (now !== progress) {
        progress = now;
        progressAt = Date.now();
      } else if (Date.now() - progressAt > STALL_MS) {
        throw new FatalError(
          `a flat-index search thread made no progress for ${STALL_MS / 1000} s; it has died or the machine is overloaded. Search with threads: 1 to avoid worker threads.`,
          { code: 'worker-stalled' },
        );
      }
    }
    if (Atomics.load(control, 1) !== 0) {
      const text = new TextDecoder().decode(this.#errorText.slice()).replace(/\0+$/, '');
      this.#errorText.fill(0);
      throw new FatalError(`a flat-index search thread failed: ${text}`, { code: 'worker-failed' });
    }
  }
}

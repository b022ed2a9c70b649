import type { DotKernel } from './dot-kernel.js';
import type { TopK } from './top-k.js';

/**
 * The blocked exact scan of a batch over a range of rows, on this thread. Rows are read in tiles that
 * stay in the core's L2 cache (1 MiB here) while every query of a block passes over them, instead of
 * streaming all the rows from memory once per query; queries go four at a time through the SIMD loop.
 * `flat-workers.ts` runs the same loop (in its worker source) over the other threads' ranges.
 */
export const TILE_BYTES = 384 * 1024;
export const QUERY_BLOCK = 128;

export interface ScanJob {
  rowStart: number;
  rowEnd: number;
  /** Floats per row. */
  stride: number;
  /** Where query 0 is (queries are `stride` apart, zero-padded to a multiple of four). */
  queriesAt: number;
  queries: number;
  /** Scratch for the scores of four queries × one tile. */
  scoresAt: number;
  tileRows: number;
}

/** Rows per tile for a row length: a whole, even number of rows in {@link TILE_BYTES}. */
export function tileRowsFor(stride: number): number {
  return Math.max(16, Math.min(4096, Math.floor(TILE_BYTES / (stride * 4)) & ~1));
}

/** Offer the score of every row of the range against every query to that query's top-k. */
export function scanRows(kernel: DotKernel, job: ScanJob, tops: readonly TopK[]): void {
  const { rowStart, rowEnd, stride, queriesAt, queries, scoresAt, tileRows } = job;
  const floats = kernel.floats;
  for (let first = 0; first < queries; first += QUERY_BLOCK) {
    const block = Math.min(QUERY_BLOCK, queries - first);
    for (let start = rowStart; start < rowEnd; start += tileRows) {
      const tile = Math.min(tileRows, rowEnd - start);
      for (let group = 0; group < block; group += 4) {
        kernel.dotsFour(
          start * stride,
          tile,
          stride,
          queriesAt + (first + group) * stride,
          scoresAt,
          tileRows,
        );
        for (let c = 0; c < 4 && group + c < block; c++)
          tops[first + group + c]!.offerAll(floats, scoresAt + c * tileRows, tile, start);
      }
    }
  }
}

import * as tf from '@tensorflow/tfjs';
import { asArray, headsOf } from './network.js';
import { fillDense, type SparseRows } from './sparse-rows.js';

/** Rows per forward pass when predicting: 16 MB of dense input at 2^15 columns. */
export const PREDICT_BATCH_ROWS = 128;

/**
 * Class probabilities of the given heads for `rowIndices`, one `n × classes` array per head, with the
 * groups flagged in `dropped` (`dropped[i * groupCount + g]`, i indexing `rowIndices`) left out of row
 * i. Synchronous: the cpu and wasm backends run every kernel at once.
 */
export function predictProbabilities(
  network: tf.LayersModel,
  rows: SparseRows,
  rowIndices: Int32Array,
  heads: readonly number[],
  dropped: Uint8Array,
  groupCount: number,
): Float32Array[] {
  const view = heads.length === network.outputs.length ? network : headsOf(network, heads);
  const width = rows.columnCount;
  const classCounts = heads.map((h) => network.outputs[h]!.shape[1]!);
  const results = classCounts.map((k) => new Float32Array(rowIndices.length * k));
  const buffer = new Float32Array(Math.min(PREDICT_BATCH_ROWS, rowIndices.length) * width);
  for (let start = 0; start < rowIndices.length; start += PREDICT_BATCH_ROWS) {
    const end = Math.min(start + PREDICT_BATCH_ROWS, rowIndices.length);
    const size = end - start;
    fillDense(
      rows,
      rowIndices.subarray(start, end),
      buffer,
      dropped.subarray(start * groupCount, end * groupCount),
      groupCount,
    );
    // Read outside `tidy`: tidy walks what its function returns, element by element for a typed array.
    const outputs = tf.tidy(() =>
      // `apply`, not `predict`: predict re-slices its input into batches of 32, and slicing a wide
      // tensor on the wasm backend goes through a synchronous read of all of it.
      asArray(view.apply(tf.tensor2d(buffer.subarray(0, size * width), [size, width]), { training: false })),
    );
    outputs.forEach((probabilities, h) => results[h]!.set(probabilities.dataSync(), start * classCounts[h]!));
    tf.dispose(outputs);
  }
  return results;
}

/** Index and probability of the largest of `row`'s `k` probabilities (ties to the lower index). */
export function argmaxRow(probabilities: Float32Array, row: number, k: number): { index: number; p: number } {
  let index = 0;
  let p = -1;
  for (let c = 0; c < k; c++) {
    const value = probabilities[row * k + c]!;
    if (value > p) {
      p = value;
      index = c;
    }
  }
  return { index, p };
}

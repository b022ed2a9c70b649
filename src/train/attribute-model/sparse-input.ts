import * as tf from '@tensorflow/tfjs';
import { GROUP_ATTRIBUTES } from './features.js';
import type { SparseRows } from './sparse-rows.js';

/**
 * One training batch as its non-zero entries, over the distinct columns it uses. A record has a few
 * hundred of tens of thousands of hashed columns, so the first layer is computed per entry rather than
 * as a dense matmul: measured on the wasm backend (2 cores, shared), a full-width 128 × 32,768 batch cost
 * about 45 ms forward and 500 ms for its kernel gradient (tfjs takes `xᵀ·dy` through a slow transposed
 * matmul, and computes the unused input gradient too); even compacted to the batch's used columns, the
 * dense product is 98% zeros. Per entry, with segment sums, a step costs a few ms. `tf.gather` and
 * `tf.scatterND` would be the obvious kernels, but both are slow on wasm (tens of ns an element);
 * `sparseSegmentSum` both picks rows and sums them fast.
 */
export interface SparseBatch {
  rowCount: number;
  /** The distinct columns the batch uses, ascending: the kernel rows the step reads and updates. */
  columns: Int32Array;
  /** Per entry: index into `columns`, row in the batch (non-decreasing), value. */
  entryColumn: Int32Array;
  entryRow: Int32Array;
  entryValue: Float32Array;
  /** The entries ordered by column, and the column of each in that order: the gradient's segments. */
  byColumn: Int32Array;
  byColumnSegment: Int32Array;
}

/**
 * The entries of rows `rowIndices`, leaving out the groups flagged in `dropped`
 * (`dropped[i * groupCount + g]`). `position` is scratch of the full width, all −1 on entry and on return.
 * The text groups (name words, name characters, description) are the ones before `GROUP_ATTRIBUTES`.
 */
export function sparseBatch(
  source: SparseRows,
  rowIndices: ArrayLike<number>,
  dropped: Uint8Array,
  groupCount: number,
  position: Int32Array,
  maskedText: { rows: SparseRows; use: Uint8Array } | null = null,
): SparseBatch {
  // Row i's entries: its own, with its text groups taken from `maskedText` where `use[i]` is 1.
  const each = (visit: (i: number, rows: SparseRows, k: number) => void): void => {
    for (let i = 0; i < rowIndices.length; i++) {
      const row = rowIndices[i]!;
      const masked = maskedText !== null && maskedText.use[i] === 1;
      for (let k = source.offsets[row]!; k < source.offsets[row + 1]!; k++) {
        const group = source.groups[k]!;
        if (masked && group < GROUP_ATTRIBUTES) continue;
        if (dropped[i * groupCount + group] !== 1) visit(i, source, k);
      }
      if (!masked) continue;
      const text = maskedText.rows;
      for (let k = text.offsets[row]!; k < text.offsets[row + 1]!; k++)
        if (dropped[i * groupCount + text.groups[k]!] !== 1) visit(i, text, k);
    }
  };
  const used: number[] = [];
  let total = 0;
  each((_, rows, k) => {
    total++;
    const column = rows.columns[k]!;
    if (position[column] === -1) {
      position[column] = 0;
      used.push(column);
    }
  });
  if (used.length === 0) used.push(0);
  const columns = Int32Array.from(used).sort();
  columns.forEach((column, u) => (position[column] = u));

  // One more entry, of value 0, in the last row: a segment sum has as many rows as its last segment id.
  const entryColumn = new Int32Array(total + 1);
  const entryRow = new Int32Array(total + 1);
  const entryValue = new Float32Array(total + 1);
  const perColumn = new Int32Array(columns.length + 1);
  let n = 0;
  each((i, rows, k) => {
    const u = position[rows.columns[k]!]!;
    entryColumn[n] = u;
    entryRow[n] = i;
    entryValue[n] = rows.values[k]!;
    perColumn[u + 1]!++;
    n++;
  });
  entryColumn[n] = 0;
  entryRow[n] = rowIndices.length - 1;
  entryValue[n] = 0;
  perColumn[1]!++;
  n++;
  for (const column of columns) position[column] = -1;

  // Counting sort of the entries by column.
  for (let u = 1; u < perColumn.length; u++) perColumn[u]! += perColumn[u - 1]!;
  const byColumn = new Int32Array(n);
  const byColumnSegment = new Int32Array(n);
  for (let e = 0; e < n; e++) {
    const at = perColumn[entryColumn[e]!]!++;
    byColumn[at] = e;
    byColumnSegment[at] = entryColumn[e]!;
  }
  return {
    rowCount: rowIndices.length,
    columns,
    entryColumn,
    entryRow,
    entryValue,
    byColumn,
    byColumnSegment,
  };
}

/** The batch's index tensors; dispose them after the step. */
export interface SparseBatchTensors {
  entryColumn: tf.Tensor1D;
  entryRow: tf.Tensor1D;
  entryValue: tf.Tensor2D;
  entries: tf.Tensor1D;
  byColumn: tf.Tensor1D;
  byColumnSegment: tf.Tensor1D;
  dispose(): void;
}

export function batchTensors(batch: SparseBatch): SparseBatchTensors {
  const n = batch.entryColumn.length;
  const tensors = {
    entryColumn: tf.tensor1d(batch.entryColumn, 'int32'),
    entryRow: tf.tensor1d(batch.entryRow, 'int32'),
    entryValue: tf.tensor2d(batch.entryValue, [n, 1]),
    entries: tf.range(0, n, 1, 'int32') as tf.Tensor1D,
    byColumn: tf.tensor1d(batch.byColumn, 'int32'),
    byColumnSegment: tf.tensor1d(batch.byColumnSegment, 'int32'),
  };
  return { ...tensors, dispose: () => tf.dispose(Object.values(tensors)) };
}

/**
 * `x · kernel` for the batch's sparse x, where `used` holds the kernel rows of `batch.columns`: each
 * entry picks its row and weighs it by its value, and each batch row sums its entries. The gradient of
 * `used` is the same in reverse (each entry picks its row's `dy`, weighed; each column sums its entries).
 * No gradient flows to x, which is data.
 */
export function sparseTimesKernel(batch: SparseBatchTensors, used: tf.Variable): tf.Tensor2D {
  const op = tf.customGrad((w) => {
    const picked = tf.sparse.sparseSegmentSum(w as tf.Tensor, batch.entryColumn, batch.entries);
    return {
      value: tf.sparse.sparseSegmentSum(tf.mul(picked, batch.entryValue), batch.entries, batch.entryRow),
      gradFunc: (dy: tf.Tensor) => {
        const perEntry = tf.mul(
          tf.sparse.sparseSegmentSum(dy, batch.entryRow, batch.entries),
          batch.entryValue,
        );
        return tf.sparse.sparseSegmentSum(perEntry, batch.byColumn, batch.byColumnSegment);
      },
    };
  });
  return op(used) as tf.Tensor2D;
}

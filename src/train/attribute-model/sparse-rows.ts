/**
 * Feature rows in compressed sparse row form. A record has a few hundred non-zero columns out of tens of
 * thousands, so the dataset stays sparse (10,000 records ≈ 20 MB) and only one batch at a time is made
 * dense for TensorFlow.js (the wasm backend has no sparse matmul, and no gradient for `gather`).
 */
export interface SparseRows {
  rowCount: number;
  columnCount: number;
  /** Row r's entries are [offsets[r], offsets[r + 1]). */
  offsets: Int32Array;
  columns: Int32Array;
  values: Float32Array;
  /** The feature group of each entry (name words, name characters, description, attributes, one per target attribute). */
  groups: Uint8Array;
}

/** Appends rows entry by entry into growing typed arrays (no per-entry objects). */
export class SparseRowsBuilder {
  readonly #columnCount: number;
  #offsets: number[] = [0];
  #columns = new Int32Array(1024);
  #values = new Float32Array(1024);
  #groups = new Uint8Array(1024);
  #length = 0;

  constructor(columnCount: number) {
    this.#columnCount = columnCount;
  }

  add(column: number, value: number, group: number): void {
    if (this.#length === this.#columns.length) this.#grow();
    this.#columns[this.#length] = column;
    this.#values[this.#length] = value;
    this.#groups[this.#length] = group;
    this.#length++;
  }

  endRow(): void {
    this.#offsets.push(this.#length);
  }

  build(): SparseRows {
    return {
      rowCount: this.#offsets.length - 1,
      columnCount: this.#columnCount,
      offsets: Int32Array.from(this.#offsets),
      columns: this.#columns.slice(0, this.#length),
      values: this.#values.slice(0, this.#length),
      groups: this.#groups.slice(0, this.#length),
    };
  }

  #grow(): void {
    const size = this.#columns.length * 2;
    const columns = new Int32Array(size);
    columns.set(this.#columns);
    const values = new Float32Array(size);
    values.set(this.#values);
    const groups = new Uint8Array(size);
    groups.set(this.#groups);
    this.#columns = columns;
    this.#values = values;
    this.#groups = groups;
  }
}

/**
 * Writes rows `rowIndices` densely into `buffer` (row-major, `columnCount` wide), leaving out the entries
 * of groups flagged in `dropped` (`dropped[i * groupCount + g]`: row i's group g). The buffer is zeroed
 * first; it is reused across batches so that training allocates one batch's worth of memory.
 */
export function fillDense(
  rows: SparseRows,
  rowIndices: ArrayLike<number>,
  buffer: Float32Array,
  dropped: Uint8Array | null = null,
  groupCount = 0,
): void {
  const width = rows.columnCount;
  buffer.fill(0, 0, rowIndices.length * width);
  for (let i = 0; i < rowIndices.length; i++) {
    const row = rowIndices[i]!;
    const base = i * width;
    for (let k = rows.offsets[row]!; k < rows.offsets[row + 1]!; k++) {
      if (dropped !== null && dropped[i * groupCount + rows.groups[k]!] === 1) continue;
      buffer[base + rows.columns[k]!]! += rows.values[k]!;
    }
  }
}

/**
 * The k best (score, row) pairs of a stream, in a binary min-heap of k entries: the weakest kept score is
 * at the root, so a candidate that cannot enter costs one comparison with {@link TopK.threshold}. A full
 * sort of 100,000 scores per query would cost more than the dot products.
 *
 * Rows arrive in increasing order and only a strictly higher score displaces a kept one, so among equal
 * scores the earlier row wins: results are deterministic.
 */
export class TopK {
  readonly #k: number;
  readonly #scores: Float64Array;
  readonly #rows: Int32Array;
  #size = 0;
  /** The score a candidate must beat to enter: -Infinity until k entries are kept. */
  threshold = -Infinity;

  constructor(k: number) {
    this.#k = k;
    this.#scores = new Float64Array(k);
    this.#rows = new Int32Array(k);
  }

  /** Offer every score of `scores[from, from + count)`, standing for rows `firstRow…`. */
  offerAll(scores: Float32Array, from: number, count: number, firstRow: number): void {
    let threshold = this.threshold;
    for (let i = 0; i < count; i++) {
      const score = scores[from + i]!;
      if (score > threshold) {
        this.offer(score, firstRow + i);
        threshold = this.threshold;
      }
    }
  }

  offer(score: number, row: number): void {
    const scores = this.#scores;
    const rows = this.#rows;
    if (this.#size < this.#k) {
      // Sift up.
      let i = this.#size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!weaker(score, row, scores[parent]!, rows[parent]!)) break;
        scores[i] = scores[parent]!;
        rows[i] = rows[parent]!;
        i = parent;
      }
      scores[i] = score;
      rows[i] = row;
      if (this.#size === this.#k) this.threshold = scores[0]!;
      return;
    }
    if (score <= scores[0]!) return;
    // Replace the root and sift down.
    const size = this.#size;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size && weaker(scores[right]!, rows[right]!, scores[left]!, rows[left]!)) child = right;
      if (!weaker(scores[child]!, rows[child]!, score, row)) break;
      scores[i] = scores[child]!;
      rows[i] = rows[child]!;
      i = child;
    }
    scores[i] = score;
    rows[i] = row;
    this.threshold = scores[0]!;
  }

  /** The kept pairs, best first (higher score; on a tie, the earlier row). */
  sorted(): { score: number; row: number }[] {
    const out: { score: number; row: number }[] = [];
    for (let i = 0; i < this.#size; i++) out.push({ score: this.#scores[i]!, row: this.#rows[i]! });
    return out.sort((a, b) => b.score - a.score || a.row - b.row);
  }
}

/** Whether (s1, r1) ranks below (s2, r2): a lower score, or the same score on a later row. */
function weaker(s1: number, r1: number, s2: number, r2: number): boolean {
  return s1 < s2 || (s1 === s2 && r1 > r2);
}

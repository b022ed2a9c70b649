import { EMPTY_SPARSE, sparseDot, type IdfTable, type SparseVector } from '../embedders/index.js';

export interface LexicalHit {
  /** Entry number (the position of the label among the index's entries). */
  entry: number;
  /** TF-IDF cosine, 0 … 1. */
  score: number;
}

/**
 * TF-IDF cosine between a query and the labels, through an inverted list per feature: the lexical half of
 * the semantic index's score. Scores are exact, not hashed into a few columns, because this is also the
 * safety net for what an embedder gets wrong (codes, rare words, typos) and what decides that a
 * near-identical string is a match. Built from the labels on load; only the IDF table is saved.
 */
export class LexicalIndex {
  readonly idf: IdfTable;
  readonly #vectors: SparseVector[] = [];
  readonly #postings = new Map<number, Postings>();
  #scores = new Float32Array(0);
  #touched = new Int32Array(0);

  constructor(idf: IdfTable) {
    this.idf = idf;
  }

  get size(): number {
    return this.#vectors.length;
  }

  /** Add labels; they become entries `size`, `size + 1`, … in order. */
  addAll(labels: readonly string[]): void {
    for (const label of labels) {
      const entry = this.#vectors.length;
      const vector = this.idf.vector(label);
      this.#vectors.push(vector);
      for (let i = 0; i < vector.ids.length; i++) {
        let list = this.#postings.get(vector.ids[i]!);
        if (!list) this.#postings.set(vector.ids[i]!, (list = new Postings()));
        list.push(entry, vector.weights[i]!);
      }
    }
    if (this.#scores.length < this.#vectors.length) {
      this.#scores = new Float32Array(this.#vectors.length);
      this.#touched = new Int32Array(this.#vectors.length);
    }
  }

  vector(text: string): SparseVector {
    return this.idf.vector(text);
  }

  /** The cosine of a query with one entry. */
  score(query: SparseVector, entry: number): number {
    return sparseDot(query, this.#vectors[entry] ?? EMPTY_SPARSE);
  }

  /**
   * The `k` entries of highest cosine with the query, best first. Candidates are gathered from the
   * query's rarer features first, within a budget of postings (a character bigram like `er` is in
   * most labels: walking its list for every query cost 40× the rest on the occupations vocabulary);
   * then the best candidates are scored exactly on all features.
   */
  search(query: SparseVector, k: number): LexicalHit[] {
    const scores = this.#scores;
    const touched = this.#touched;
    const lists: { list: Postings; weight: number }[] = [];
    for (let i = 0; i < query.ids.length; i++) {
      const list = this.#postings.get(query.ids[i]!);
      if (list) lists.push({ list, weight: query.weights[i]! });
    }
    lists.sort((a, b) => a.list.length - b.list.length);
    let count = 0;
    let walked = 0;
    for (const { list, weight } of lists) {
      if (walked > 0 && walked + list.length > POSTINGS_BUDGET) break;
      walked += list.length;
      const { entries, weights, length } = list;
      for (let p = 0; p < length; p++) {
        const e = entries[p]!;
        // Weights are positive: an entry's first contribution is when its score leaves zero.
        if (scores[e] === 0) touched[count++] = e;
        scores[e]! += weight * weights[p]!;
      }
    }
    const partial = topOf(touched, count, scores, Math.max(k * RESCORE_FACTOR, RESCORE_MIN));
    for (let i = 0; i < count; i++) scores[touched[i]!] = 0;
    const exact = walked === lists.reduce((sum, l) => sum + l.list.length, 0);
    if (exact) return partial.slice(0, k);
    return partial
      .map(({ entry }) => ({ entry, score: this.score(query, entry) }))
      .sort((a, b) => b.score - a.score || a.entry - b.entry)
      .slice(0, k);
  }
}

/** Postings walked per query before the commoner features are left to the exact rescoring. */
const POSTINGS_BUDGET = 30_000;
/** Candidates rescored exactly, per answer wanted. */
const RESCORE_FACTOR = 4;
const RESCORE_MIN = 256;

/** One feature's entries and weights, in typed arrays that grow by doubling. */
class Postings {
  entries = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;

  push(entry: number, weight: number): void {
    if (this.length === this.entries.length) {
      const entries = new Int32Array(this.length * 2);
      entries.set(this.entries);
      const weights = new Float32Array(this.length * 2);
      weights.set(this.weights);
      this.entries = entries;
      this.weights = weights;
    }
    this.entries[this.length] = entry;
    this.weights[this.length++] = weight;
  }
}

/** The k best of the touched entries, best first (a bounded min-heap of entry numbers; ties by entry number). */
function topOf(touched: Int32Array, count: number, scores: Float32Array, k: number): LexicalHit[] {
  const heap = new Int32Array(Math.min(k, count));
  let size = 0;
  // a ranks below b: lower score, or the same score and a later entry.
  const below = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && below(heap[l]!, heap[m]!)) m = l;
      if (r < size && below(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      const swap = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = swap;
      i = m;
    }
  };
  for (let t = 0; t < count; t++) {
    const entry = touched[t]!;
    if (size < heap.length) {
      heap[size] = entry;
      for (let i = size++; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!below(heap[i]!, heap[parent]!)) break;
        const swap = heap[i]!;
        heap[i] = heap[parent]!;
        heap[parent] = swap;
        i = parent;
      }
    } else if (size > 0 && below(heap[0]!, entry)) {
      heap[0] = entry;
      siftDown(0);
    }
  }
  return Array.from(heap.subarray(0, size), (entry) => ({ entry, score: scores[entry]! })).sort(
    (a, b) => b.score - a.score || a.entry - b.entry,
  );
}

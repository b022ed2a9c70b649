import { InvalidInputError } from '../../core/index.js';
import type { Embedder, IdfTable, SparseVector } from '../embedders/index.js';
import { createVectorIndex, type IndexKind, type VectorIndex } from '../indexes/index.js';
import { DEFAULT_CALIBRATION, decide, type Calibration, type Decision } from './calibration.js';
import type { CanonicalEntry } from './canonical.js';
import type { EmbedderRecipe } from './embedder-files.js';
import { LexicalIndex } from './lexical-index.js';
import { conceptScores, type LabelScore } from './ranking.js';
import { readSemanticIndex, writeSemanticIndex } from './semantic-index-files.js';

/** One answer of {@link SemanticIndex.match}: a concept, its best label and its scores. */
export interface ConceptMatch {
  key: string;
  /** The concept's label that matched best. */
  label: string;
  preferredLabel: string;
  /** The concept's score (see the calibration): its best label's, blended with `concept` when calibrated so. */
  score: number;
  /** The best label's embedding cosine. */
  semantic: number;
  /** The best label's TF-IDF cosine. */
  lexical: number;
  /** The embedding cosine of the concept's mean vector. */
  concept: number;
  decision: Decision;
}

export interface MatchAnswer {
  query: string;
  /** The decision on the first match (`no match` when there is none). */
  decision: Decision;
  matches: ConceptMatch[];
}

/** A query prepared for scoring: its embedding, its TF-IDF vector and the candidate labels. */
export interface QueryCandidates {
  text: string;
  vector: Float32Array;
  sparse: SparseVector;
  labels: LabelScore[];
}

export interface SemanticIndexOptions {
  /** `flat` (exact; the default) or `hnsw` (approximate, for vocabularies of hundreds of thousands of labels). */
  index?: IndexKind;
  /** Labels each retriever (embedding, TF-IDF) proposes per query before concepts are ranked. @default 64 */
  candidates?: number;
}

const EMBED_BATCH = 512;
const DEFAULT_CANDIDATES = 64;

/**
 * The semantic index of a canonical vocabulary: every label embedded into a vector index, the same labels
 * in an exact TF-IDF index, each concept's mean label vector, and the calibration that weighs the scores
 * and turns them into a decision. A query takes the best labels of both retrievers and scores each on both
 * measures (the label vectors are kept here, since a vector index answers searches but does not hand back
 * a stored vector); the concepts those labels belong to are ranked (see `conceptScores`). Serving swaps
 * whole instances; nothing changes one after it is built and calibrated.
 */
export class SemanticIndex {
  readonly embedder: Embedder;
  readonly recipe: EmbedderRecipe;
  readonly lexical: LexicalIndex;
  readonly #vectors: VectorIndex;
  readonly #entries: CanonicalEntry[] = [];
  readonly #conceptEntries = new Map<string, number[]>();
  readonly #candidates: number;
  #labelVectors: Float32Array;
  /** Per concept (in order of first appearance): the sum of its labels' vectors, and that sum's length. */
  readonly #conceptRow = new Map<string, number>();
  #conceptSums = new Float32Array(0);
  #conceptNorms = new Float32Array(0);
  #calibration: Calibration = DEFAULT_CALIBRATION;

  private constructor(
    embedder: Embedder,
    recipe: EmbedderRecipe,
    lexicalIdf: IdfTable,
    vectors: VectorIndex,
    candidates: number,
  ) {
    this.embedder = embedder;
    this.recipe = recipe;
    this.lexical = new LexicalIndex(lexicalIdf);
    this.#vectors = vectors;
    this.#candidates = candidates;
    this.#labelVectors = new Float32Array(0);
  }

  /** An empty index over an embedder; `lexicalIdf` is fitted on the vocabulary (see `IdfTable.fit`). */
  static create(
    embedder: Embedder,
    recipe: EmbedderRecipe,
    lexicalIdf: IdfTable,
    options: SemanticIndexOptions = {},
  ): SemanticIndex {
    const candidates = options.candidates ?? DEFAULT_CANDIDATES;
    if (!Number.isInteger(candidates) || candidates < 1)
      throw new InvalidInputError('candidates', `candidates must be a whole number ≥ 1, got ${candidates}`);
    // Inner product, not cosine: embedders give unit vectors already, and a text without known features
    // embeds to zeros, which a cosine index refuses; its score is then 0 and the lexical score decides.
    const vectors = createVectorIndex({
      kind: options.index ?? 'flat',
      dimensions: embedder.dimensions,
      metric: 'ip',
    });
    return new SemanticIndex(embedder, recipe, lexicalIdf, vectors, candidates);
  }

  get size(): number {
    return this.#entries.length;
  }

  get concepts(): number {
    return this.#conceptEntries.size;
  }

  get calibration(): Calibration {
    return this.#calibration;
  }

  get indexKind(): IndexKind {
    return this.#vectors.kind;
  }

  entries(): readonly CanonicalEntry[] {
    return this.#entries;
  }

  hasConcept(key: string): boolean {
    return this.#conceptEntries.has(key);
  }

  setCalibration(calibration: Calibration): void {
    this.#calibration = calibration;
  }

  /** Embed and add labels; they become entries `size`, `size + 1`, … */
  async add(
    entries: readonly CanonicalEntry[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> {
    const d = this.embedder.dimensions;
    const first = this.#entries.length;
    const grown = new Float32Array((first + entries.length) * d);
    grown.set(this.#labelVectors.subarray(0, first * d));
    for (let start = 0; start < entries.length; start += EMBED_BATCH) {
      const batch = entries.slice(start, start + EMBED_BATCH);
      const vectors = await this.embedder.embed(batch.map((e) => e.label));
      const ids = batch.map((_, i) => first + start + i);
      this.#vectors.add(
        ids,
        vectors,
        batch.map((e) => e.key),
      );
      vectors.forEach((v, i) => grown.set(v, (first + start + i) * d));
      onProgress?.(Math.min(start + EMBED_BATCH, entries.length), entries.length);
    }
    this.#labelVectors = grown;
    this.#register(entries);
    this.lexical.addAll(entries.map((e) => e.label));
  }

  /** Record entries whose vectors are in place (at the end of the label vectors); update the concept sums. */
  #register(entries: readonly CanonicalEntry[]): void {
    const d = this.embedder.dimensions;
    const first = this.#entries.length;
    for (const entry of entries)
      if (!this.#conceptRow.has(entry.key)) this.#conceptRow.set(entry.key, this.#conceptRow.size);
    const sums = new Float32Array(this.#conceptRow.size * d);
    sums.set(this.#conceptSums);
    const touched = new Set<number>();
    entries.forEach((entry, i) => {
      this.#entries.push(entry);
      let list = this.#conceptEntries.get(entry.key);
      if (!list) this.#conceptEntries.set(entry.key, (list = []));
      list.push(first + i);
      const row = this.#conceptRow.get(entry.key)!;
      touched.add(row);
      const at = (first + i) * d;
      for (let j = 0; j < d; j++) sums[row * d + j]! += this.#labelVectors[at + j]!;
    });
    const norms = new Float32Array(this.#conceptRow.size);
    norms.set(this.#conceptNorms);
    for (const row of touched) {
      let squared = 0;
      for (let j = 0; j < d; j++) squared += sums[row * d + j]! * sums[row * d + j]!;
      norms[row] = Math.sqrt(squared);
    }
    this.#conceptSums = sums;
    this.#conceptNorms = norms;
  }

  /** The cosine of a query with a concept's mean vector (0 for an all-zero one). */
  #concept(vector: Float32Array, key: string): number {
    const row = this.#conceptRow.get(key);
    if (row === undefined || this.#conceptNorms[row] === 0) return 0;
    const d = this.embedder.dimensions;
    let sum = 0;
    for (let j = 0; j < d; j++) sum += vector[j]! * this.#conceptSums[row * d + j]!;
    return sum / this.#conceptNorms[row]!;
  }

  /** The candidate labels of each query, scored on both measures. */
  async candidates(texts: readonly string[]): Promise<QueryCandidates[]> {
    if (texts.length === 0) return [];
    const vectors = await this.embedder.embed([...texts]);
    const k = Math.min(this.#candidates, Math.max(1, this.size));
    const semanticHits = this.size === 0 ? texts.map(() => []) : this.#vectors.searchBatch(vectors, k);
    return texts.map((text, q) => {
      const vector = vectors[q]!;
      const sparse = this.lexical.vector(text);
      const scores = new Map<number, LabelScore>();
      const concepts = new Map<string, number>();
      const conceptOf = (key: string) => {
        let cosine = concepts.get(key);
        if (cosine === undefined) concepts.set(key, (cosine = this.#concept(vector, key)));
        return cosine;
      };
      for (const hit of semanticHits[q]!) {
        const entry = hit.id;
        const key = this.#entries[entry]!.key;
        scores.set(entry, {
          entry,
          key,
          semantic: hit.score,
          lexical: this.lexical.score(sparse, entry),
          concept: conceptOf(key),
        });
      }
      for (const hit of this.lexical.search(sparse, k)) {
        if (scores.has(hit.entry)) continue;
        const key = this.#entries[hit.entry]!.key;
        scores.set(hit.entry, {
          entry: hit.entry,
          key,
          semantic: this.#semantic(vector, hit.entry),
          lexical: hit.score,
          concept: conceptOf(key),
        });
      }
      return { text, vector, sparse, labels: [...scores.values()] };
    });
  }

  /** Every label of one concept scored against a prepared query (for calibration pairs and evaluation). */
  scoreConcept(query: Pick<QueryCandidates, 'vector' | 'sparse'>, key: string): LabelScore[] {
    const concept = this.#concept(query.vector, key);
    return (this.#conceptEntries.get(key) ?? []).map((entry) => ({
      entry,
      key,
      semantic: this.#semantic(query.vector, entry),
      lexical: this.lexical.score(query.sparse, entry),
      concept,
    }));
  }

  /** The `k` best concepts for each query, with the calibrated decision. */
  async match(texts: readonly string[], k: number): Promise<MatchAnswer[]> {
    if (!Number.isInteger(k) || k < 1)
      throw new InvalidInputError('k', `k must be a whole number ≥ 1, got ${k}`);
    const prepared = await this.candidates(texts);
    return prepared.map(({ text, labels }) => {
      // A concept scoring 0 or less shares nothing with the query (a query of punctuation embeds to zeros).
      const matches = conceptScores(labels, this.#calibration)
        .filter((c) => c.score > 0)
        .slice(0, k)
        .map((c): ConceptMatch => {
          const entry = this.#entries[c.entry]!;
          const preferred = this.#entries[this.#conceptEntries.get(c.key)![0]!]!;
          return {
            key: c.key,
            label: entry.label,
            preferredLabel: preferred.label,
            score: round(c.score),
            semantic: round(c.semantic),
            lexical: round(c.lexical),
            concept: round(c.concept),
            decision: decide(this.#calibration, c),
          };
        });
      return { query: text, decision: matches[0]?.decision ?? 'no match', matches };
    });
  }

  #semantic(vector: Float32Array, entry: number): number {
    const d = this.embedder.dimensions;
    const at = entry * d;
    let sum = 0;
    for (let j = 0; j < d; j++) sum += vector[j]! * this.#labelVectors[at + j]!;
    return sum;
  }

  /** Write the index into `dir` (see `writeSemanticIndex` for the layout). */
  async save(dir: string): Promise<void> {
    await writeSemanticIndex(dir, {
      embedder: this.embedder,
      recipe: this.recipe,
      lexicalIdf: this.lexical.idf,
      vectors: this.#vectors,
      candidates: this.#candidates,
      labelVectors: this.#labelVectors.subarray(0, this.size * this.embedder.dimensions),
      entries: this.#entries,
      concepts: this.concepts,
      calibration: this.#calibration,
    });
  }

  /** Read back an index saved by {@link save} (a version folder of the model store). */
  static async load(dir: string, options: { allowRemoteModels?: boolean } = {}): Promise<SemanticIndex> {
    const parts = await readSemanticIndex(dir, options);
    const index = new SemanticIndex(
      parts.embedder,
      parts.recipe,
      parts.lexicalIdf,
      parts.vectors,
      parts.candidates,
    );
    index.#labelVectors = parts.labelVectors;
    index.#register(parts.entries);
    index.lexical.addAll(parts.entries.map((e) => e.label));
    index.#calibration = parts.calibration;
    return index;
  }

  /** Free the embedder's native resources. */
  async close(): Promise<void> {
    await this.embedder.close?.();
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

import { FatalError } from '../../core/index.js';
import {
  resolveTextFeatureOptions,
  textFeatures,
  type ResolvedTextFeatureOptions,
  type TextFeatureOptions,
} from './text-features.js';

/** A text's weighted features, sorted by feature hash, unit length (or empty). */
export interface SparseVector {
  ids: Uint32Array;
  weights: Float32Array;
}

export const EMPTY_SPARSE: SparseVector = Object.freeze({
  ids: new Uint32Array(0),
  weights: new Float32Array(0),
});

/** The inner product of two sparse vectors (a merge over their sorted ids). */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** The JSON form of an {@link IdfTable}, saved with the models that use it. */
export interface IdfTableJson {
  features: ResolvedTextFeatureOptions;
  /** Texts the table was fitted on. */
  documents: number;
  /** `[feature hash, document frequency]`, sorted by hash. */
  df: [number, number][];
}

/**
 * TF-IDF over hashed text features, fitted on a vocabulary: sublinear term frequency (1 + ln tf) times
 * the smoothed inverse document frequency ln((1 + N) / (1 + df)) + 1, scaled to unit length (scikit-learn's
 * `TfidfVectorizer(sublinear_tf=True)`). A feature the vocabulary never had keeps the highest weight
 * instead of being dropped: it cannot match anything, so a query made of unknown text scores low against
 * everything, which is what the decision thresholds need to see.
 */
export class IdfTable {
  readonly features: ResolvedTextFeatureOptions;
  readonly documents: number;
  readonly #df: Map<number, number>;
  readonly #unseenIdf: number;

  private constructor(features: ResolvedTextFeatureOptions, documents: number, df: Map<number, number>) {
    this.features = features;
    this.documents = documents;
    this.#df = df;
    this.#unseenIdf = Math.log(1 + documents) + 1;
  }

  static fit(texts: Iterable<string>, options: TextFeatureOptions = {}): IdfTable {
    const features = resolveTextFeatureOptions(options);
    const df = new Map<number, number>();
    let documents = 0;
    for (const text of texts) {
      documents++;
      for (const id of textFeatures(text, features).keys()) df.set(id, (df.get(id) ?? 0) + 1);
    }
    return new IdfTable(features, documents, df);
  }

  static fromJSON(json: IdfTableJson, source: string): IdfTable {
    if (!json || !Array.isArray(json.df) || !Number.isInteger(json.documents))
      throw new FatalError(`${source} is not an IDF table (documents, df): write it again by training`, {
        code: 'bad-model',
      });
    return new IdfTable(resolveTextFeatureOptions(json.features), json.documents, new Map(json.df));
  }

  toJSON(): IdfTableJson {
    return {
      features: this.features,
      documents: this.documents,
      df: [...this.#df.entries()].sort((a, b) => a[0] - b[0]),
    };
  }

  /** Distinct features of the vocabulary. */
  get size(): number {
    return this.#df.size;
  }

  /** Every feature hash of the vocabulary, sorted. */
  featureIds(): Uint32Array {
    return Uint32Array.from(this.#df.keys()).sort();
  }

  idf(feature: number): number {
    const df = this.#df.get(feature);
    return df === undefined ? this.#unseenIdf : Math.log((1 + this.documents) / (1 + df)) + 1;
  }

  /** The TF-IDF vector of a text, unit length; empty when the text has no letters or digits. */
  vector(text: string): SparseVector {
    const counts = textFeatures(text, this.features);
    const ids = Uint32Array.from(counts.keys()).sort();
    const weights = new Float32Array(ids.length);
    let squared = 0;
    for (let i = 0; i < ids.length; i++) {
      const w = (1 + Math.log(counts.get(ids[i]!)!)) * this.idf(ids[i]!);
      weights[i] = w;
      squared += w * w;
    }
    if (squared > 0) {
      const scale = 1 / Math.sqrt(squared);
      for (let i = 0; i < weights.length; i++) weights[i]! *= scale;
    }
    return { ids, weights };
  }
}

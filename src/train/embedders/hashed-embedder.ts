import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash, FatalError, InvalidInputError } from '../../core/index.js';
import type { Embedder } from './embedder.js';
import { IdfTable, type IdfTableJson } from './idf-table.js';
import type { TextFeatureOptions } from './text-features.js';

export interface HashedEmbedderOptions {
  /** Columns the features are hashed into. More columns, fewer collisions, more memory per vector. @default 256 */
  dimensions?: number;
  features?: TextFeatureOptions;
}

export const HASHED_EMBEDDER_FILE = 'hashed-embedder.json';
/**
 * On the occupations fixture the columns barely matter once the exact lexical score sits beside the
 * vectors (top-1 0.603 at 256, 0.597 at 1024), while search time and memory grow with them.
 */
export const HASHED_DEFAULT_DIMENSIONS = 256;

interface HashedEmbedderJson {
  type: 'hashed';
  dimensions: number;
  idf: IdfTableJson;
}

/**
 * The built-in embedder that needs no weights: a text's TF-IDF features (character n-grams and words,
 * IDF from the vocabulary it was fitted on) hashed into `dimensions` columns with a sign per feature (so
 * that collisions cancel out on average instead of adding up), then scaled to unit length. Inner products
 * approximate the TF-IDF cosine (alone, 1024 columns keep top-1 within 0.02 of the exact cosine on the
 * occupations fixture; 256 within 0.04).
 */
export class HashedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly idf: IdfTable;

  private constructor(dimensions: number, idf: IdfTable) {
    if (!Number.isInteger(dimensions) || dimensions < 8 || dimensions > 65_536)
      throw new InvalidInputError(
        'dimensions',
        `the hashed embedder takes 8 to 65536 dimensions, got ${dimensions}`,
      );
    this.dimensions = dimensions;
    this.idf = idf;
    const { minN, maxN, words } = idf.features;
    const digest = contentHash(JSON.stringify(idf.toJSON())).slice(0, 12);
    this.id = `hashed:c${minN}-${maxN}${words ? '+w' : ''}:d${dimensions}:${digest}`;
  }

  /** Fit the IDF on a vocabulary (every label of every concept). */
  static fit(texts: Iterable<string>, options: HashedEmbedderOptions = {}): HashedEmbedder {
    return new HashedEmbedder(
      options.dimensions ?? HASHED_DEFAULT_DIMENSIONS,
      IdfTable.fit(texts, options.features),
    );
  }

  /** Over an IDF table fitted elsewhere (the semantic index shares one with its lexical scores). */
  static over(idf: IdfTable, dimensions = HASHED_DEFAULT_DIMENSIONS): HashedEmbedder {
    return new HashedEmbedder(dimensions, idf);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  /** Synchronous: nothing here waits. All zeros for a text without letters or digits. */
  embedOne(text: string): Float32Array {
    const sparse = this.idf.vector(text);
    const out = new Float32Array(this.dimensions);
    for (let i = 0; i < sparse.ids.length; i++) {
      const h = sparse.ids[i]!;
      // The column from the low bits, the sign from the top bit (the column never uses it).
      out[h % this.dimensions]! += h >>> 31 === 1 ? -sparse.weights[i]! : sparse.weights[i]!;
    }
    let squared = 0;
    for (let j = 0; j < out.length; j++) squared += out[j]! * out[j]!;
    if (squared > 0) {
      const scale = 1 / Math.sqrt(squared);
      for (let j = 0; j < out.length; j++) out[j]! *= scale;
    }
    return out;
  }

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const json: HashedEmbedderJson = { type: 'hashed', dimensions: this.dimensions, idf: this.idf.toJSON() };
    await writeFile(join(dir, HASHED_EMBEDDER_FILE), JSON.stringify(json));
  }

  static async load(dir: string): Promise<HashedEmbedder> {
    const path = join(dir, HASHED_EMBEDDER_FILE);
    let json: HashedEmbedderJson;
    try {
      json = JSON.parse(await readFile(path, 'utf8')) as HashedEmbedderJson;
    } catch (error) {
      throw new FatalError(`cannot read the hashed embedder ${path}: ${(error as Error).message}`, {
        cause: error,
        code: 'bad-model',
      });
    }
    if (json.type !== 'hashed')
      throw new FatalError(`${path} holds a ${String(json.type)} embedder, not a hashed one`, {
        code: 'bad-model',
      });
    return new HashedEmbedder(json.dimensions, IdfTable.fromJSON(json.idf, path));
  }
}

import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash, FatalError } from '../../core/index.js';
import type { Embedder } from './embedder.js';
import { IdfTable, type IdfTableJson } from './idf-table.js';

export const TRAINED_EMBEDDER_FILE = 'trained-embedder.json';
const WEIGHTS_FILE = 'trained-embedder.f32';
const ROWS_FILE = 'trained-embedder-rows.u32';

/** How a trained embedder was made, kept beside its weights. */
export interface TrainedEmbedderInfo {
  epochs: number;
  steps: number;
  temperature: number;
  finalLoss: number;
  backend: string;
  trainSeconds: number;
  texts: number;
  groups: number;
}

interface TrainedEmbedderJson {
  type: 'trained';
  dimensions: number;
  rows: number;
  idf: IdfTableJson;
  info: TrainedEmbedderInfo;
  files: { weights: string; rows: string };
}

/**
 * The embedder Gleaner trains on a vocabulary (see `trainContrastiveEmbedder`): a learnt vector for every
 * hashed feature (character n-gram or word) of the vocabulary; a text's vector is the TF-IDF-weighted
 * sum of its features' vectors, scaled to unit length. Features the vocabulary never had add nothing;
 * a text made only of them embeds to all zeros (and matches on its lexical score alone).
 */
export class TrainedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly idf: IdfTable;
  readonly info: TrainedEmbedderInfo;
  readonly #rowIds: Uint32Array;
  readonly #rowOf: Map<number, number>;
  readonly #weights: Float32Array;

  constructor(fields: {
    dimensions: number;
    idf: IdfTable;
    rowIds: Uint32Array;
    weights: Float32Array;
    info: TrainedEmbedderInfo;
  }) {
    if (fields.weights.length !== fields.rowIds.length * fields.dimensions)
      throw new FatalError(
        `a trained embedder needs ${fields.rowIds.length} × ${fields.dimensions} weights, got ${fields.weights.length}`,
        { code: 'bad-model' },
      );
    this.dimensions = fields.dimensions;
    this.idf = fields.idf;
    this.info = fields.info;
    this.#rowIds = fields.rowIds;
    this.#weights = fields.weights;
    this.#rowOf = new Map();
    fields.rowIds.forEach((id, row) => this.#rowOf.set(id, row));
    const digest = contentHash(
      new Uint8Array(fields.weights.buffer, fields.weights.byteOffset, fields.weights.byteLength),
    );
    this.id = `trained:d${fields.dimensions}:${digest.slice(0, 12)}`;
  }

  /** Features with a learnt vector. */
  get rows(): number {
    return this.#rowIds.length;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): Float32Array {
    const sparse = this.idf.vector(text);
    const d = this.dimensions;
    const out = new Float32Array(d);
    for (let i = 0; i < sparse.ids.length; i++) {
      const row = this.#rowOf.get(sparse.ids[i]!);
      if (row === undefined) continue;
      const w = sparse.weights[i]!;
      const at = row * d;
      for (let j = 0; j < d; j++) out[j]! += w * this.#weights[at + j]!;
    }
    let squared = 0;
    for (let j = 0; j < d; j++) squared += out[j]! * out[j]!;
    if (squared > 0) {
      const scale = 1 / Math.sqrt(squared);
      for (let j = 0; j < d; j++) out[j]! *= scale;
    }
    return out;
  }

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, WEIGHTS_FILE), bytesOf(this.#weights));
    await writeFile(join(dir, ROWS_FILE), bytesOf(this.#rowIds));
    const json: TrainedEmbedderJson = {
      type: 'trained',
      dimensions: this.dimensions,
      rows: this.#rowIds.length,
      idf: this.idf.toJSON(),
      info: this.info,
      files: { weights: WEIGHTS_FILE, rows: ROWS_FILE },
    };
    // Written last: a folder with the JSON holds a whole embedder.
    await writeFile(join(dir, TRAINED_EMBEDDER_FILE), JSON.stringify(json));
  }

  static async load(dir: string): Promise<TrainedEmbedder> {
    const path = join(dir, TRAINED_EMBEDDER_FILE);
    const bad = (why: string, cause?: unknown) =>
      new FatalError(
        `the trained embedder in ${dir} cannot be loaded: ${why}. Train it again, or roll back the model.`,
        {
          code: 'bad-model',
          ...(cause === undefined ? {} : { cause }),
        },
      );
    let json: TrainedEmbedderJson;
    try {
      json = JSON.parse(await readFile(path, 'utf8')) as TrainedEmbedderJson;
    } catch (error) {
      throw bad(`${TRAINED_EMBEDDER_FILE} cannot be read (${(error as Error).message})`, error);
    }
    if (json.type !== 'trained') throw bad(`it holds a ${String(json.type)} embedder`);
    const expect = async (file: string, bytes: number) => {
      const found = await stat(join(dir, file)).catch(() => null);
      if (!found || found.size !== bytes)
        throw bad(`${file} should hold ${bytes} bytes, it holds ${found?.size ?? 'none'}`);
      return readFile(join(dir, file));
    };
    const weightBytes = await expect(json.files.weights, json.rows * json.dimensions * 4);
    const rowBytes = await expect(json.files.rows, json.rows * 4);
    return new TrainedEmbedder({
      dimensions: json.dimensions,
      idf: IdfTable.fromJSON(json.idf, path),
      rowIds: new Uint32Array(
        rowBytes.buffer.slice(rowBytes.byteOffset, rowBytes.byteOffset + rowBytes.byteLength),
      ),
      weights: new Float32Array(
        weightBytes.buffer.slice(weightBytes.byteOffset, weightBytes.byteOffset + weightBytes.byteLength),
      ),
      info: json.info,
    });
  }
}

function bytesOf(array: Float32Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { describeError, FatalError, InvalidInputError, type GleanerConfig } from '../../core/index.js';
import type { Embedder } from './embedder.js';

export interface TransformersEmbedderOptions {
  /**
   * A local folder with `config.json`, `tokenizer.json`, `tokenizer_config.json` and `onnx/model.onnx`
   * (the layout of the ONNX exports on huggingface.co), or, with `allowRemoteModels`, a model name there.
   * @example '/models/all-MiniLM-L6-v2'
   * @example 'Xenova/all-MiniLM-L6-v2'
   */
  model: string;
  /** Download a model given by name. @default false (config `allowRemoteModels`) */
  allowRemoteModels?: boolean;
  /** Where downloads are kept. @default transformers.js's own cache */
  cacheDir?: string;
  /** Which weights: `fp32` is `onnx/model.onnx`, `q8` is `onnx/model_quantized.onnx`. @default 'fp32' */
  dtype?: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
  /** How token vectors become one text vector. @default 'mean' (sentence-transformers' own) */
  pooling?: 'mean' | 'cls';
  /** Scale vectors to unit length, so inner product is cosine. @default true */
  normalize?: boolean;
  /** Texts per forward pass. @default 32 */
  batchSize?: number;
  /** ONNX Runtime threads per pass. @default ONNX Runtime's choice (one per core) */
  threads?: number;
}

/** The slice of a transformers.js feature-extraction pipeline used here. */
interface FeatureExtractor {
  (
    texts: string[],
    options: { pooling: 'mean' | 'cls'; normalize: boolean },
  ): Promise<{
    data: Float32Array;
    dims: number[];
  }>;
  dispose(): Promise<void>;
}

/**
 * Sentence embeddings from an ONNX transformer through transformers.js (onnxruntime-node): tokenize,
 * run, mean-pool over the attention mask, normalize. Offline by default: the model is a local folder,
 * and nothing is fetched unless `allowRemoteModels` says so.
 */
export class TransformersEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly #extractor: FeatureExtractor;
  readonly #pooling: 'mean' | 'cls';
  readonly #normalize: boolean;
  readonly #batchSize: number;
  #closed = false;

  private constructor(
    id: string,
    dimensions: number,
    extractor: FeatureExtractor,
    options: TransformersEmbedderOptions,
  ) {
    this.id = id;
    this.dimensions = dimensions;
    this.#extractor = extractor;
    this.#pooling = options.pooling ?? 'mean';
    this.#normalize = options.normalize ?? true;
    this.#batchSize = options.batchSize ?? 32;
  }

  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const batchSize = options.batchSize ?? 32;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new InvalidInputError('batchSize', `batchSize must be a whole number ≥ 1, got ${batchSize}`);
    const source = await locate(options.model, options.allowRemoteModels ?? false);
    const dtype = options.dtype ?? 'fp32';
    // Loaded on first use: transformers.js and ONNX Runtime take a while to import, and most commands never embed.
    const { pipeline, env } = await import('@huggingface/transformers');
    env.allowLocalModels = true;
    env.allowRemoteModels = source.remote;
    let extractor: FeatureExtractor;
    try {
      extractor = (await pipeline('feature-extraction', source.path, {
        dtype,
        local_files_only: !source.remote,
        ...(options.cacheDir === undefined ? {} : { cache_dir: options.cacheDir }),
        ...(options.threads === undefined ? {} : { session_options: { intraOpNumThreads: options.threads } }),
      })) as unknown as FeatureExtractor;
    } catch (error) {
      throw new InvalidInputError(
        'model',
        `cannot load the transformer model ${options.model}: ${describeError(error)}. ` +
          (source.remote
            ? 'Check the name and the network.'
            : `The folder needs config.json, tokenizer.json, tokenizer_config.json and onnx/model${dtype === 'fp32' ? '' : `_${dtype === 'q8' ? 'quantized' : dtype}`}.onnx.`),
        { cause: error },
      );
    }
    const id = `transformers:${source.remote ? options.model : basename(source.path)}:${dtype}:${options.pooling ?? 'mean'}`;
    const probe = await extractor(['dimension probe'], {
      pooling: options.pooling ?? 'mean',
      normalize: true,
    });
    const dimensions = probe.dims.at(-1) ?? 0;
    if (probe.dims.length !== 2 || dimensions < 1) {
      await extractor.dispose();
      throw new InvalidInputError(
        'model',
        `${options.model} does not give one vector per text (output shape [${probe.dims.join(', ')}]); use a sentence-embedding (feature-extraction) model`,
      );
    }
    return new TransformersEmbedder(id, dimensions, extractor, options);
  }

  /** The embedder of a configuration: `allowRemoteModels` from the config, the rest from the options. */
  static fromConfig(config: GleanerConfig, options: Omit<TransformersEmbedderOptions, 'allowRemoteModels'>) {
    return TransformersEmbedder.load({ ...options, allowRemoteModels: config.allowRemoteModels });
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (this.#closed) throw new FatalError(`embedder ${this.id} is closed`, { code: 'closed' });
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.#batchSize) {
      const batch = texts.slice(start, start + this.#batchSize);
      const tensor = await this.#extractor(batch, { pooling: this.#pooling, normalize: this.#normalize });
      for (let i = 0; i < batch.length; i++)
        out.push(tensor.data.slice(i * this.dimensions, (i + 1) * this.dimensions));
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#extractor.dispose();
  }
}

/** A local folder (checked) or, when allowed, a name to download. */
async function locate(model: string, allowRemote: boolean): Promise<{ path: string; remote: boolean }> {
  const path = resolve(model);
  const folder = await stat(path).catch(() => null);
  if (folder?.isDirectory()) {
    for (const file of ['config.json', 'tokenizer.json'])
      if (!(await stat(join(path, file)).catch(() => null)))
        throw new InvalidInputError('model', `${path} is not a transformer model folder: it has no ${file}`);
    return { path, remote: false };
  }
  if (isAbsolute(model) || model.startsWith('.') || !/^[\w.-]+(\/[\w.-]+)?$/.test(model))
    throw new InvalidInputError('model', `the model folder ${path} does not exist`);
  if (!allowRemote)
    throw new InvalidInputError(
      'model',
      `"${model}" is not a local folder, and downloading models is off. Download it yourself and give its folder, ` +
        'or set GLEANER_ALLOW_REMOTE_MODELS=true on a machine with internet access.',
    );
  return { path: model, remote: true };
}

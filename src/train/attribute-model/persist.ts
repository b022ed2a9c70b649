import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { InvalidInputError } from '../../core/index.js';
import { createAttributeModel, type AttributeModel, type AttributeModelSpec } from './attribute-model.js';
import { fileLoadHandler, fileSaveHandler } from './file-io-handler.js';
import { ensureTensorflowBackend } from './tf-backend.js';
import { META_JSON, METRICS_JSON } from './files.js';
import type { AttributeModelMetrics } from './types.js';

const FORMAT = 'gleaner-attribute-model';
const FORMAT_VERSION = 1;

/** `meta.json`: the spec with the IDF as base64 (exact, and a fifth of a JSON array's size). */
interface MetaFile {
  format: typeof FORMAT;
  formatVersion: number;
  version: string;
  /** Output i of `model.json` is the head of `targets[i]`. */
  heads: string[];
  features: Omit<AttributeModelSpec['features'], 'idf'> & {
    idf: { encoding: 'float32-le-base64'; data: string };
  };
  targets: AttributeModelSpec['targets'];
  training: AttributeModelSpec['training'];
  plan: AttributeModelSpec['plan'];
}

export interface SaveAttributeModelOptions {
  /** Record this version instead of the model's (the model store names versions when it creates them). */
  version?: string;
}

/**
 * Write the model into `dir` (created if needed): `model.json` and its weight shards (standard
 * TensorFlow.js files), `meta.json` (how records become features, the label map of each head, the plan
 * and the training options) and `metrics.json` (the held-out figures the promotion gate reads).
 */
export async function saveAttributeModel(
  model: AttributeModel,
  dir: string,
  options: SaveAttributeModelOptions = {},
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await model.network.save(fileSaveHandler(dir));
  const { features, targets, training, plan } = model.spec;
  const meta: MetaFile = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    version: options.version ?? model.version,
    heads: model.network.outputNames,
    features: { ...features, idf: { encoding: 'float32-le-base64', data: encodeFloat32(features.idf) } },
    targets,
    training,
    plan,
  };
  await writeFile(join(dir, META_JSON), `${JSON.stringify(meta, null, 2)}\n`);
  await writeFile(join(dir, METRICS_JSON), `${JSON.stringify(model.metrics, null, 2)}\n`);
}

export interface LoadAttributeModelOptions {
  /** Use this version in predicted values' source instead of the one in `meta.json`. */
  version?: string;
}

/** Read a model written by `saveAttributeModel`; it predicts exactly as the saved one did. */
export async function loadAttributeModel(
  dir: string,
  options: LoadAttributeModelOptions = {},
): Promise<AttributeModel> {
  const meta = await readJson<MetaFile>(dir, META_JSON);
  if (meta.format !== FORMAT || meta.formatVersion !== FORMAT_VERSION)
    throw new InvalidInputError(
      'dir',
      `${join(dir, META_JSON)} is ${meta.format} format ${meta.formatVersion}, not ${FORMAT} ${FORMAT_VERSION}: ` +
        `it was written by another kind of model or another Gleaner version; retrain the topic`,
    );
  const metrics = await readJson<AttributeModelMetrics>(dir, METRICS_JSON);
  const idf = decodeFloat32(meta.features.idf.data);
  if (idf.length !== 2 ** meta.features.hashBits)
    throw new InvalidInputError(
      'dir',
      `${join(dir, META_JSON)} holds ${idf.length} IDF weights for 2^${meta.features.hashBits} columns: the file is damaged; retrain the topic`,
    );
  await ensureTensorflowBackend();
  const network = await tf.loadLayersModel(fileLoadHandler(dir));
  if (network.outputs.length !== meta.targets.length) {
    network.dispose();
    throw new InvalidInputError(
      'dir',
      `${dir}: model.json has ${network.outputs.length} outputs for ${meta.targets.length} targets in meta.json: the files come from different models; retrain the topic`,
    );
  }
  const spec: AttributeModelSpec = {
    features: { ...meta.features, idf },
    targets: meta.targets,
    training: meta.training,
    plan: meta.plan,
  };
  return createAttributeModel(options.version ?? meta.version, spec, metrics, network);
}

async function readJson<T>(dir: string, file: string): Promise<T> {
  const path = join(dir, file);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    throw new InvalidInputError(
      'dir',
      `cannot read ${path}: ${error instanceof Error ? error.message : String(error)} — is ${dir} a saved attribute model?`,
      { cause: error },
    );
  }
}

function encodeFloat32(values: Float32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => bytes.writeFloatLE(value, i * 4));
  return bytes.toString('base64');
}

function decodeFloat32(data: string): Float32Array {
  const bytes = Buffer.from(data, 'base64');
  const values = new Float32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < values.length; i++) values[i] = bytes.readFloatLE(i * 4);
  return values;
}

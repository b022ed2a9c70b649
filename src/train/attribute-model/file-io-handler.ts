import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { InvalidInputError } from '../../core/index.js';

/**
 * TensorFlow.js models as standard `model.json` + weight shards in a folder, without tfjs-node (whose
 * `file://` handler is the usual way, and whose install downloads libtensorflow). The files are what
 * `tfjs-node`'s `file://` and the converter write, so other tools can read them.
 */

export const MODEL_JSON = 'model.json';
/** tfjs's own shard size: files small enough for any store or HTTP cache. */
const SHARD_BYTES = 4 * 1024 * 1024;
const SHARD_NAME = /^group1-shard\d+of\d+\.bin$/;

export function fileSaveHandler(dir: string): tf.io.IOHandler {
  return tf.io.withSaveHandler(async (artifacts) => {
    if (!artifacts.weightSpecs || artifacts.weightData === undefined)
      throw new Error('the model gave no weights to save (tfjs passed artifacts without weightData)');
    const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
    const shardCount = Math.max(1, Math.ceil(weights.byteLength / SHARD_BYTES));
    const paths = Array.from({ length: shardCount }, (_, i) => `group1-shard${i + 1}of${shardCount}.bin`);
    await mkdir(dir, { recursive: true });
    for (const [i, path] of paths.entries())
      await writeFile(join(dir, path), weights.subarray(i * SHARD_BYTES, (i + 1) * SHARD_BYTES));
    const modelJson: tf.io.ModelJSON = {
      modelTopology: artifacts.modelTopology ?? {},
      format: artifacts.format ?? 'layers-model',
      generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
      convertedBy: artifacts.convertedBy ?? null,
      weightsManifest: [{ paths, weights: artifacts.weightSpecs }],
    };
    if (artifacts.trainingConfig) modelJson.trainingConfig = artifacts.trainingConfig;
    await writeFile(join(dir, MODEL_JSON), JSON.stringify(modelJson));
    return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
  });
}

export function fileLoadHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const path = join(dir, MODEL_JSON);
      let modelJson: tf.io.ModelJSON;
      try {
        modelJson = JSON.parse(await readFile(path, 'utf8')) as tf.io.ModelJSON;
      } catch (error) {
        throw new InvalidInputError(
          'dir',
          `cannot read the model at ${path}: ${error instanceof Error ? error.message : String(error)} — is ${dir} a saved model version?`,
          { cause: error },
        );
      }
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const shard of group.paths) {
            // Only the shard names this handler writes: a model.json must not read files outside its folder.
            if (!SHARD_NAME.test(shard))
              throw new InvalidInputError('dir', `${path} names a weight file "${shard}" outside its folder`);
            const bytes = await readFile(join(dir, shard));
            buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
          }
        }
        return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
      });
    },
  };
}

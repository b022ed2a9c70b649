import * as tf from '@tensorflow/tfjs';
import { FatalError, InvalidInputError } from '../../core/index.js';
import { ensureTensorflowBackend } from '../attribute-model/index.js';
import { IdfTable } from './idf-table.js';
import type { TextFeatureOptions } from './text-features.js';
import { TrainedEmbedder } from './trained-embedder.js';

export interface ContrastiveTrainingOptions {
  /** Size of the learnt vectors. @default 128 */
  dimensions?: number;
  /** Passes over the texts; each text is the anchor of one pair per pass. @default 4 */
  epochs?: number;
  /** Pairs per step, each from a different group: the other pairs' texts are the step's negatives. @default 512 */
  batchSize?: number;
  /** Adam's step size, decayed linearly to a tenth over the run. @default 0.01 */
  learningRate?: number;
  /** Softmax temperature of the InfoNCE loss: lower sharpens the contrast. @default 0.05 */
  temperature?: number;
  /** Each feature occurrence is dropped with this probability, so a group of one label still has a pair. @default 0.1 */
  featureDropout?: number;
  /** One seed, one model. @default 1 */
  seed?: number;
  features?: TextFeatureOptions;
  /** Called after every step. */
  onProgress?: (progress: ContrastiveProgress) => void;
  signal?: AbortSignal;
}

export interface ContrastiveProgress {
  epoch: number;
  epochs: number;
  step: number;
  steps: number;
  /** Mean loss of the epoch so far. */
  loss: number;
}

export const CONTRASTIVE_DEFAULTS = Object.freeze({
  dimensions: 128,
  epochs: 4,
  batchSize: 512,
  learningRate: 0.01,
  temperature: 0.05,
  featureDropout: 0.1,
  seed: 1,
});

const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;
/** A batch smaller than this teaches little and skews the loss; the remainder waits for the next epoch. */
const MIN_BATCH = 4;

/**
 * Train a {@link TrainedEmbedder} so that texts of one group (the labels of one concept, with the queries
 * feedback confirmed for it) land close together and texts of different groups apart: in-batch-negatives
 * contrastive learning (InfoNCE, as sentence-transformers' MultipleNegativesRankingLoss), symmetric.
 *
 * The model is a linear map from sparse TF-IDF features to `dimensions`: a learnt vector per feature,
 * summed with the TF-IDF weights. It starts as a random projection (which keeps TF-IDF cosines, so
 * training starts from the lexical baseline) and learns which n-grams and words mean the same thing in
 * the domain ("QC" and "quality control", "programmer" and "developer").
 *
 * Split of the work: TensorFlow.js (wasm backend) computes the loss and its gradient with respect to the
 * batch's pooled vectors (normalization, the similarity matrix, the softmax); the sparse part (pooling
 * the feature vectors, and sending the gradient back to the few hundred rows a batch touches) and a
 * lazy Adam update of those rows only run here in typed arrays. tfjs's wasm backend has no
 * UnsortedSegmentSum kernel (the gradient of `gather`), and a dense gradient of the whole table every step
 * measured 0.3 s for the Adam update alone at 32,768 × 256, against milliseconds for the touched rows.
 */
export async function trainContrastiveEmbedder(
  groups: readonly (readonly string[])[],
  options: ContrastiveTrainingOptions = {},
): Promise<TrainedEmbedder> {
  const o = resolveOptions(options);
  const started = performance.now();
  const backend = await ensureTensorflowBackend();
  const random = seededRandom(o.seed);

  // Texts, deduplicated within their group; groups that end up empty are dropped.
  const texts: string[] = [];
  const groupOf: number[] = [];
  const members: number[][] = [];
  for (const group of groups) {
    const seen = new Set<string>();
    const ids: number[] = [];
    for (const text of group) {
      const key = text.trim().toLowerCase();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      ids.push(texts.length);
      groupOf.push(members.length);
      texts.push(text);
    }
    if (ids.length > 0) members.push(ids);
  }
  if (members.length < 2)
    throw new InvalidInputError(
      'canonical',
      `contrastive training needs at least 2 concepts with labels, got ${members.length}: give a larger vocabulary, or use the hashed embedder`,
    );

  // The same text in two groups (a label two concepts share) must not be a negative of itself.
  const textIds = new Map<string, number>();
  const textKey = Int32Array.from(texts, (t) => {
    const key = t.trim().toLowerCase();
    let id = textIds.get(key);
    if (id === undefined) textIds.set(key, (id = textIds.size));
    return id;
  });

  const idf = IdfTable.fit(texts, options.features);
  const rowIds = idf.featureIds();
  const rowOf = new Map<number, number>();
  rowIds.forEach((id, row) => rowOf.set(id, row));
  // The texts' features as compressed sparse rows: offsets, feature rows and TF-IDF weights.
  const offsets = new Int32Array(texts.length + 1);
  const vectors = texts.map((t) => idf.vector(t));
  vectors.forEach((v, i) => (offsets[i + 1] = offsets[i]! + v.ids.length));
  const featureRow = new Int32Array(offsets[texts.length]!);
  const featureWeight = new Float32Array(offsets[texts.length]!);
  vectors.forEach((v, i) => {
    for (let j = 0; j < v.ids.length; j++) {
      featureRow[offsets[i]! + j] = rowOf.get(v.ids[j]!)!;
      featureWeight[offsets[i]! + j] = v.weights[j]!;
    }
  });

  const d = o.dimensions;
  const rows = rowIds.length;
  const table = new Float32Array(rows * d);
  const initScale = 1 / Math.sqrt(d);
  for (let i = 0; i < table.length; i++) table[i] = gaussian(random) * initScale;
  const moment1 = new Float32Array(rows * d);
  const moment2 = new Float32Array(rows * d);
  const gradient = new Float32Array(rows * d);
  const touchedAt = new Int32Array(rows).fill(-1);

  const stepsPerEpoch = Math.ceil(texts.length / o.batchSize);
  const totalSteps = stepsPerEpoch * o.epochs;
  let step = 0;
  let lastLoss = Number.NaN;

  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = Int32Array.from({ length: texts.length }, (_, i) => i);
    shuffle(order, random);
    let pending = Array.from(order);
    let lossSum = 0;
    let batches = 0;
    while (pending.length >= MIN_BATCH) {
      if (o.signal?.aborted) throw new FatalError('training was interrupted', { code: 'aborted' });
      // One pair per group in a batch: two labels of one concept must not be each other's negatives.
      const used = new Set<number>();
      const anchors: number[] = [];
      const rest: number[] = [];
      for (const t of pending) {
        if (anchors.length < o.batchSize && !used.has(groupOf[t]!)) {
          used.add(groupOf[t]!);
          anchors.push(t);
        } else rest.push(t);
      }
      pending = rest;
      if (anchors.length < MIN_BATCH) break;
      const n = anchors.length;
      const sample = new Int32Array(2 * n);
      anchors.forEach((t, i) => {
        const group = members[groupOf[t]!]!;
        let positive = t;
        if (group.length > 1) while (positive === t) positive = group[Math.floor(random() * group.length)]!;
        sample[i] = t;
        sample[n + i] = positive;
      });

      // Forward (sparse): pooled vectors of the 2n texts, with feature dropout; the kept features are noted.
      const pooled = new Float32Array(2 * n * d);
      const kept: number[] = [];
      const keptStart = new Int32Array(2 * n + 1);
      for (let s = 0; s < 2 * n; s++) {
        const t = sample[s]!;
        const at = s * d;
        for (let k = offsets[t]!; k < offsets[t + 1]!; k++) {
          if (o.featureDropout > 0 && random() < o.featureDropout) continue;
          kept.push(k);
          const w = featureWeight[k]!;
          const row = featureRow[k]! * d;
          for (let j = 0; j < d; j++) pooled[at + j]! += w * table[row + j]!;
        }
        keptStart[s + 1] = kept.length;
      }

      // Identical texts across the batch's groups are masked out of each other's negatives.
      const mask = new Float32Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          if (
            i !== j &&
            (textKey[sample[i]!] === textKey[sample[n + j]!] ||
              textKey[sample[n + i]!] === textKey[sample[n + j]!])
          )
            mask[i * n + j] = MASKED;
      // Loss and its gradient with respect to the pooled vectors (dense: tfjs).
      const { value, grad } = tf.tidy(() => {
        const masked = tf.tensor2d(mask, [n, n]);
        return tf.valueAndGrad((x: tf.Tensor) => infoNceLoss(x as tf.Tensor2D, masked, o.temperature))(
          tf.tensor2d(pooled, [2 * n, d]),
        );
      });
      const loss = value.dataSync()[0]!;
      const dPooled = grad.dataSync() as Float32Array;
      value.dispose();
      grad.dispose();
      if (!Number.isFinite(loss))
        throw new FatalError(
          `contrastive training diverged at step ${step + 1} (loss ${loss}); lower the learning rate or raise the temperature`,
          { code: 'diverged' },
        );

      // Backward (sparse): each kept feature's row gets its weight times its text's gradient.
      const touched: number[] = [];
      for (let s = 0; s < 2 * n; s++) {
        const at = s * d;
        for (let q = keptStart[s]!; q < keptStart[s + 1]!; q++) {
          const k = kept[q]!;
          const r = featureRow[k]!;
          if (touchedAt[r] !== step) {
            touchedAt[r] = step;
            touched.push(r);
          }
          const w = featureWeight[k]!;
          const row = r * d;
          for (let j = 0; j < d; j++) gradient[row + j]! += w * dPooled[at + j]!;
        }
      }

      // Lazy Adam on the touched rows only; the learning rate decays linearly to a tenth.
      step++;
      const rate = o.learningRate * (1 - (0.9 * (step - 1)) / Math.max(1, totalSteps - 1));
      const correct1 = 1 - ADAM_BETA1 ** step;
      const correct2 = 1 - ADAM_BETA2 ** step;
      for (const r of touched) {
        const row = r * d;
        for (let j = row; j < row + d; j++) {
          const g = gradient[j]!;
          gradient[j] = 0;
          const m = (moment1[j] = ADAM_BETA1 * moment1[j]! + (1 - ADAM_BETA1) * g);
          const v = (moment2[j] = ADAM_BETA2 * moment2[j]! + (1 - ADAM_BETA2) * g * g);
          table[j]! -= (rate * (m / correct1)) / (Math.sqrt(v / correct2) + ADAM_EPSILON);
        }
      }
      lossSum += loss;
      batches++;
      lastLoss = lossSum / batches;
      o.onProgress?.({ epoch: epoch + 1, epochs: o.epochs, step, steps: totalSteps, loss: lastLoss });
      // Let timers and signals run between steps (a progress bar, SIGINT).
      if (step % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  return new TrainedEmbedder({
    dimensions: d,
    idf,
    rowIds,
    weights: table,
    info: {
      epochs: o.epochs,
      steps: step,
      temperature: o.temperature,
      finalLoss: lastLoss,
      backend: backend.name,
      trainSeconds: (performance.now() - started) / 1000,
      texts: texts.length,
      groups: members.length,
    },
  });
}

/** Added to a masked logit: far below any real one (cosines are in [-1, 1], divided by the temperature). */
const MASKED = -1e4;

/**
 * Symmetric InfoNCE over a batch whose first half are anchors and second half their positives; `mask`
 * (n × n, 0 or {@link MASKED}) removes pairs that must not count as negatives.
 */
function infoNceLoss(x: tf.Tensor2D, mask: tf.Tensor2D, temperature: number): tf.Scalar {
  const n = x.shape[0] / 2;
  const unit = tf.div(x, tf.add(tf.norm(x, 'euclidean', 1, true), 1e-9));
  const [anchors, positives] = tf.split(unit, 2, 0) as [tf.Tensor2D, tf.Tensor2D];
  const logits = tf.add(tf.div(tf.matMul(anchors, positives, false, true), temperature), mask);
  const labels = tf.oneHot(tf.range(0, n, 1, 'int32'), n);
  const forward = tf.losses.softmaxCrossEntropy(labels, logits);
  const backward = tf.losses.softmaxCrossEntropy(labels, tf.transpose(logits));
  return tf.div(tf.add(forward, backward), 2) as tf.Scalar;
}

function resolveOptions(options: ContrastiveTrainingOptions) {
  const o = { ...CONTRASTIVE_DEFAULTS, ...withoutUndefined(options) };
  const check = (field: string, ok: boolean, rule: string) => {
    if (!ok)
      throw new InvalidInputError(
        field,
        `${field} ${rule}, got ${String((o as Record<string, unknown>)[field])}`,
      );
  };
  check(
    'dimensions',
    Number.isInteger(o.dimensions) && o.dimensions >= 2 && o.dimensions <= 4096,
    'must be a whole number from 2 to 4096',
  );
  check(
    'epochs',
    Number.isInteger(o.epochs) && o.epochs >= 1 && o.epochs <= 1000,
    'must be a whole number from 1 to 1000',
  );
  check(
    'batchSize',
    Number.isInteger(o.batchSize) && o.batchSize >= MIN_BATCH,
    `must be a whole number ≥ ${MIN_BATCH}`,
  );
  check('learningRate', o.learningRate > 0 && o.learningRate < 10, 'must be a number above 0 and below 10');
  check('temperature', o.temperature > 0 && o.temperature <= 10, 'must be a number above 0 and at most 10');
  check(
    'featureDropout',
    o.featureDropout >= 0 && o.featureDropout < 1,
    'must be a number from 0 to below 1',
  );
  return o as typeof o & Pick<ContrastiveTrainingOptions, 'onProgress' | 'signal'>;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** mulberry32: shuffles, pairs and dropout come from here, so that one seed gives one model. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: Int32Array, random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = items[i]!;
    items[i] = items[j]!;
    items[j] = swap;
  }
}

/** A standard normal draw (Box-Muller). */
function gaussian(random: () => number): number {
  const u = random() || Number.MIN_VALUE;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

import * as tf from '@tensorflow/tfjs';
import { LazyAdamKernel } from './lazy-adam-kernel.js';
import { seededRandom, shuffleInPlace } from './seeded-random.js';
import { batchTensors, sparseBatch, sparseTimesKernel } from './sparse-input.js';
import type { TrainingSet } from './training-set.js';

export interface FitOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Decoupled (AdamW) weight decay on every kernel. */
  weightDecay: number;
  /** L2 penalty in the gradient of the first layer's rows a step uses. */
  l2: number;
  seed: number;
  /** Feature group of each head's target attribute. */
  targetGroups: readonly number[];
  /** Feature group count (the width of the drop mask). */
  groupCount: number;
  classCounts: readonly number[];
  signal?: AbortSignal | undefined;
  onEpoch?: ((epoch: number, meanLoss: number) => void) | undefined;
}

/**
 * A target attribute's own features are dropped from a row with this probability, and a head learns only
 * from rows where its attribute was dropped: it must predict brand without seeing brand, while learning
 * to use the other targets' values (category helps brand) whether they are there or not, as they will be
 * in records that miss several.
 */
export const TARGET_FEATURE_DROP_RATE = 0.5;
/**
 * A row reads its masked text (`TrainingSet.maskedText`: its brand's words left out of its name and
 * description) with this probability. Every record that has a brand also names it, so without this the
 * brand head learns to read the brand and is unsure on exactly the records it is for, whose pages hid
 * the brand everywhere; with it, it also learns the SKU's brand code, the GTIN's company prefix, the type.
 */
export const MASKED_TEXT_RATE = 0.5;

interface DenseWeights {
  kernel: tf.Variable;
  bias: tf.Variable;
}

/**
 * Minibatch training with Adam on the training side of the set: each epoch shuffles the rows (seeded),
 * drops target features (seeded), and minimises the sum over heads of the masked mean cross-entropy, with
 * an L2 penalty on the first layer's rows a step uses and optional decoupled weight decay (AdamW) on the
 * kernels. The first layer (the heads' kernels side by side, or the shared layer's) reads the batch's
 * sparse entries (`sparseTimesKernel`) and trains with lazy Adam (`LazyAdamKernel`); its
 * bias and any layers after it train with TensorFlow.js's Adam; both get the same gradients from one
 * `tf.variableGrads`. At the end the kernel is written into the network. Yields to the event loop
 * between batches, so that a worker stays responsive (lease renewals, progress writes) and an abort is
 * seen within one batch.
 */
export async function fitNetwork(
  network: tf.LayersModel,
  set: TrainingSet,
  options: FitOptions,
): Promise<void> {
  const { rows, labels, heldOut } = set;
  const trainRows = Int32Array.from({ length: rows.rowCount }, (_, row) => row).filter(
    (row) => heldOut[row] === 0 && labels.some((l) => l[row]! >= 0),
  );
  const random = seededRandom(options.seed);
  const shared = network.layers.some((layer) => layer.name === 'shared')
    ? weightsOf(network.getLayer('shared'))
    : null;
  const heads = options.classCounts.map((_, i) => weightsOf(network.getLayer(`head_${i}`)));
  const first = shared ? [shared] : heads;
  const offsets = first.map((_, i) => first.slice(0, i).reduce((sum, w) => sum + w.kernel.shape[1]!, 0));
  const units = first.reduce((sum, w) => sum + w.kernel.shape[1]!, 0);
  const kernel = new LazyAdamKernel(readSideBySide(first, units, offsets), rows.columnCount, units, options);
  const firstBias = asVariable(tf.concat(first.map((w) => w.bias)));
  const denseVariables = [firstBias, ...(shared ? heads.flatMap((w) => [w.kernel, w.bias]) : [])];
  const optimizer = tf.train.adam(options.learningRate);
  const decay = 1 - options.learningRate * options.weightDecay;
  const dropped = new Uint8Array(options.batchSize * options.groupCount);
  const targetGroups = [...new Set(options.targetGroups)];
  const oneHots = options.classCounts.map((k) => new Float32Array(options.batchSize * k));
  const position = new Int32Array(rows.columnCount).fill(-1);
  const maskedText = set.maskedText ? { rows: set.maskedText, use: new Uint8Array(options.batchSize) } : null;

  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      shuffleInPlace(trainRows, random);
      let lossSum = 0;
      let batches = 0;
      for (let start = 0; start < trainRows.length; start += options.batchSize) {
        options.signal?.throwIfAborted();
        const batch = trainRows.subarray(start, Math.min(start + options.batchSize, trainRows.length));
        const size = batch.length;
        dropped.fill(0);
        if (maskedText)
          for (let i = 0; i < size; i++) maskedText.use[i] = random() < MASKED_TEXT_RATE ? 1 : 0;
        for (let i = 0; i < size; i++)
          for (const group of targetGroups)
            dropped[i * options.groupCount + group] = random() < TARGET_FEATURE_DROP_RATE ? 1 : 0;
        const counts = options.classCounts.map((k, t) => {
          const y = oneHots[t]!;
          y.fill(0, 0, size * k);
          let count = 0;
          for (let i = 0; i < size; i++) {
            const label = labels[t]![batch[i]!]!;
            if (label < 0 || dropped[i * options.groupCount + options.targetGroups[t]!] !== 1) continue;
            y[i * k + label] = 1;
            count++;
          }
          return count;
        });
        if (counts.every((c) => c === 0)) continue;

        const sparse = sparseBatch(rows, batch, dropped, options.groupCount, position, maskedText);
        const x = batchTensors(sparse);
        const used = asVariable(tf.tensor2d(kernel.gather(sparse.columns), [sparse.columns.length, units]));
        const ys = options.classCounts.map((k, t) => tf.tensor2d(oneHots[t]!.slice(0, size * k), [size, k]));
        try {
          const { value, grads } = tf.variableGrads(() => {
            const firstOut = tf.add(sparseTimesKernel(x, used), firstBias);
            const trunk = shared ? tf.relu(firstOut) : null;
            let loss = tf.scalar(0);
            heads.forEach(({ kernel: headKernel, bias }, t) => {
              if (counts[t] === 0) return;
              const logits = trunk
                ? tf.add(tf.matMul(trunk, headKernel), bias)
                : tf.slice(firstOut, [0, offsets[t]!], [size, options.classCounts[t]!]);
              const crossEntropy = tf.neg(tf.sum(tf.mul(ys[t]!, tf.logSoftmax(logits))));
              loss = tf.add(loss, tf.div(crossEntropy, counts[t]!));
            });
            return loss as tf.Scalar;
          }, [used, ...denseVariables]);
          kernel.update(sparse.columns, grads[used.name]!.dataSync() as Float32Array);
          optimizer.applyGradients(denseVariables.map((v) => ({ name: v.name, tensor: grads[v.name]! })));
          if (shared && decay < 1)
            for (const head of heads) tf.tidy(() => head.kernel.assign(tf.mul(head.kernel, decay)));
          lossSum += value.dataSync()[0]!;
          tf.dispose([value, ...Object.values(grads)]);
        } finally {
          x.dispose();
          tf.dispose([used, ...ys]);
        }
        batches++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      options.onEpoch?.(epoch, batches > 0 ? lossSum / batches : 0);
    }
    writeSideBySide(first, kernel, firstBias, offsets);
  } finally {
    optimizer.dispose();
    firstBias.dispose();
  }
}

/** A variable made from a tensor, which it then owns: `tf.variable` keeps its own reference, so the tensor must go. */
function asVariable(tensor: tf.Tensor): tf.Variable {
  const variable = tf.variable(tensor);
  tensor.dispose();
  return variable;
}

/** A Dense layer's variables (tfjs keeps them in the order kernel, bias). */
function weightsOf(layer: tf.layers.Layer): DenseWeights {
  const [kernel, bias] = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  if (!kernel || !bias) throw new Error(`layer ${layer.name} has no kernel and bias to train`);
  return { kernel, bias };
}

/** The layers' kernels as one `inputs × units` array, layer i's columns from `offsets[i]`. */
function readSideBySide(
  layers: readonly DenseWeights[],
  units: number,
  offsets: readonly number[],
): Float32Array {
  const inputs = layers[0]!.kernel.shape[0]!;
  const out = new Float32Array(inputs * units);
  layers.forEach(({ kernel }, i) => {
    const k = kernel.shape[1]!;
    const data = kernel.dataSync();
    for (let row = 0; row < inputs; row++)
      out.set(data.subarray(row * k, (row + 1) * k), row * units + offsets[i]!);
  });
  return out;
}

function writeSideBySide(
  layers: readonly DenseWeights[],
  kernel: LazyAdamKernel,
  bias: tf.Variable,
  offsets: readonly number[],
): void {
  const biases = bias.dataSync();
  layers.forEach((layer, i) => {
    const k = layer.kernel.shape[1]!;
    const data = new Float32Array(kernel.rowCount * k);
    for (let row = 0; row < kernel.rowCount; row++)
      data.set(
        kernel.weights.subarray(row * kernel.units + offsets[i]!, row * kernel.units + offsets[i]! + k),
        row * k,
      );
    tf.tidy(() => {
      layer.kernel.assign(tf.tensor2d(data, [kernel.rowCount, k]));
      layer.bias.assign(tf.tensor1d(biases.slice(offsets[i]!, offsets[i]! + k)));
    });
  });
}

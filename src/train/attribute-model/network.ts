import * as tf from '@tensorflow/tfjs';

/**
 * The network: the hashed features in, one softmax head per target out. With `hiddenUnits` 0 each head
 * reads the features directly (one multinomial logistic regression per target, trained together); with
 * more, the heads share one ReLU layer. Heads are named `head_<i>` in plan order; `meta.json` maps them
 * back to the targets. Initial weights come from the seed.
 */
export function buildNetwork(
  inputSize: number,
  classCounts: readonly number[],
  hiddenUnits: number,
  seed: number,
): tf.LayersModel {
  const input = tf.input({ shape: [inputSize], name: 'features' });
  let trunk: tf.SymbolicTensor = input;
  if (hiddenUnits > 0)
    trunk = tf.layers
      .dense({
        units: hiddenUnits,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
        name: 'shared',
      })
      .apply(input) as tf.SymbolicTensor;
  const outputs = classCounts.map(
    (units, i) =>
      tf.layers
        .dense({
          units,
          activation: 'softmax',
          kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 + i }),
          name: `head_${i}`,
        })
        .apply(trunk) as tf.SymbolicTensor,
  );
  return tf.model({ inputs: input, outputs, name: 'attribute_model' });
}

/** A view of the network that computes only some heads (evaluating one target need not run the rest). */
export function headsOf(network: tf.LayersModel, heads: readonly number[]): tf.LayersModel {
  return tf.model({ inputs: network.inputs, outputs: heads.map((i) => network.outputs[i]!) });
}

/** `apply`/`predict` answer a tensor for one output and an array for several: always an array. */
export function asArray(
  output: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[],
): tf.Tensor[] {
  return (Array.isArray(output) ? output : [output]) as tf.Tensor[];
}

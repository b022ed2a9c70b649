import type * as tf from '@tensorflow/tfjs';
import type { FeatureSpec } from './features.js';
import type {
  AttributeDecision,
  AttributeModelMetrics,
  PlannedTarget,
  ResolvedAttributeModelPlanOptions,
  ResolvedTrainAttributeModelOptions,
} from './types.js';

/** Everything but the weights: how records become features, what each head predicts, how it was trained. */
export interface AttributeModelSpec {
  features: FeatureSpec;
  /** Head i of the network predicts `targets[i]`. */
  targets: PlannedTarget[];
  training: Omit<ResolvedTrainAttributeModelOptions, 'version'>;
  plan: {
    recordCount: number;
    readableRecords: number;
    decisions: AttributeDecision[];
    options: ResolvedAttributeModelPlanOptions;
  };
}

/** A trained (or loaded) topic model. Holds tensors: `dispose()` it when it is replaced. */
export interface AttributeModel {
  /** Predicted values carry `source: 'model:<version>'`. */
  readonly version: string;
  readonly spec: AttributeModelSpec;
  readonly metrics: AttributeModelMetrics;
  readonly network: tf.LayersModel;
  dispose(): void;
}

export function createAttributeModel(
  version: string,
  spec: AttributeModelSpec,
  metrics: AttributeModelMetrics,
  network: tf.LayersModel,
): AttributeModel {
  let disposed = false;
  return {
    version,
    spec,
    metrics,
    network,
    dispose() {
      // Idempotent: the serving swap and a failed reload may both dispose the model they held.
      if (disposed) return;
      disposed = true;
      network.dispose();
    },
  };
}

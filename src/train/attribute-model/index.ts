export { planAttributeModel, DEFAULT_PLAN_OPTIONS, NON_TARGET_ATTRIBUTES, REQUIRED_TARGETS } from './plan.js';
export { trainAttributeModel, DEFAULT_TRAIN_OPTIONS } from './train.js';
export { META_JSON, METRICS_JSON } from './files.js';
export {
  saveAttributeModel,
  loadAttributeModel,
  type SaveAttributeModelOptions,
  type LoadAttributeModelOptions,
} from './persist.js';
export {
  predictMissing,
  type PredictMissingOptions,
  type RecordPrediction,
  type FilledAttribute,
} from './predict.js';
export { compareToCurrent, summaryScore, type PromotionDecision, type GateMetrics } from './promotion.js';
export { ensureTensorflowBackend, type BackendState } from './tf-backend.js';
export type { AttributeModel, AttributeModelSpec } from './attribute-model.js';
export type { FeatureSpec } from './features.js';
export type {
  AttributeModelRecord,
  AttributeModelPlan,
  AttributeModelPlanOptions,
  AttributeDecision,
  PlannedTarget,
  TargetClass,
  TargetKind,
  TrainAttributeModelOptions,
  AttributeModelProgress,
  AttributeModelMetrics,
  TargetMetrics,
} from './types.js';

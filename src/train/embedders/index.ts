export { type Embedder } from './embedder.js';
export { TransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder.js';
export {
  normalizeText,
  textFeatures,
  featureHash,
  singular,
  TEXT_FEATURE_DEFAULTS,
  type TextFeatureOptions,
  type ResolvedTextFeatureOptions,
} from './text-features.js';
export { IdfTable, sparseDot, EMPTY_SPARSE, type SparseVector, type IdfTableJson } from './idf-table.js';
export {
  HashedEmbedder,
  HASHED_EMBEDDER_FILE,
  HASHED_DEFAULT_DIMENSIONS,
  type HashedEmbedderOptions,
} from './hashed-embedder.js';
export { TrainedEmbedder, TRAINED_EMBEDDER_FILE, type TrainedEmbedderInfo } from './trained-embedder.js';
export {
  trainContrastiveEmbedder,
  CONTRASTIVE_DEFAULTS,
  type ContrastiveTrainingOptions,
  type ContrastiveProgress,
} from './contrastive-trainer.js';

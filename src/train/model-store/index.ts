export { ModelStore, type ModelStoreOptions, type VersionRef } from './model-store.js';
export { VersionDraft, type ManifestInput } from './version-draft.js';
export { judge, type GateVerdict } from './promotion-gate.js';
export { versionName, compareVersions } from './version-name.js';
export {
  MODEL_KINDS,
  type ModelKind,
  type Metrics,
  type Manifest,
  type ModelVersion,
  type Version,
  type Gate,
  type PromotionCode,
  type PromotionResult,
  type RollbackResult,
  type NotificationOutcome,
  type LatestChange,
  type ModelStoreEvents,
  type PromotionLogEntry,
} from './types.js';

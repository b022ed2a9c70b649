export const MODEL_KINDS = ['semantic-index', 'attribute-model', 'image-classifier'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** Held-out figures of a version (`metrics.json`): numbers only, so that a gate can compare them. */
export type Metrics = Readonly<Record<string, number>>;

/** What a version was made from and how (`manifest.json`); its presence marks a committed version. */
export interface Manifest {
  kind: ModelKind;
  name: string;
  version: string;
  /** ISO instants. */
  createdAt: string;
  committedAt: string;
  /** The package version of the Gleaner that made it. */
  codeVersion: string;
  /** Each input (file, table, bundle) by name → its content hash. */
  inputs: Record<string, string>;
  /** One hash over all inputs (mirrored into `models.dataset_hash`); null when there were none. */
  datasetHash: string | null;
  parameters: Record<string, unknown>;
  /** Wall time of each stage. */
  timingsMs: Record<string, number>;
  /** Every file of the version folder but the manifest, with its size and SHA-256. */
  files: { path: string; bytes: number; sha256: string }[];
}

/** One version as listed: the shape of a `models` row, from the files or from the table. */
export interface ModelVersion {
  kind: ModelKind;
  name: string;
  version: string;
  /** The version folder. */
  path: string;
  metrics: Metrics;
  datasetHash: string | null;
  createdAt: Date;
  /** When it last became `latest`; null when it never was. */
  promotedAt: Date | null;
  isLatest: boolean;
}

/** A committed version read from its folder. */
export interface Version extends ModelVersion {
  manifest: Manifest;
}

/**
 * When a version may replace the latest one. `metric` must be a number in its `metrics.json`;
 * `min` is a floor; `mustBeat: 'latest'` refuses a version that scores below the current latest
 * (a tie passes: the newer version was trained on at least as much data).
 * @example { metric: 'top1', min: 0.8, mustBeat: 'latest' }
 */
export interface Gate {
  metric: string;
  min?: number;
  mustBeat?: 'latest';
  /** Whether a higher value is better (accuracy) or a lower one (loss, error rate). @default true */
  higherIsBetter?: boolean;
}

export type PromotionCode =
  'promoted' | 'below-floor' | 'worse-than-latest' | 'missing-metric' | 'already-latest';

export interface PromotionResult {
  promoted: boolean;
  code: PromotionCode;
  /** Why, in a sentence: what was compared with what. */
  reason: string;
  version: ModelVersion;
  /** The latest version before this call (still the latest when refused). */
  previous: ModelVersion | null;
  /** The outcome of the configured reload URL, when one is set and the latest changed. */
  notification?: NotificationOutcome;
}

export interface RollbackResult {
  /** The version now latest. */
  version: ModelVersion;
  /** The version rolled back from. */
  previous: ModelVersion;
  notification?: NotificationOutcome;
}

export interface NotificationOutcome {
  url: string;
  ok: boolean;
  status?: number;
  error?: string;
}

/** The latest version of a model changed: serving should load `dir`. */
export interface LatestChange {
  kind: ModelKind;
  name: string;
  version: string;
  previous: string | null;
  dir: string;
  /** `promote` and `rollback` in this process; `refresh` when another process changed it. */
  action: 'promote' | 'rollback' | 'refresh';
}

export interface ModelStoreEvents {
  'latest-changed': [LatestChange];
}

/** One line of a model's `promotions.jsonl`. */
export interface PromotionLogEntry {
  at: string;
  action: 'promote' | 'rollback';
  version: string;
  previous: string | null;
  gate: Gate | null;
}

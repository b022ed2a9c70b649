import type { ProgressEvent } from '../../core/index.js';
import type { RecordAttributes } from '../../datasets/index.js';

/** What the attribute model reads: a training record's id (for the held-out split) and its attributes. */
export interface AttributeModelRecord {
  /** Stable across runs: the held-out split is a hash of it, so one record stays on one side. */
  id: string | number;
  attributes: RecordAttributes;
}

/**
 * How a target's label is read from its attribute: `label` takes a string value as one class; a
 * `category-path` is the whole path (top level first) as one class; `category-top` its first element.
 */
export type TargetKind = 'label' | 'category-path' | 'category-top';

/** One value the model can predict for a target, with how often the planning records had it. */
export interface TargetClass {
  /** Normalized key: case-folded, spaces collapsed; a path joined with ` > `. */
  key: string;
  /** The value written into a record: the most frequent spelling (a path as a string array). */
  value: string | string[];
  count: number;
}

export interface PlannedTarget {
  /** `brand`, `category`, `category.top`, `color`, … */
  id: string;
  /** The record attribute it reads and fills. */
  attribute: string;
  kind: TargetKind;
  /** Classes with enough examples, most frequent first; records with other values are left out. */
  classes: TargetClass[];
  labelledRecords: number;
}

/** Why an attribute is, or is not, a target: one line per attribute, for the job log and the API. */
export interface AttributeDecision {
  id: string;
  attribute: string;
  target: boolean;
  labelledRecords: number;
  /** Distinct values among the labelled records. */
  distinctValues: number;
  /** Values with at least `minExamplesPerClass` examples. */
  classes: number;
  /** @example 'brand: 34 labelled records, needs at least 50 — mine more pages of this topic' */
  reason: string;
}

export interface AttributeModelPlan {
  recordCount: number;
  /** Records with a name or a description: the ones the model can read. */
  readableRecords: number;
  targets: PlannedTarget[];
  decisions: AttributeDecision[];
  /** Set when nothing can be trained; says what is missing and how much more is needed. */
  refusal: string | null;
  options: ResolvedAttributeModelPlanOptions;
}

export interface AttributeModelPlanOptions {
  /** Records with a name or description needed before anything is trained. @default 50 */
  minRecords?: number;
  /** Labelled records an attribute needs to be a target. @default 50 */
  minLabelledRecords?: number;
  /** Examples a value needs to count as a class; rarer values are left out of training. @default 5 */
  minExamplesPerClass?: number;
  /** Classes an attribute needs to be worth learning. @default 2 */
  minClasses?: number;
  /** More classes than this and the attribute is refused (it is likely free text). @default 500 */
  maxClasses?: number;
  /** Distinct values over labelled records above this and the attribute looks like an identifier. @default 0.5 */
  maxDistinctRatio?: number;
  /** Observed values below this confidence are neither labels nor features. @default 0.5 */
  minLabelConfidence?: number;
  /** Also learn the category's top level, the fallback when the full path is uncertain. @default true */
  categoryTopLevel?: boolean;
  /** Attributes never made targets (they stay features). @default [] (besides the built-in list) */
  exclude?: readonly string[];
}

export type ResolvedAttributeModelPlanOptions = Required<AttributeModelPlanOptions>;

/** Progress by stage: `features`, `train` (one event per epoch), `evaluate`. */
export interface AttributeModelProgress extends ProgressEvent {
  stage: 'features' | 'train' | 'evaluate';
  /** 0..1 over the whole training run. */
  fraction: number;
  epoch?: number;
  epochs?: number;
  /** Mean training loss over the epoch. */
  loss?: number;
}

export interface TrainAttributeModelOptions {
  /** Same records, same seed, same backend: same weights and metrics. @default 42 */
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (progress: AttributeModelProgress) => void;
  /** Written into predicted values' `source` as `model:<version>`. @default 'draft' */
  version?: string;
  /** @default 10 */
  epochs?: number;
  /** @default 128 */
  batchSize?: number;
  /** Units of the hidden layer the heads share; 0 makes one softmax regression per target. @default 0 */
  hiddenUnits?: number;
  /** Adam's step size. @default 0.02 */
  learningRate?: number;
  /** Decoupled weight decay (AdamW) on the kernels, per step, as a share of `learningRate`. @default 0 */
  weightDecay?: number;
  /** L2 penalty in the gradient of the first layer's rows a step uses (lazy, as the Adam step). @default 3e-4 */
  l2?: number;
  /** Hashed feature space of 2^hashBits columns. @default 15 */
  hashBits?: number;
  /** Share of the records held out for evaluation (by a hash of the id and the seed). @default 0.2 */
  heldOutShare?: number;
  /**
   * A target predicts no better than its most frequent class unless its held-out error is this share
   * lower than the baseline's; `predictMissing` then leaves it alone. @default 0.1
   */
  minErrorReduction?: number;
  /**
   * Attributes whose words are taken out of the name and description of half the training rows, so that
   * the model also learns to find them where a page does not say them (a page that hides its brand hides
   * it from its text too). Not for attributes the text always states (a variant's colour). @default ['brand']
   */
  maskInText?: readonly string[];
}

export type ResolvedTrainAttributeModelOptions = Required<
  Omit<TrainAttributeModelOptions, 'signal' | 'onProgress'>
>;

export interface TargetMetrics {
  accuracy: number;
  /** Unweighted mean of per-class F1 over the classes in the held-out labels or predictions (scikit-learn's). */
  macroF1: number;
  /** Accuracy of always answering the most frequent training class. */
  baselineAccuracy: number;
  /** Held-out records with this target labelled. */
  support: number;
  trainExamples: number;
  classes: number;
  /** Beats the baseline by `minErrorReduction`: `predictMissing` fills it. */
  usable: boolean;
}

export interface AttributeModelMetrics {
  /** The single figure the promotion gate compares: see `summaryScore`. */
  summaryMetric: 'mean-macro-f1';
  summary: number;
  targets: Record<string, TargetMetrics>;
  trainRecords: number;
  heldOutRecords: number;
  backend: string;
  featureSeconds: number;
  trainSeconds: number;
  evaluateSeconds: number;
}

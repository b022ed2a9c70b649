import { featureAttributes, featurizeRecords, fitIdf, weighRows, type FeatureSpec } from './features.js';
import { DEFAULT_CHAR_NGRAMS } from './features.js';
import { unitHash } from './hashing.js';
import { observedValue, readLabel } from './labels.js';
import { words } from './text-tokens.js';
import type { SparseRows } from './sparse-rows.js';
import type { AttributeModelPlan, AttributeModelRecord, PlannedTarget } from './types.js';

/** Everything the learner sees: weighted feature rows, the split, and each target's class per row. */
export interface TrainingSet {
  spec: FeatureSpec;
  rows: SparseRows;
  /** 1 where the row is held out for evaluation. */
  heldOut: Uint8Array;
  /** `labels[t][row]`: index into target t's classes, or −1 (unlabelled, or a value left out as rare). */
  labels: Int32Array[];
  /**
   * The text groups again, without the words of the row's own values of the `maskInText` attributes (its
   * brand): the page as it would read had it hidden them. Training reads it for some rows; null when no
   * row has such words.
   */
  maskedText: SparseRows | null;
}

export interface TrainingSetOptions {
  hashBits: number;
  seed: number;
  heldOutShare: number;
  maskInText: readonly string[];
}

/**
 * Featurize the records for a plan. Deterministic: the split is a hash of each record's id and the seed
 * (not of its position), so a record stays on its side when others are added, and the same inputs give
 * the same rows. The IDF is fitted on the training side only.
 */
export function buildTrainingSet(
  records: readonly AttributeModelRecord[],
  plan: AttributeModelPlan,
  options: TrainingSetOptions,
): TrainingSet {
  const minConfidence = plan.options.minLabelConfidence;
  const draft: Omit<FeatureSpec, 'idf'> = {
    hashBits: options.hashBits,
    charNgrams: DEFAULT_CHAR_NGRAMS,
    minConfidence,
    attributes: featureAttributes(records),
    targetAttributes: [...new Set(plan.targets.map((t) => t.attribute))],
  };
  const rows = featurizeRecords(records, draft);
  const heldOut = new Uint8Array(records.length);
  const fitRows = new Uint8Array(records.length);
  records.forEach((record, row) => {
    heldOut[row] = unitHash(String(record.id), options.seed) < options.heldOutShare ? 1 : 0;
    fitRows[row] = 1 - heldOut[row]!;
  });
  const idf = fitIdf(rows, fitRows);
  weighRows(rows, idf);
  const labels = plan.targets.map((target) => labelRows(records, target, minConfidence));
  const masks = records.map((record) => labelWords(record, options.maskInText, minConfidence));
  let maskedText: SparseRows | null = null;
  if (masks.some((mask) => mask !== null)) {
    maskedText = featurizeRecords(records, draft, { textOnly: true, maskWords: (row) => masks[row] ?? null });
    weighRows(maskedText, idf);
  }
  return { spec: { ...draft, idf }, rows, heldOut, labels, maskedText };
}

/** The words of the record's observed string values of `attributes`, or null when there are none. */
function labelWords(
  record: AttributeModelRecord,
  attributes: readonly string[],
  minConfidence: number,
): Set<string> | null {
  const found = new Set<string>();
  for (const attribute of attributes) {
    const label = readLabel('label', observedValue(record.attributes[attribute], minConfidence));
    if (label && typeof label.value === 'string') for (const word of words(label.value)) found.add(word);
  }
  return found.size > 0 ? found : null;
}

export function labelRows(
  records: readonly AttributeModelRecord[],
  target: PlannedTarget,
  minConfidence: number,
): Int32Array {
  const index = new Map(target.classes.map((c, i) => [c.key, i]));
  const labels = new Int32Array(records.length).fill(-1);
  records.forEach((record, row) => {
    const label = readLabel(target.kind, observedValue(record.attributes[target.attribute], minConfidence));
    if (label) labels[row] = index.get(label.key) ?? -1;
  });
  return labels;
}

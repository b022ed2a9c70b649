import { hasValue, type RecordAttributes } from './record-attributes.js';
import { PRODUCT_FIELD_WEIGHTS, type TopicRules } from './topic-rules.js';

export interface RecordScore {
  /** 0-100, see `scoreRecord`. */
  quality: number;
  /** Required attributes that are missing, or present below the topic's confidence bar (`brand:low-confidence`). */
  missingFields: string[];
  needsTrainingData: boolean;
}

// A predicted value is worth less than the same value read from the page.
const PREDICTED_DISCOUNT = 0.8;
// Each recorded doubt (bad GTIN, conflicting prices…) costs this many points.
const ISSUE_PENALTY = 3;

/**
 * Score a record and flag what it lacks.
 *
 * Quality: every known attribute has a weight (`PRODUCT_FIELD_WEIGHTS`; a required attribute not listed
 * there weighs 8); a present attribute earns its weight × its confidence (× 0.8 when predicted); the sum
 * over the weights of the known and required attributes, scaled to 100, minus 3 points per recorded issue.
 *
 * `needs_training_data`: a required attribute is missing, or its confidence is below `minConfidence`.
 * A predicted value at or above the bar satisfies the requirement (the record is then complete, and says
 * which values were predicted).
 */
export function scoreRecord(attributes: RecordAttributes, rules: TopicRules, issueCount = 0): RecordScore {
  const weights = new Map(Object.entries(PRODUCT_FIELD_WEIGHTS));
  for (const field of rules.requiredFields) if (!weights.has(field)) weights.set(field, 8);
  let earned = 0;
  let total = 0;
  for (const [field, weight] of weights) {
    total += weight;
    const attribute = attributes[field];
    if (!hasValue(attribute)) continue;
    const confidence = Math.min(1, Math.max(0, attribute.confidence));
    earned += weight * confidence * (attribute.predicted ? PREDICTED_DISCOUNT : 1);
  }
  const quality = Math.max(0, Math.min(100, Math.round((100 * earned) / total) - ISSUE_PENALTY * issueCount));
  const missingFields: string[] = [];
  for (const field of rules.requiredFields) {
    const attribute = attributes[field];
    if (!hasValue(attribute)) missingFields.push(field);
    else if (attribute.confidence < rules.minConfidence) missingFields.push(`${field}:low-confidence`);
  }
  return { quality, missingFields, needsTrainingData: missingFields.length > 0 };
}

import { InvalidInputError } from '../core/index.js';

/** What a topic's records must have; a record short of it is flagged `needs_training_data`. */
export interface TopicRules {
  /** Attributes every record of the topic needs. */
  requiredFields: readonly string[];
  /** A required value below this confidence counts as doubtful. */
  minConfidence: number;
  /** The held-out score a new model must reach to be promoted (it must also beat the current one). */
  modelFloor: number;
  /** Queue a training job when a mining job leaves records that need training data. */
  autoTrain: boolean;
}

/** The product attributes a record can carry, with the weight each has in the record's quality score. */
export const PRODUCT_FIELD_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  name: 16,
  price: 18,
  currency: 8,
  availability: 10,
  brand: 10,
  category: 10,
  description: 8,
  sku: 6,
  gtin: 5,
  mpn: 3,
  images: 6,
});

export const DEFAULT_TOPIC_RULES: TopicRules = Object.freeze({
  requiredFields: Object.freeze(['name', 'price', 'currency', 'availability', 'brand', 'category']),
  minConfidence: 0.6,
  modelFloor: 0.5,
  autoTrain: true,
});

/** Per-topic overrides as stored (null: use the default). */
export interface TopicRulesPatch {
  requiredFields?: readonly string[] | null | undefined;
  minConfidence?: number | null | undefined;
  modelFloor?: number | null | undefined;
  autoTrain?: boolean | null | undefined;
}

export function resolveTopicRules(
  patch: TopicRulesPatch | null,
  defaults: TopicRules = DEFAULT_TOPIC_RULES,
): TopicRules {
  return Object.freeze({
    requiredFields: Object.freeze([...(patch?.requiredFields ?? defaults.requiredFields)]),
    minConfidence: patch?.minConfidence ?? defaults.minConfidence,
    modelFloor: patch?.modelFloor ?? defaults.modelFloor,
    autoTrain: patch?.autoTrain ?? defaults.autoTrain,
  });
}

/** Check a patch from a user: known fields, numbers in range; errors name the field and the fix. */
export function validateTopicRulesPatch(patch: TopicRulesPatch): TopicRulesPatch {
  if (patch.requiredFields) {
    if (patch.requiredFields.length === 0)
      throw new InvalidInputError(
        'requiredFields',
        'requiredFields must name at least one attribute, e.g. ["name", "price"]',
      );
    for (const [i, field] of patch.requiredFields.entries())
      if (!/^[a-z][a-z0-9_]{0,63}$/i.test(field))
        throw new InvalidInputError(
          `requiredFields.${i}`,
          `requiredFields.${i}: "${field}" is not an attribute name (letters, digits and _, e.g. "brand")`,
        );
  }
  for (const key of ['minConfidence', 'modelFloor'] as const) {
    const value = patch[key];
    if (value !== null && value !== undefined && !(value >= 0 && value <= 1))
      throw new InvalidInputError(key, `${key} must be a number from 0 to 1, got ${String(value)}`);
  }
  return patch;
}

/** The configured defaults that topics without rules of their own use. */
export function topicRulesFromConfig(config: {
  recordRequiredFields: readonly string[];
  recordMinConfidence: number;
  topicModelFloor: number;
  autoTrain: boolean;
}): TopicRules {
  return resolveTopicRules({
    requiredFields: config.recordRequiredFields,
    minConfidence: config.recordMinConfidence,
    modelFloor: config.topicModelFloor,
    autoTrain: config.autoTrain,
  });
}

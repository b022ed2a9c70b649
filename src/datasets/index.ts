import { registerProfile } from '../profiles/index.js';
import { productProfile } from './product-profile.js';

// The product profile is a dataset's profile: it reuses the normalization, which profiles/ sits above.
registerProfile(productProfile);

export { hasValue, type RecordAttribute, type RecordAttributes } from './record-attributes.js';
export {
  DEFAULT_TOPIC_RULES,
  PRODUCT_FIELD_WEIGHTS,
  resolveTopicRules,
  topicRulesFromConfig,
  validateTopicRulesPatch,
  type TopicRules,
  type TopicRulesPatch,
} from './topic-rules.js';
export { scoreRecord, type RecordScore } from './record-score.js';
export { productProfile, productAttributesOf, type ProductProfileAttributes } from './product-profile.js';
export { productRecord, PRODUCT_EXTRACTOR_VERSION, type ProductRecord } from './product-record.js';

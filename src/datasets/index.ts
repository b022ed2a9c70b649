export { hasValue, type RecordAttribute, type RecordAttributes } from './record-attributes.js';
export {
  DEFAULT_TOPIC_RULES,
  PRODUCT_FIELD_WEIGHTS,
  resolveTopicRules,
  validateTopicRulesPatch,
  type TopicRules,
  type TopicRulesPatch,
} from './topic-rules.js';
export { scoreRecord, type RecordScore } from './record-score.js';

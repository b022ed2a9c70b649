export { listProfiles, registerProfile, resolveProfiles } from './registry.js';
export type {
  Profile,
  AttributeSpec,
  Attributes,
  CdpDomain,
  GatherContext,
  PageSnapshot,
} from './profile.js';
export { describeProfile, profilesMarkdown, type ProfileDescription } from './describe.js';
// The built-in profiles register themselves when this module loads.
export { BUILTIN_PROFILES } from './builtin.js';
export { seoOptimizer, type SeoAttributes } from './seo-optimizer/index.js';
export { performanceOptimizer, type PerformanceAttributes } from './performance-optimizer/index.js';
export { accessibilityAnalyzer, type AccessibilityAttributes } from './accessibility-analyzer/index.js';
export {
  designSystemAnalyzer,
  type DesignSystemAttributes,
  type DesignToken,
} from './design-system-analyzer/index.js';
export {
  componentGenerator,
  type ComponentAttributes,
  type Component as DetectedComponent,
} from './component-generator/index.js';
export { uxPatternAnalyzer, type UxAttributes } from './ux-pattern-analyzer/index.js';
export {
  workflowPredictor,
  type WorkflowAttributes,
  type Flow as WorkflowFlow,
  type FlowStep as WorkflowStep,
  type Action as WorkflowAction,
} from './workflow-predictor/index.js';
export {
  schemaLinker,
  schemaLinkPatternUpserts,
  tableFor,
  type SchemaLinkerAttributes,
  type SchemaLink,
  type SchemaLinkPatternUpsert,
  type Relationship as SchemaLinkRelationship,
} from './schema-linker/index.js';

import { accessibilityAnalyzer } from './accessibility-analyzer/index.js';
import { componentGenerator } from './component-generator/index.js';
import { designSystemAnalyzer } from './design-system-analyzer/index.js';
import { performanceOptimizer } from './performance-optimizer/index.js';
import type { Profile } from './profile.js';
import { registerProfile } from './registry.js';
import { schemaLinker } from './schema-linker/index.js';
import { seoOptimizer } from './seo-optimizer/index.js';
import { uxPatternAnalyzer } from './ux-pattern-analyzer/index.js';
import { workflowPredictor } from './workflow-predictor/index.js';

/** The profiles that ship with Gleaner, in the order they are listed; registered when the module loads. */
export const BUILTIN_PROFILES: readonly Profile[] = [
  seoOptimizer,
  performanceOptimizer,
  accessibilityAnalyzer,
  designSystemAnalyzer,
  componentGenerator,
  uxPatternAnalyzer,
  workflowPredictor,
  schemaLinker,
];

for (const profile of BUILTIN_PROFILES) registerProfile(profile);

import type { Attributes, Profile } from '../profile.js';
import { axePageScripts, gatherAccessibility, type AccessibilityRaw } from './gather.js';
import { accessibilityQuality } from './quality.js';
import {
  ACCESSIBILITY_ATTRIBUTES,
  ACCESSIBILITY_QUALITY_RULE,
  type AccessibilityAttributes,
} from './spec.js';
import { accessibilityAttributes } from './to-attributes.js';

export type { AccessibilityAttributes } from './spec.js';

/**
 * `accessibility_analyzer`: axe-core's WCAG A/AA and best-practice rules run in the page (violations by
 * rule and impact, contrast failures), the accessibility tree from CDP (roles, unnamed interactive
 * nodes, landmarks), form labels and the keyboard focus order.
 */
export const accessibilityAnalyzer: Profile<AccessibilityRaw> = {
  name: 'accessibility_analyzer',
  description:
    'Accessibility: axe-core violations by rule and impact, the accessibility tree, landmarks, form labels, contrast failures and focus order',
  needsBrowser: true,
  cdpDomains: ['Accessibility'],
  // axe-core keeps the renderer busy for ~40 ms a page: it runs after the reading profiles, alone.
  exclusive: true,
  pageScripts: axePageScripts,
  attributes: ACCESSIBILITY_ATTRIBUTES,
  qualityRule: ACCESSIBILITY_QUALITY_RULE,
  gather: gatherAccessibility,
  toAttributes: accessibilityAttributes,
  quality(attributes: Attributes): number {
    return accessibilityQuality(attributes as AccessibilityAttributes);
  },
};

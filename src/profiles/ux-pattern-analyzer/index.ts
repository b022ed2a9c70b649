import type { Attributes, Profile } from '../profile.js';
import { gatherUxPatterns } from './gather.js';
import type { UxScan } from './in-page.js';
import { uxQuality } from './quality.js';
import { UX_ATTRIBUTES, UX_QUALITY_RULE, type UxAttributes } from './spec.js';
import { uxAttributes } from './to-attributes.js';

export type { UxAttributes } from './spec.js';

/**
 * `ux_pattern_analyzer`: the interface patterns of the page (navigation, forms, calls to action, modals,
 * search, pagination, breadcrumbs, cards, lists, tabs and accordions) with their boxes in the rendered
 * layout; one evaluation in the page.
 */
export const uxPatternAnalyzer: Profile<UxScan> = {
  name: 'ux_pattern_analyzer',
  description:
    'UX patterns with their positions: navigation, forms, calls to action, modals, search, pagination, breadcrumbs, cards and lists, tabs and accordions',
  needsBrowser: true,
  cdpDomains: [],
  attributes: UX_ATTRIBUTES,
  qualityRule: UX_QUALITY_RULE,
  gather: gatherUxPatterns,
  toAttributes: uxAttributes,
  quality(attributes: Attributes): number {
    return uxQuality(attributes as UxAttributes);
  },
};

import type { Attributes, Profile } from '../profile.js';
import { gatherDesignSystem, type DesignSystemRaw } from './gather.js';
import { designSystemQuality } from './quality.js';
import { DESIGN_SYSTEM_ATTRIBUTES, DESIGN_SYSTEM_QUALITY_RULE, type DesignSystemAttributes } from './spec.js';
import { designSystemAttributes } from './to-attributes.js';

export type { DesignSystemAttributes, DesignToken } from './spec.js';

/**
 * `design_system_analyzer`: the page's design tokens as rendered: colour palette, type scale, spacing
 * scale, radii, shadows (one CDP DOMSnapshot with computed styles), breakpoints (CSS.getMediaQueries) and
 * the root's custom properties, also written as W3C design tokens.
 */
export const designSystemAnalyzer: Profile<DesignSystemRaw> = {
  name: 'design_system_analyzer',
  description:
    'Design tokens as rendered: colour palette, type scale, spacing scale, radii, shadows, breakpoints and CSS custom properties',
  needsBrowser: true,
  cdpDomains: ['DOM', 'CSS', 'DOMSnapshot'],
  attributes: DESIGN_SYSTEM_ATTRIBUTES,
  qualityRule: DESIGN_SYSTEM_QUALITY_RULE,
  gather: gatherDesignSystem,
  toAttributes: designSystemAttributes,
  quality(attributes: Attributes): number {
    return designSystemQuality(attributes as DesignSystemAttributes);
  },
};

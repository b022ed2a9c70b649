import type { Attributes, Profile } from '../profile.js';
import { gatherComponents } from './gather.js';
import type { ComponentScan } from './in-page.js';
import { componentQuality } from './quality.js';
import { COMPONENT_ATTRIBUTES, COMPONENT_QUALITY_RULE, type ComponentAttributes } from './spec.js';
import { componentAttributes } from './to-attributes.js';

export type { ComponentAttributes, Component } from './spec.js';

/**
 * `component_generator`: the page's repeated DOM subtrees grouped into components by structural
 * signature, each with its structure, prop-like variations, layout, styles, breakpoints, ARIA and state
 * patterns and a reusability score; one evaluation in the page.
 */
export const componentGenerator: Profile<ComponentScan> = {
  name: 'component_generator',
  description:
    'Reusable UI components: repeated DOM subtrees grouped by structural signature, with structure, prop-like variations, styles, layout, breakpoints, ARIA and state patterns and a reusability score',
  needsBrowser: true,
  cdpDomains: [],
  attributes: COMPONENT_ATTRIBUTES,
  qualityRule: COMPONENT_QUALITY_RULE,
  gather: gatherComponents,
  toAttributes: componentAttributes,
  quality(attributes: Attributes): number {
    return componentQuality(attributes as ComponentAttributes);
  },
};

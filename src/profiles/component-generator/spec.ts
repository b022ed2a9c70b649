import type { AttributeSpec } from '../profile.js';
import type { FoundProp } from './in-page.js';

export interface Component {
  name: string;
  /** Short hash of the structural signature (tag and class skeleton, three levels deep). */
  signature: string;
  tag: string;
  instances: number;
  /** Elements in one instance. */
  elements: number;
  /** The skeleton of the first instance, two levels deep: `li.card > (a > (img + h3) + p.price)`. */
  structure: string;
  props: FoundProp[];
  /** flex, grid, block, inline, table or other: the instance root's own layout. */
  layout: string;
  /** How the instances are laid out together: their container's layout. */
  containerLayout: string;
  styles: Record<string, string>;
  breakpoints: string[];
  aria: string[];
  states: string[];
  reusability: number;
  box: { x: number; y: number; width: number; height: number };
}

/** What the component profile yields for a page; every key is one of `COMPONENT_ATTRIBUTES`. */
export type ComponentAttributes = {
  components: Component[];
  component_count: number;
  instance_count: number;
  top_component: string | null;
  layout_methods: Record<string, number>;
  prop_count: number;
  style_patterns: { pattern: string; components: string[] }[];
  responsive_breakpoints: string[];
  aria_patterns: string[];
  state_patterns: string[];
  mean_reusability: number;
  coverage: number;
  nesting: { parent: string; child: string }[];
};

export const COMPONENT_ATTRIBUTES: AttributeSpec[] = [
  {
    name: 'components',
    type: 'object[]',
    description:
      'Repeated DOM subtrees grouped by structural signature (tag and class skeleton): name, instances, structure, prop-like variations, layout, styles, breakpoints, ARIA and state patterns, reusability (0-1), position of the first instance',
  },
  { name: 'component_count', type: 'number', description: 'Components found (at most 20 are described)' },
  { name: 'instance_count', type: 'number', description: 'Instances of those components on the page' },
  { name: 'top_component', type: 'string', description: 'The component with the most instances × elements' },
  {
    name: 'layout_methods',
    type: 'object',
    description:
      'How components and their containers are laid out: counts of flex, grid, block, inline, table, other',
  },
  {
    name: 'prop_count',
    type: 'number',
    description: 'Prop-like slots (texts and attributes varying between instances)',
  },
  {
    name: 'style_patterns',
    type: 'object[]',
    description:
      'Style combinations (display, radius, shadow, padding) shared by components, with the components using each',
  },
  {
    name: 'responsive_breakpoints',
    type: 'string[]',
    description: 'Media queries of same-origin stylesheets that restyle a component or its container',
  },
  {
    name: 'aria_patterns',
    type: 'string[]',
    description: 'Roles and aria-* attributes used inside components',
  },
  {
    name: 'state_patterns',
    type: 'string[]',
    description:
      'State attributes and classes seen on instances (aria-expanded, aria-current, disabled, class:active…)',
  },
  { name: 'mean_reusability', type: 'number', description: 'Mean reusability of the components (0-1)' },
  {
    name: 'coverage',
    type: 'number',
    description: 'Share of the body’s elements inside a component instance (0-1)',
  },
  {
    name: 'nesting',
    type: 'object[]',
    description: 'Components found inside instances of others (parent, child)',
  },
];

export const REUSABILITY_RULE =
  'reusability = 0.4 × min(1, (instances − 1) ÷ 5) + 0.3 × min(1, props ÷ 3) + 0.15 × (has a class name) + ' +
  '0.15 × (3 to 60 elements: 1, else 0.5)';

export const COMPONENT_QUALITY_RULE =
  `How much reusable structure the page shows, × 100 and rounded: 0.4 × min(1, components with ≥ 3 instances ÷ 3) + ` +
  `0.3 × mean reusability + 0.3 × min(1, coverage ÷ 0.5). Per component, ${REUSABILITY_RULE}.`;

import type { AttributeSpec } from '../profile.js';

/** A W3C Design Tokens (DTCG) token. */
export interface DesignToken {
  $value: string;
  $type: 'color' | 'dimension' | 'fontFamily' | 'fontWeight' | 'shadow' | 'number' | 'string';
}

/** What the design-system profile yields for a page; every key is one of `DESIGN_SYSTEM_ATTRIBUTES`. */
export type DesignSystemAttributes = {
  color_palette: { hex: string; count: number; roles: string[]; token: string | null }[];
  font_families: { family: string; count: number }[];
  type_scale: { sizePx: number; count: number; weights: number[] }[];
  type_scale_ratio: number | null;
  spacing_scale: { px: number; count: number }[];
  spacing_base_px: number | null;
  radii: { value: string; count: number }[];
  shadows: { value: string; count: number }[];
  breakpoints: { px: number; features: string[]; queries: number }[];
  custom_properties: { name: string; value: string; kind: string }[];
  design_tokens: Record<string, Record<string, DesignToken>>;
  consistency: {
    colors: number;
    fontSizes: number;
    spacingValues: number;
    /** Share of colour uses covered by the 8 most used colours. */
    colorCoverage: number;
    /** Share of spacing uses that are multiples of the base unit (null without one). */
    spacingOnScale: number | null;
  };
  elements_sampled: number;
};

export const DESIGN_SYSTEM_ATTRIBUTES: AttributeSpec[] = [
  {
    name: 'color_palette',
    type: 'object[]',
    description:
      'Colours in use as hex, most used first (up to 24): uses, roles (text, background, border) and the custom property naming it',
  },
  {
    name: 'font_families',
    type: 'object[]',
    description: 'Font families of the rendered text (first of each stack) and uses',
  },
  {
    name: 'type_scale',
    type: 'object[]',
    description:
      'Font sizes of the rendered text in px, smallest first, with uses and the weights seen at each size',
  },
  {
    name: 'type_scale_ratio',
    type: 'number',
    description: 'Median ratio between consecutive font sizes of the scale (e.g. 1.25 for a major third)',
  },
  {
    name: 'spacing_scale',
    type: 'object[]',
    description:
      'Margin, padding and gap values in px (non-zero), smallest first, with uses (up to 16 most used)',
  },
  {
    name: 'spacing_base_px',
    type: 'number',
    description:
      'The base unit (8, 4 or 2 px) that at least 70% of spacing uses are multiples of; null when none',
  },
  { name: 'radii', type: 'object[]', description: 'Border radii in use, most used first' },
  { name: 'shadows', type: 'object[]', description: 'Box shadows in use, most used first' },
  {
    name: 'breakpoints',
    type: 'object[]',
    description:
      'Width breakpoints of the stylesheets’ media queries (CDP CSS.getMediaQueries): px, features, queries',
  },
  {
    name: 'custom_properties',
    type: 'object[]',
    description:
      'CSS custom properties on the root element with their values and kind (color, length, shadow, font, number)',
  },
  {
    name: 'design_tokens',
    type: 'object',
    description:
      'The above as W3C design tokens (DTCG: $value, $type) grouped as color, fontFamily, fontSize, spacing, radius, shadow, breakpoint',
  },
  {
    name: 'consistency',
    type: 'object',
    description:
      'Distinct colours, font sizes and spacing values; share of colour uses covered by the top 8; share of spacing on the base unit',
  },
  {
    name: 'elements_sampled',
    type: 'number',
    description: 'Rendered elements and text runs the styles were read from',
  },
];

export const DESIGN_SYSTEM_QUALITY_RULE =
  'How systematic the design is, × 100 and rounded: 25 × palette discipline (1 up to 12 distinct colours, falling ' +
  'linearly to 0 at 40) + 20 × share of spacing uses on the base unit (0 without a base unit) + 20 × type-scale ' +
  'discipline (distinct font sizes: 1 for 3 to 8, n ÷ 3 below 3, falling linearly to 0 at 16 above 8) + ' +
  '20 × min(1, custom properties ÷ 8) + 15 × min(1, width breakpoints ÷ 2). A page with no rendered elements scores 0.';

import type { AttributeSpec } from '../profile.js';

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';

/** What the accessibility profile yields for a page; every key is one of `ACCESSIBILITY_ATTRIBUTES`. */
export type AccessibilityAttributes = {
  violations: {
    rule: string;
    impact: Impact | null;
    help: string;
    /** Elements affected. */
    nodes: number;
    /** CSS selectors of the first affected elements. */
    targets: string[];
    /** WCAG success criteria and levels the rule maps to (wcag2a, wcag143, …). */
    tags: string[];
  }[];
  violation_count: number;
  violations_by_impact: Record<Impact, number>;
  rules_violated: string[];
  ax_tree: { nodes: number; ignored: number; roles: Record<string, number> };
  unnamed_interactive: { role: string; count: number }[];
  landmarks: { role: string; name: string }[];
  form_labels: {
    controls: number;
    labelled: number;
    unlabelled: { tag: string; type: string; name: string; id: string }[];
  };
  contrast_failures: {
    target: string;
    foreground: string | null;
    background: string | null;
    ratio: number | null;
    expected: number | null;
    fontSize: string | null;
  }[];
  focus_order: { index: number; tag: string; role: string | null; name: string; tabIndex: number }[];
  positive_tabindex: number;
  lang: string | null;
  axe_version: string | null;
};

export const ACCESSIBILITY_ATTRIBUTES: AttributeSpec[] = [
  {
    name: 'violations',
    type: 'object[]',
    description:
      'axe-core violations by rule (WCAG 2.0/2.1 A and AA, best practices but region; color-contrast from the bounded in-page check): impact, help text, affected elements, the first selectors and the WCAG tags',
  },
  {
    name: 'violation_count',
    type: 'number',
    description: 'Elements affected, summed over the violated rules',
  },
  {
    name: 'violations_by_impact',
    type: 'object',
    description: 'Affected elements per impact: critical, serious, moderate, minor',
  },
  {
    name: 'rules_violated',
    type: 'string[]',
    description: 'The ids of the violated axe rules, e.g. image-alt, label',
  },
  {
    name: 'ax_tree',
    type: 'object',
    description:
      'The accessibility tree (CDP Accessibility.getFullAXTree) summarized: nodes, ignored nodes, nodes per role',
  },
  {
    name: 'unnamed_interactive',
    type: 'object[]',
    description:
      'Interactive accessibility nodes (buttons, links, text boxes…) without an accessible name, per role',
  },
  {
    name: 'landmarks',
    type: 'object[]',
    description:
      'Landmark regions (banner, navigation, main, complementary, contentinfo, search, region, form) and names',
  },
  {
    name: 'form_labels',
    type: 'object',
    description:
      'Form controls, how many have a label (label element, aria-label, aria-labelledby or title), the unlabelled ones',
  },
  {
    name: 'contrast_failures',
    type: 'object[]',
    description:
      'Text failing WCAG AA colour contrast (4.5:1, 3:1 for large text; up to 1,500 text elements checked, text over images skipped): selector, foreground, background, ratio, the ratio required, font size',
  },
  {
    name: 'focus_order',
    type: 'object[]',
    description:
      'Keyboard focus order of the visible tabbable elements (positive tabindex first): tag, role, name, tabindex',
  },
  {
    name: 'positive_tabindex',
    type: 'number',
    description: 'Elements with a tabindex above 0 (they reorder focus)',
  },
  { name: 'lang', type: 'string', description: 'The <html lang> of the page; null when missing' },
  { name: 'axe_version', type: 'string', description: 'The axe-core version that ran' },
];

/** Points lost per violated rule, by impact. */
export const IMPACT_PENALTY: Record<Impact, number> = { critical: 12, serious: 8, moderate: 4, minor: 2 };

export const ACCESSIBILITY_QUALITY_RULE =
  '100 minus penalties, floored at 0. Each violated axe rule costs by impact: critical 12, serious 8, moderate 4, ' +
  'minor 2 (unknown impact 4), plus 1 per further affected element up to 5 more; each unnamed interactive ' +
  'accessibility node beyond those already counted costs 1 (at most 10 in all); a page without a main landmark loses 5.';

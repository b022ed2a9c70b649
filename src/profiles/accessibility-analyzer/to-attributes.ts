import type { PageSnapshot } from '../profile.js';
import type { AccessibilityRaw } from './gather.js';
import type { AccessibilityAttributes, Impact } from './spec.js';

const IMPACTS: readonly Impact[] = ['critical', 'serious', 'moderate', 'minor'];
const MAX_ROLES = 30;
// The in-page contrast check stands in for axe's rule of the same id, impact and WCAG criterion.
const CONTRAST_RULE = {
  rule: 'color-contrast',
  impact: 'serious',
  help: 'Elements must meet minimum color contrast ratio thresholds',
  tags: ['wcag2aa', 'wcag143'],
} as const;

export function accessibilityAttributes(raw: AccessibilityRaw, _page: PageSnapshot): AccessibilityAttributes {
  const { page, tree, contrast } = raw;
  const byImpact: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const violations = page.findings.map((f) => ({
    rule: f.rule,
    impact: IMPACTS.find((i) => i === f.impact) ?? null,
    help: f.help,
    nodes: f.nodes,
    targets: f.targets,
    tags: f.tags,
  }));
  if (contrast.failures > 0)
    violations.push({
      ...CONTRAST_RULE,
      tags: [...CONTRAST_RULE.tags],
      nodes: contrast.failures,
      targets: contrast.examples.map((e) => e.target),
    });
  for (const v of violations) if (v.impact) byImpact[v.impact] += v.nodes;
  const roles = Object.entries(tree?.roles ?? {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_ROLES);
  return {
    violations,
    violation_count: violations.reduce((sum, v) => sum + v.nodes, 0),
    violations_by_impact: byImpact,
    rules_violated: violations.map((v) => v.rule),
    ax_tree: { nodes: tree?.nodes ?? 0, ignored: tree?.ignored ?? 0, roles: Object.fromEntries(roles) },
    unnamed_interactive: Object.entries(tree?.unnamedInteractive ?? {})
      .map(([role, count]) => ({ role, count }))
      .sort((a, b) => b.count - a.count || a.role.localeCompare(b.role)),
    landmarks: tree?.landmarks ?? [],
    form_labels: { controls: page.controls, labelled: page.labelled, unlabelled: page.unlabelled },
    contrast_failures: contrast.examples,
    focus_order: page.focusOrder,
    positive_tabindex: page.positiveTabindex,
    lang: page.lang?.trim() || null,
    axe_version: raw.axeVersion,
  };
}

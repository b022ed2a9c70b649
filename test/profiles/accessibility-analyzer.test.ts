import { describe, expect, it } from 'vitest';
import { SkipError } from '../../src/core/index.js';
import { accessibilityAnalyzer, type AccessibilityAttributes } from '../../src/profiles/index.js';
import { expectDeclaredAttributes } from './declared-attributes.js';
import { labSuite } from './live-page-harness.js';

describe('accessibility_analyzer', () => {
  const lab = labSuite();

  const analyze = (path: string) => lab.run(path, accessibilityAnalyzer);

  it('finds the accessibility lab page’s known violations with their impacts', async () => {
    const truth = lab.site.truth.lab.accessibility;
    const run = await analyze(truth.path);
    expectDeclaredAttributes(accessibilityAnalyzer, run.attributes);
    const a = run.attributes as AccessibilityAttributes;
    for (const { rule, impact } of truth.violations)
      expect(a.violations.find((v) => v.rule === rule)?.impact, rule).toBe(impact);
    expect(a.rules_violated).toEqual(expect.arrayContaining(truth.violations.map((v) => v.rule)));
    expect(a.violation_count).toBe(a.violations.reduce((n, v) => n + v.nodes, 0));
    expect(a.violations_by_impact.critical).toBeGreaterThanOrEqual(4);
    expect(a.violations.find((v) => v.rule === 'image-alt')!.tags).toContain('wcag111');
    expect(a.lang).toBeNull();
    expect(a.axe_version).toMatch(/^4\.\d+\.\d+$/);
    expect(a.form_labels.unlabelled.map((c) => c.name).sort()).toEqual([...truth.unlabelledControls].sort());
    expect(a.form_labels.labelled).toBe(a.form_labels.controls - truth.unlabelledControls.length);
    expect(a.positive_tabindex).toBe(truth.positiveTabindex);
    // A positive tabindex moves its element to the front of the focus order.
    expect(a.focus_order[0]).toMatchObject({ tag: 'a', name: 'Contact us first', tabIndex: 3 });
    expect(a.contrast_failures[0]).toMatchObject({
      foreground: '#b8b8b8',
      background: '#ffffff',
      expected: 4.5,
    });
    expect(a.contrast_failures[0]!.ratio).toBeLessThan(2.5);
    expect(a.unnamed_interactive.map((u) => u.role)).toEqual(expect.arrayContaining(['button', 'link']));
    expect(a.landmarks.map((l) => l.role)).toEqual(expect.arrayContaining(['banner', 'main', 'contentinfo']));
    expect(a.ax_tree.nodes).toBeGreaterThan(50);
    expect(a.ax_tree.roles['button']).toBeGreaterThanOrEqual(3);
    expect(run.quality).toBeLessThan(40);
  });

  it('scores a page with few problems far above the lab page', async () => {
    const checkout = await analyze(lab.site.truth.lab.checkout.path);
    const a = checkout.attributes as AccessibilityAttributes;
    expect(a.lang).toBe('en');
    expect(a.form_labels.unlabelled).toEqual([]);
    expect(a.contrast_failures).toEqual([]);
    expect(checkout.quality).toBeGreaterThan(70);
    expect(accessibilityAnalyzer.quality(a)).toBe(checkout.quality);
  });

  it('needs the rendered page', async () => {
    await expect(accessibilityAnalyzer.gather({ url: lab.site.url, live: null })).rejects.toThrow(SkipError);
    await expect(accessibilityAnalyzer.gather({ url: lab.site.url, live: null })).rejects.toMatchObject({
      code: 'needs-browser',
    });
  });
});

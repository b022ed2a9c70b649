import { describe, expect, it } from 'vitest';
import { uxPatternAnalyzer, type UxAttributes } from '../../src/profiles/index.js';
import { expectDeclaredAttributes } from './declared-attributes.js';
import { labSuite } from './live-page-harness.js';

describe('ux_pattern_analyzer', () => {
  const lab = labSuite();

  const analyze = (path: string) => lab.run(path, uxPatternAnalyzer);

  it('finds the components lab page’s patterns with their positions', async () => {
    const truth = lab.site.truth.lab.components;
    const run = await analyze(truth.paths[0]!);
    expectDeclaredAttributes(uxPatternAnalyzer, run.attributes);
    const a = run.attributes as UxAttributes;
    expect(a.breadcrumbs).toMatchObject({ present: true, items: truth.breadcrumbs });
    expect(a.pagination).toMatchObject({
      present: true,
      pages: truth.paths.length,
      current: 1,
      hasNext: true,
      hasPrev: false,
    });
    expect(a.modals).toEqual([
      {
        label: truth.modal.label,
        open: false,
        trigger: truth.modal.trigger,
        box: { x: 0, y: 0, width: 0, height: 0 },
      },
    ]);
    expect(a.disclosures.filter((d) => d.kind === 'tabs')).toEqual([
      expect.objectContaining({ items: truth.tabs, label: 'Views' }),
    ]);
    expect(a.disclosures.filter((d) => d.kind === 'accordion')).toHaveLength(truth.accordions);
    expect(a.cards).toEqual([
      expect.objectContaining({ selector: 'li.card', count: truth.card.instances, hasImage: true }),
    ]);
    expect(a.search).toMatchObject({ present: true, inputName: 'q' });
    const cta = a.calls_to_action.find((c) => c.text === truth.callToAction)!;
    expect(cta).toMatchObject({ kind: 'link', prominent: true, aboveFold: true });
    expect(a.navigation.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['header', 'breadcrumb', 'pagination', 'footer']),
    );
    // Positions follow the page's order: header, breadcrumbs, cards, pagination, footer.
    const breadcrumbs = a.breadcrumbs.present ? a.breadcrumbs.box.y : -1;
    const pagination = a.pagination.present ? a.pagination.box.y : -1;
    expect(breadcrumbs).toBeGreaterThan(0);
    expect(a.cards[0]!.box.y).toBeGreaterThan(breadcrumbs);
    expect(pagination).toBeGreaterThan(a.cards[0]!.box.y);
    expect(a.patterns).toEqual(
      expect.arrayContaining([
        'navigation',
        'search',
        'breadcrumbs',
        'calls_to_action',
        'cards',
        'pagination',
        'modals',
        'disclosures',
      ]),
    );
    expect(a.above_the_fold).toEqual(
      expect.arrayContaining(['navigation', 'breadcrumbs', 'calls_to_action']),
    );
    expect(a.viewport.documentHeight).toBeGreaterThan(a.viewport.height);
    expect(run.quality).toBe(100);
  });

  it('knows where it is in the pagination', async () => {
    const a = (await analyze(lab.site.truth.lab.components.paths[1]!)).attributes as UxAttributes;
    expect(a.pagination).toMatchObject({ present: true, current: 2, hasNext: true, hasPrev: true });
  });

  it('classifies forms by purpose', async () => {
    const a = (await analyze('/contact')).attributes as UxAttributes;
    expect(a.forms.map((f) => f.purpose)).toEqual(['search', 'contact']);
    expect(a.forms[1]).toMatchObject({
      fields: 3,
      fieldTypes: ['text', 'email', 'textarea'],
      submit: 'Send',
      method: 'post',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { componentGenerator, type ComponentAttributes } from '../../src/profiles/index.js';
import { expectDeclaredAttributes } from './declared-attributes.js';
import { labSuite } from './live-page-harness.js';

describe('component_generator', () => {
  const lab = labSuite();

  const analyze = (path: string) => lab.run(path, componentGenerator);

  it('groups the lab page’s cards into one component with its props, layout, breakpoint and states', async () => {
    const truth = lab.site.truth.lab.components;
    const run = await analyze(truth.paths[0]!);
    expectDeclaredAttributes(componentGenerator, run.attributes);
    const a = run.attributes as ComponentAttributes;
    const card = a.components.find((c) => c.name === truth.card.className)!;
    expect(card).toBeDefined();
    expect(card).toMatchObject({
      tag: 'li',
      instances: truth.card.instances,
      layout: 'flex',
      containerLayout: 'grid',
    });
    expect(card.structure).toMatch(
      /^li\.card > \(img \+ h3\.card-title \+ p\.card-text \+ a\.btn\.btn-secondary\)$/,
    );
    expect(card.props.map((p) => p.name)).toEqual(expect.arrayContaining(truth.card.props));
    const title = card.props.find((p) => p.name === 'card-title')!;
    expect(title).toMatchObject({ source: 'text', attribute: null });
    expect(title.examples).toHaveLength(3);
    expect(card.props.find((p) => p.name === 'btn-href')).toMatchObject({
      source: 'attribute',
      attribute: 'href',
    });
    expect(card.breakpoints).toContain(truth.card.breakpoint);
    expect(card.states).toContain('class:is-featured');
    expect(card.styles).toMatchObject({ display: 'flex', borderRadius: '8px' });
    expect(card.reusability).toBe(1);
    expect(card.box.width).toBeGreaterThan(0);
    // The parts of a card are not components of their own.
    expect(a.components.some((c) => c.name === 'card-title')).toBe(false);
    expect(a.top_component).toBe(truth.card.className);
    expect(a.responsive_breakpoints).toContain(truth.card.breakpoint);
    expect(a.layout_methods['grid']).toBeGreaterThanOrEqual(1);
    expect(a.coverage).toBeGreaterThan(0);
    expect(a.coverage).toBeLessThanOrEqual(1);
    expect(run.quality).toBe(componentGenerator.quality(a));
    expect(run.quality).toBeGreaterThan(50);
  });

  it('finds the shop’s product cards on the home page', async () => {
    const a = (await analyze('/')).attributes as ComponentAttributes;
    const cards = a.components.find((c) => c.name === 'product-card')!;
    expect(cards.instances).toBeGreaterThanOrEqual(3);
    expect(cards.props.map((p) => p.attribute)).toEqual(
      expect.arrayContaining(['data-product-id', 'href', 'src']),
    );
  });
});

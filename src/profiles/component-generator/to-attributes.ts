import { contentHash } from '../../core/index.js';
import type { PageSnapshot } from '../profile.js';
import { round } from '../scoring.js';
import type { ComponentScan, FoundComponent } from './in-page.js';
import type { Component, ComponentAttributes } from './spec.js';

export function componentAttributes(scan: ComponentScan, _page: PageSnapshot): ComponentAttributes {
  const components = scan.components.map(toComponent);
  const layouts: Record<string, number> = {};
  for (const c of components) {
    layouts[c.layout] = (layouts[c.layout] ?? 0) + 1;
    if (c.containerLayout) layouts[c.containerLayout] = (layouts[c.containerLayout] ?? 0) + 1;
  }
  const patterns = new Map<string, string[]>();
  for (const c of components) {
    const s = c.styles;
    const pattern = [
      `display:${s['display'] ?? ''}`,
      `radius:${s['borderRadius'] ?? ''}`,
      `shadow:${s['boxShadow'] === 'none' ? 'none' : 'yes'}`,
      `padding:${s['padding'] ?? ''}`,
    ].join('; ');
    patterns.set(pattern, [...(patterns.get(pattern) ?? []), c.name]);
  }
  const union = (pick: (c: Component) => string[]) => [...new Set(components.flatMap(pick))].sort();
  const top = [...components].sort((a, b) => b.instances * b.elements - a.instances * a.elements)[0];
  return {
    components,
    component_count: components.length,
    instance_count: components.reduce((sum, c) => sum + c.instances, 0),
    top_component: top?.name ?? null,
    layout_methods: layouts,
    prop_count: components.reduce((sum, c) => sum + c.props.length, 0),
    style_patterns: [...patterns]
      .map(([pattern, names]) => ({ pattern, components: names }))
      .sort((a, b) => b.components.length - a.components.length),
    responsive_breakpoints: union((c) => c.breakpoints),
    aria_patterns: union((c) => c.aria),
    state_patterns: union((c) => c.states),
    mean_reusability:
      components.length === 0
        ? 0
        : round(components.reduce((sum, c) => sum + c.reusability, 0) / components.length, 3),
    coverage: scan.elements === 0 ? 0 : round(scan.covered / scan.elements, 3),
    nesting: scan.components.flatMap((c) => c.insideOf.map((parent) => ({ parent, child: c.name }))),
  };
}

function toComponent(found: FoundComponent): Component {
  return {
    name: found.name,
    signature: contentHash(found.signature).slice(0, 12),
    tag: found.tag,
    instances: found.instances,
    elements: found.elements,
    structure: found.structure,
    props: found.props,
    layout: layoutOf(found.display),
    containerLayout: layoutOf(found.containerDisplay),
    styles: found.styles,
    breakpoints: found.breakpoints,
    aria: found.aria,
    states: found.states,
    reusability: reusability(found),
    box: found.box,
  };
}

/** `REUSABILITY_RULE`. */
export function reusability(
  c: Pick<FoundComponent, 'instances' | 'props' | 'hasClass' | 'elements'>,
): number {
  const score =
    0.4 * Math.min(1, (c.instances - 1) / 5) +
    0.3 * Math.min(1, c.props.length / 3) +
    0.15 * (c.hasClass ? 1 : 0) +
    0.15 * (c.elements >= 3 && c.elements <= 60 ? 1 : 0.5);
  return round(score, 3);
}

function layoutOf(display: string): string {
  if (display === '') return '';
  if (/flex/.test(display)) return 'flex';
  if (/grid/.test(display)) return 'grid';
  if (/table/.test(display)) return 'table';
  if (display === 'block' || display === 'list-item' || display === 'flow-root') return 'block';
  if (/inline/.test(display)) return 'inline';
  return 'other';
}

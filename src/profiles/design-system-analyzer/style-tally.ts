import { colorToHex, firstFamily, pixels } from './css-values.js';

/** The computed properties read from every rendered node, in this order (DOMSnapshot returns indices). */
export const SNAPSHOT_PROPERTIES = [
  'color',
  'background-color',
  'border-top-color',
  'border-top-width',
  'border-top-style',
  'font-family',
  'font-size',
  'font-weight',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'row-gap',
  'column-gap',
  'border-top-left-radius',
  'box-shadow',
] as const;

type Property = (typeof SNAPSHOT_PROPERTIES)[number];
const INDEX = Object.fromEntries(SNAPSHOT_PROPERTIES.map((p, i) => [p, i])) as Record<Property, number>;
const SPACING: readonly Property[] = [
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'row-gap',
  'column-gap',
];

/** Value → uses, for each kind of design value. Plain arrays so that the tally is JSON. */
export interface StyleTally {
  sampled: number;
  colors: { hex: string; count: number; roles: string[] }[];
  families: [string, number][];
  sizes: { px: number; count: number; weights: number[] }[];
  spacing: [number, number][];
  radii: [string, number][];
  shadows: [string, number][];
}

/** The part of a CDP `DOMSnapshot.captureSnapshot` answer the tally reads. */
export interface SnapshotDocument {
  nodes: { nodeType?: number[] };
  layout: { nodeIndex: number[]; styles: number[][] };
}

/**
 * Counts the design values of every rendered node of a DOMSnapshot: text colours, fonts and sizes from
 * text runs (what is actually set in type), backgrounds, borders, spacing, radii and shadows from
 * elements. At most `maxNodes` layout nodes are read.
 */
export function tallyStyles(
  document: SnapshotDocument,
  strings: readonly string[],
  maxNodes: number,
): StyleTally {
  const colors = new Map<string, { count: number; roles: Set<string> }>();
  const families = new Map<string, number>();
  const sizes = new Map<number, { count: number; weights: Set<number> }>();
  const spacing = new Map<number, number>();
  const radii = new Map<string, number>();
  const shadows = new Map<string, number>();
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  const color = (value: string, role: string) => {
    const hex = colorToHex(value);
    if (hex === null) return;
    const entry = colors.get(hex) ?? { count: 0, roles: new Set<string>() };
    entry.count++;
    entry.roles.add(role);
    colors.set(hex, entry);
  };
  const { nodeIndex, styles } = document.layout;
  const nodeTypes = document.nodes.nodeType ?? [];
  let sampled = 0;
  for (let i = 0; i < nodeIndex.length && sampled < maxNodes; i++) {
    const style = styles[i];
    if (!style || style.length < SNAPSHOT_PROPERTIES.length) continue;
    const get = (p: Property): string => strings[style[INDEX[p]]!] ?? '';
    const type = nodeTypes[nodeIndex[i]!];
    sampled++;
    if (type === 3) {
      color(get('color'), 'text');
      const family = firstFamily(get('font-family'));
      if (family) bump(families, family);
      const px = pixels(get('font-size'));
      if (px !== null) {
        const entry = sizes.get(px) ?? { count: 0, weights: new Set<number>() };
        entry.count++;
        const weight = Number(get('font-weight'));
        if (Number.isFinite(weight) && weight > 0) entry.weights.add(weight);
        sizes.set(px, entry);
      }
      continue;
    }
    if (type !== 1) continue;
    color(get('background-color'), 'background');
    if (get('border-top-style') !== 'none' && pixels(get('border-top-width')) !== null)
      color(get('border-top-color'), 'border');
    for (const p of SPACING) {
      const px = pixels(get(p));
      if (px !== null) bump(spacing, px);
    }
    const radius = get('border-top-left-radius');
    if (radius && radius !== '0px') bump(radii, radius);
    const shadow = get('box-shadow');
    if (shadow && shadow !== 'none') bump(shadows, shadow);
  }
  const byCount = <K>(map: Map<K, number>): [K, number][] => [...map].sort((a, b) => b[1] - a[1]);
  return {
    sampled,
    colors: [...colors]
      .map(([hex, e]) => ({ hex, count: e.count, roles: [...e.roles].sort() }))
      .sort((a, b) => b.count - a.count),
    families: byCount(families),
    sizes: [...sizes]
      .map(([px, e]) => ({ px, count: e.count, weights: [...e.weights].sort((a, b) => a - b) }))
      .sort((a, b) => a.px - b.px),
    spacing: byCount(spacing),
    radii: byCount(radii),
    shadows: byCount(shadows),
  };
}

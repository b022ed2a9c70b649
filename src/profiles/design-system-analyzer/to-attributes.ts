import type { PageSnapshot } from '../profile.js';
import { round } from '../scoring.js';
import { colorToHex, isColor, valueKind } from './css-values.js';
import type { DesignSystemRaw } from './gather.js';
import type { DesignSystemAttributes, DesignToken } from './spec.js';

const MAX = { colors: 24, families: 10, sizes: 20, spacing: 16, radii: 10, shadows: 10 };
const TOP_COLORS = 8;
const BASE_UNITS = [8, 4, 2];
const ON_SCALE_SHARE = 0.7;

export function designSystemAttributes(raw: DesignSystemRaw, _page: PageSnapshot): DesignSystemAttributes {
  const { tally } = raw;
  const customProperties = raw.customProperties.map((p) => ({ ...p, kind: valueKind(p.value) }));
  // A colour a custom property holds is named by it in the palette and the tokens.
  const colorNames = new Map<string, string>();
  for (const p of customProperties) {
    if (p.kind !== 'color') continue;
    const hex = colorToHex(p.value);
    if (hex !== null && !colorNames.has(hex)) colorNames.set(hex, p.name.slice(2));
  }

  const palette = tally.colors
    .slice(0, MAX.colors)
    .map((c) => ({ ...c, token: colorNames.get(c.hex) ?? null }));
  const typeScale = [...tally.sizes]
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX.sizes)
    .sort((a, b) => a.px - b.px)
    .map((s) => ({ sizePx: s.px, count: s.count, weights: s.weights }));
  const spacingScale = tally.spacing
    .slice(0, MAX.spacing)
    .map(([px, count]) => ({ px, count }))
    .sort((a, b) => a.px - b.px);
  const spacingUses = tally.spacing.reduce((sum, [, count]) => sum + count, 0);
  const onBase = (base: number) =>
    spacingUses === 0
      ? 0
      : tally.spacing.filter(([px]) => px % base === 0).reduce((sum, [, count]) => sum + count, 0) /
        spacingUses;
  const base = BASE_UNITS.find((unit) => onBase(unit) >= ON_SCALE_SHARE) ?? null;

  const breakpoints = new Map<number, { features: Set<string>; queries: number }>();
  for (const query of raw.mediaQueries)
    for (const { feature, px } of query.widths) {
      const entry = breakpoints.get(px) ?? { features: new Set<string>(), queries: 0 };
      entry.features.add(feature);
      entry.queries++;
      breakpoints.set(px, entry);
    }

  const colorUses = tally.colors.reduce((sum, c) => sum + c.count, 0);
  const topColorUses = tally.colors.slice(0, TOP_COLORS).reduce((sum, c) => sum + c.count, 0);
  const attributes: DesignSystemAttributes = {
    color_palette: palette,
    font_families: tally.families.slice(0, MAX.families).map(([family, count]) => ({ family, count })),
    type_scale: typeScale,
    type_scale_ratio: scaleRatio(typeScale.map((s) => s.sizePx)),
    spacing_scale: spacingScale,
    spacing_base_px: base,
    radii: tally.radii.slice(0, MAX.radii).map(([value, count]) => ({ value, count })),
    shadows: tally.shadows.slice(0, MAX.shadows).map(([value, count]) => ({ value, count })),
    breakpoints: [...breakpoints]
      .sort((a, b) => a[0] - b[0])
      .map(([px, e]) => ({ px, features: [...e.features].sort(), queries: e.queries })),
    custom_properties: customProperties,
    design_tokens: {},
    consistency: {
      colors: tally.colors.length,
      fontSizes: tally.sizes.length,
      spacingValues: tally.spacing.length,
      colorCoverage: colorUses === 0 ? 0 : round(topColorUses / colorUses, 3),
      spacingOnScale: base === null ? null : round(onBase(base), 3),
    },
    elements_sampled: tally.sampled,
  };
  attributes.design_tokens = designTokens(attributes);
  return attributes;
}

/** Median ratio between consecutive sizes; null with fewer than two. */
function scaleRatio(sizes: readonly number[]): number | null {
  const ratios = sizes.slice(1).map((size, i) => size / sizes[i]!);
  if (ratios.length === 0) return null;
  ratios.sort((a, b) => a - b);
  const mid = Math.floor(ratios.length / 2);
  const median = ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
  return round(median, 3);
}

/** The measured values as W3C design tokens, custom properties under their own names. */
function designTokens(a: DesignSystemAttributes): Record<string, Record<string, DesignToken>> {
  const group = <T>(
    items: readonly T[],
    name: (item: T, i: number) => string,
    token: (item: T) => DesignToken,
  ) => Object.fromEntries(items.map((item, i) => [name(item, i), token(item)]));
  return {
    color: group(
      a.color_palette,
      (c, i) => c.token ?? `color-${i + 1}`,
      (c) => ({ $value: c.hex, $type: 'color' }),
    ),
    fontFamily: group(
      a.font_families,
      (_, i) => `font-${i + 1}`,
      (f) => ({ $value: f.family, $type: 'fontFamily' }),
    ),
    fontSize: group(
      a.type_scale,
      (_, i) => `font-size-${i + 1}`,
      (s) => ({ $value: `${s.sizePx}px`, $type: 'dimension' }),
    ),
    spacing: group(
      a.spacing_scale,
      (_, i) => `space-${i + 1}`,
      (s) => ({ $value: `${s.px}px`, $type: 'dimension' }),
    ),
    radius: group(
      a.radii,
      (_, i) => `radius-${i + 1}`,
      (r) => ({ $value: r.value, $type: 'dimension' }),
    ),
    shadow: group(
      a.shadows,
      (_, i) => `shadow-${i + 1}`,
      (s) => ({ $value: s.value, $type: 'shadow' }),
    ),
    breakpoint: group(
      a.breakpoints,
      (b) => `bp-${b.px}`,
      (b) => ({ $value: `${b.px}px`, $type: 'dimension' }),
    ),
    custom: group(
      a.custom_properties,
      (p) => p.name,
      (p) => ({ $value: p.value, $type: tokenType(p.kind, p.value) }),
    ),
  };
}

function tokenType(kind: string, value: string): DesignToken['$type'] {
  if (kind === 'color' || isColor(value)) return 'color';
  if (kind === 'length') return 'dimension';
  if (kind === 'shadow') return 'shadow';
  if (kind === 'font') return 'fontFamily';
  if (kind === 'number') return 'number';
  return 'string';
}

import { lowerIsBetter, toScore } from '../scoring.js';
import type { DesignSystemAttributes } from './spec.js';

/** `DESIGN_SYSTEM_QUALITY_RULE`. */
export function designSystemQuality(a: DesignSystemAttributes): number {
  if (a.elements_sampled === 0) return 0;
  const c = a.consistency;
  const palette = lowerIsBetter(c.colors, 12, 40);
  const spacing = c.spacingOnScale ?? 0;
  const sizes = c.fontSizes;
  const type = sizes < 3 ? sizes / 3 : lowerIsBetter(sizes, 8, 16);
  const custom = Math.min(1, a.custom_properties.length / 8);
  const breakpoints = Math.min(1, a.breakpoints.length / 2);
  return toScore(0.25 * palette + 0.2 * spacing + 0.2 * type + 0.2 * custom + 0.15 * breakpoints);
}

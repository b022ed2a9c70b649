import { toScore } from '../scoring.js';
import type { ComponentAttributes } from './spec.js';

/** `COMPONENT_QUALITY_RULE`. */
export function componentQuality(a: ComponentAttributes): number {
  const repeated = a.components.filter((c) => c.instances >= 3).length;
  return toScore(
    0.4 * Math.min(1, repeated / 3) + 0.3 * a.mean_reusability + 0.3 * Math.min(1, a.coverage / 0.5),
  );
}

import { toScore } from '../scoring.js';
import type { UxAttributes } from './spec.js';

/** `UX_QUALITY_RULE`. */
export function uxQuality(a: UxAttributes): number {
  const fold = a.viewport.height;
  const ctaAbove = a.calls_to_action.some((c) => c.aboveFold);
  const navAbove = a.navigation.some(
    (n) => (n.kind === 'header' || n.kind === 'inline') && n.box.height > 0 && n.box.y < fold,
  );
  return toScore(
    0.6 * Math.min(1, a.patterns.length / 5) + 0.2 * (ctaAbove ? 1 : 0) + 0.2 * (navAbove ? 1 : 0),
  );
}

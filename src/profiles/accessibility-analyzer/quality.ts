import { IMPACT_PENALTY, type AccessibilityAttributes } from './spec.js';

const UNKNOWN_IMPACT_PENALTY = 4;
const MAX_EXTRA_NODES = 5;
const MAX_UNNAMED_PENALTY = 10;
const NO_MAIN_PENALTY = 5;

/** `ACCESSIBILITY_QUALITY_RULE`. */
export function accessibilityQuality(a: AccessibilityAttributes): number {
  let penalty = 0;
  for (const v of a.violations)
    penalty +=
      (v.impact ? IMPACT_PENALTY[v.impact] : UNKNOWN_IMPACT_PENALTY) + Math.min(MAX_EXTRA_NODES, v.nodes - 1);
  // axe already reports unnamed buttons and links (button-name, link-name…); only the rest cost more.
  const unnamed = a.unnamed_interactive.reduce((sum, u) => sum + u.count, 0);
  const reported = a.violations
    .filter((v) => /-name$|^label$|^select-name$/.test(v.rule))
    .reduce((sum, v) => sum + v.nodes, 0);
  penalty += Math.min(MAX_UNNAMED_PENALTY, Math.max(0, unnamed - reported));
  if (!a.landmarks.some((l) => l.role === 'main')) penalty += NO_MAIN_PENALTY;
  return Math.max(0, Math.min(100, Math.round(100 - penalty)));
}

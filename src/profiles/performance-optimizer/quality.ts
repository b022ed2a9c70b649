import { toScore, weightedMean } from '../scoring.js';
import type { PerformanceAttributes } from './spec.js';

/** A metric's Lighthouse control points: the value scoring 0.9 (p10) and the one scoring 0.5 (median). */
interface Curve {
  p10: number;
  median: number;
}

// Lighthouse 10+ desktop curves and weights (Speed Index left out: it needs a filmstrip).
const CURVES = {
  fcp: { p10: 934, median: 1600 },
  lcp: { p10: 1200, median: 2400 },
  tbt: { p10: 150, median: 350 },
  cls: { p10: 0.1, median: 0.25 },
} satisfies Record<string, Curve>;
const WEIGHTS = { fcp: 10, lcp: 25, tbt: 30, cls: 25 };

export function performanceQuality(a: PerformanceAttributes): number {
  const score = (value: number | null, curve: Curve): number | null =>
    value === null ? null : logNormalScore(value, curve);
  return toScore(
    weightedMean([
      { weight: WEIGHTS.fcp, score: score(a.first_contentful_paint_ms, CURVES.fcp) },
      { weight: WEIGHTS.lcp, score: score(a.largest_contentful_paint_ms, CURVES.lcp) },
      { weight: WEIGHTS.tbt, score: score(a.total_blocking_time_ms, CURVES.tbt) },
      { weight: WEIGHTS.cls, score: score(a.cumulative_layout_shift, CURVES.cls) },
    ]),
  );
}

/**
 * Lighthouse's `getLogNormalScore`: 1 at 0, 0.9 at p10, 0.5 at the median, towards 0 beyond; each band
 * clamped so that rounding never moves a value across a control point.
 */
export function logNormalScore(value: number, { p10, median }: Curve): number {
  if (value <= 0) return 1;
  const INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232;
  const standardized = (Math.log(value / median) * INVERSE_ERFC_ONE_FIFTH) / -Math.log(p10 / median);
  const percentile = (1 - erf(standardized)) / 2;
  if (value <= p10) return Math.max(0.9, Math.min(1, percentile));
  if (value <= median) return Math.max(0.5, Math.min(0.89999999999999, percentile));
  return Math.max(0, Math.min(0.49999999999999, percentile));
}

/** Abramowitz and Stegun 7.1.26 (error below 1.5e-7), as Lighthouse uses. */
function erf(x: number): number {
  const sign = Math.sign(x);
  const v = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * v);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - y * Math.exp(-v * v));
}

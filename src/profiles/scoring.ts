/** Small, deterministic helpers the profiles' quality scores are built from. */

/** `value` limited to [0, 1]; NaN counts as 0. */
export function clamp01(value: number): number {
  if (!(value > 0)) return 0;
  return value > 1 ? 1 : value;
}

/** A 0-1 fraction as a whole 0-100 score. */
export function toScore(fraction: number): number {
  return Math.round(clamp01(fraction) * 100);
}

/** 1 at or below `good`, 0 at or above `bad`, linear between (lower is better). */
export function lowerIsBetter(value: number, good: number, bad: number): number {
  if (value <= good) return 1;
  if (value >= bad) return 0;
  return (bad - value) / (bad - good);
}

/** Σ weight × score ÷ Σ weight over the parts that apply (`score` null: not applicable); 0 when none apply. */
export function weightedMean(parts: readonly { weight: number; score: number | null }[]): number {
  let total = 0;
  let weights = 0;
  for (const { weight, score } of parts) {
    if (score === null) continue;
    total += weight * clamp01(score);
    weights += weight;
  }
  return weights === 0 ? 0 : total / weights;
}

/** Rounded to `digits` decimals, for stable stored numbers. */
export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

import type { AttributeModelMetrics } from './types.js';

/** What the gate needs of a model's metrics: its per-target held-out scores (as in `metrics.json`). */
export type GateMetrics = Pick<AttributeModelMetrics, 'targets'>;

export interface PromotionDecision {
  promote: boolean;
  /** The candidate's summary over all its targets (what the floor is checked against). */
  score: number;
  /** Candidate and current over the targets they share; null without a current model. */
  sharedScore: number | null;
  currentSharedScore: number | null;
  floor: number;
  sharedTargets: string[];
  /** One line for the job log: the figures and the rule that decided. */
  reason: string;
}

/**
 * The attribute model's single figure: the mean held-out macro-F1 over the targets (all of them, or
 * `targetIds`). Macro-F1 rather than accuracy, so that a model that only ever answers the commonest
 * brand scores low; a plain mean over targets, so that each attribute counts the same whatever its
 * record count. 0 when there is no target.
 */
export function summaryScore(metrics: GateMetrics, targetIds?: readonly string[]): number {
  const ids = targetIds ?? Object.keys(metrics.targets);
  const scores = ids.flatMap((id) => {
    const target = metrics.targets[id];
    return target ? [target.macroF1] : [];
  });
  return scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
}

/**
 * The promotion rule: promote when the candidate's summary reaches `floor` and, over the targets both
 * models have, beats the current model's (strictly: a retrain that changes nothing keeps the current
 * version). Without a current model, or without a target in common, the floor alone decides. Note that
 * the two were scored on their own held-out splits: the split is by record id, so records present for
 * both runs are held out in both, but records added since are new to the comparison.
 */
export function compareToCurrent(
  candidate: GateMetrics,
  current: GateMetrics | null,
  floor: number,
): PromotionDecision {
  const score = summaryScore(candidate);
  const base = { score, floor, sharedScore: null, currentSharedScore: null, sharedTargets: [] };
  if (score < floor)
    return {
      ...base,
      promote: false,
      reason: `held-out mean macro-F1 ${score.toFixed(3)} is below the floor ${floor.toFixed(3)}`,
    };
  if (!current) return { ...base, promote: true, reason: `first model: ${fmt(score)} ≥ floor ${fmt(floor)}` };
  const sharedTargets = Object.keys(candidate.targets).filter((id) => id in current.targets);
  if (sharedTargets.length === 0)
    return {
      ...base,
      promote: true,
      reason: `no target in common with the current model; ${fmt(score)} ≥ floor ${fmt(floor)} decides`,
    };
  const sharedScore = summaryScore(candidate, sharedTargets);
  const currentSharedScore = summaryScore(current, sharedTargets);
  const promote = sharedScore > currentSharedScore;
  return {
    ...base,
    promote,
    sharedScore,
    currentSharedScore,
    sharedTargets,
    reason:
      `over ${sharedTargets.join(', ')}: ${fmt(sharedScore)} against the current ${fmt(currentSharedScore)}` +
      (promote ? ', better' : ', not better: the current model keeps serving'),
  };
}

function fmt(value: number): string {
  return value.toFixed(3);
}

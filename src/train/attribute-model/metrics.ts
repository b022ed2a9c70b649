/** Classification metrics, computed as scikit-learn does, so the benchmark's figures compare like for like. */

export function accuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (truth.length === 0) return 0;
  let right = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) right++;
  return right / truth.length;
}

/**
 * Macro-averaged F1: the unweighted mean of each class's F1 over the classes that occur in the truth or
 * the predictions (`f1_score(average='macro')`, a class never predicted scoring 0). Rare brands count as
 * much as common ones, which accuracy hides.
 */
export function macroF1(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const stats = new Map<number, { tp: number; fp: number; fn: number }>();
  const get = (label: number) => {
    let entry = stats.get(label);
    if (!entry) stats.set(label, (entry = { tp: 0, fp: 0, fn: 0 }));
    return entry;
  };
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (t === p) get(t).tp++;
    else {
      get(t).fn++;
      get(p).fp++;
    }
  }
  if (stats.size === 0) return 0;
  let sum = 0;
  for (const { tp, fp, fn } of stats.values()) sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  return sum / stats.size;
}

/** The share of the baseline's errors a model removes: 1 is perfect, 0 no better than the baseline. */
export function errorReduction(accuracy: number, baselineAccuracy: number): number {
  return baselineAccuracy >= 1 ? 0 : (accuracy - baselineAccuracy) / (1 - baselineAccuracy);
}

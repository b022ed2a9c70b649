import type * as tf from '@tensorflow/tfjs';
import { FIRST_TARGET_GROUP, groupCount } from './features.js';
import { argmaxRow, predictProbabilities } from './infer.js';
import { accuracy, errorReduction, macroF1 } from './metrics.js';
import type { TrainingSet } from './training-set.js';
import type { PlannedTarget, TargetMetrics } from './types.js';

/** One target's held-out answers, by class index: what the metrics are computed from. */
export interface HeldOutAnswers {
  rows: Int32Array;
  truth: Int32Array;
  predicted: Int32Array;
}

/**
 * Score every target on the held-out rows labelled with it, with the target's own attribute left out of
 * the input (the model never sees the answer) and the other attributes as the record has them. The
 * baseline answers every row with the most frequent class of the training side.
 */
export function evaluateTargets(
  network: tf.LayersModel,
  set: TrainingSet,
  targets: readonly PlannedTarget[],
  minErrorReduction: number,
): { metrics: Record<string, TargetMetrics>; answers: Record<string, HeldOutAnswers> } {
  const groups = groupCount(set.spec);
  const metrics: Record<string, TargetMetrics> = {};
  const answers: Record<string, HeldOutAnswers> = {};
  for (const attribute of new Set(targets.map((t) => t.attribute))) {
    const heads = targets.flatMap((t, i) => (t.attribute === attribute ? [i] : []));
    const rowList: number[] = [];
    for (let row = 0; row < set.rows.rowCount; row++)
      if (set.heldOut[row] === 1 && heads.some((h) => set.labels[h]![row]! >= 0)) rowList.push(row);
    const rows = Int32Array.from(rowList);
    const dropped = new Uint8Array(rows.length * groups);
    const group = FIRST_TARGET_GROUP + set.spec.targetAttributes.indexOf(attribute);
    for (let i = 0; i < rows.length; i++) dropped[i * groups + group] = 1;
    const probabilities = predictProbabilities(network, set.rows, rows, heads, dropped, groups);

    heads.forEach((head, h) => {
      const target = targets[head]!;
      const k = target.classes.length;
      const labels = set.labels[head]!;
      const truth: number[] = [];
      const predicted: number[] = [];
      const answeredRows: number[] = [];
      rows.forEach((row, i) => {
        if (labels[row]! < 0) return;
        answeredRows.push(row);
        truth.push(labels[row]!);
        predicted.push(argmaxRow(probabilities[h]!, i, k).index);
      });
      const trainCounts = new Array<number>(k).fill(0);
      for (let row = 0; row < labels.length; row++)
        if (set.heldOut[row] === 0 && labels[row]! >= 0) trainCounts[labels[row]!]!++;
      const majority = trainCounts.indexOf(Math.max(...trainCounts));
      const modelAccuracy = accuracy(truth, predicted);
      const baselineAccuracy = accuracy(
        truth,
        truth.map(() => majority),
      );
      metrics[target.id] = {
        accuracy: modelAccuracy,
        macroF1: macroF1(truth, predicted),
        baselineAccuracy,
        support: truth.length,
        trainExamples: trainCounts.reduce((a, b) => a + b, 0),
        classes: k,
        usable: truth.length > 0 && errorReduction(modelAccuracy, baselineAccuracy) >= minErrorReduction,
      };
      answers[target.id] = {
        rows: Int32Array.from(answeredRows),
        truth: Int32Array.from(truth),
        predicted: Int32Array.from(predicted),
      };
    });
  }
  return { metrics, answers };
}

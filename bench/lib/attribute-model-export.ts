// Writes what the attribute model learnt from, for the scikit-learn peer (bench/peers/sklearn_attribute_model.py):
// the feature rows exactly as Gleaner's learner saw them (hashed, TF-IDF weighted, each group scaled),
// the held-out split, each target's labels, and Gleaner's held-out predictions. Rebuilt from the same
// records, plan and options as the training run, which is deterministic, so the rows are the same.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttributeModel, AttributeModelPlan, AttributeModelRecord } from '../../src/train/index.js';
import { evaluateTargets } from '../../src/train/attribute-model/evaluate.js';
import { FIRST_TARGET_GROUP } from '../../src/train/attribute-model/features.js';
import { buildTrainingSet } from '../../src/train/attribute-model/training-set.js';

export function exportForPeer(
  dir: string,
  records: readonly AttributeModelRecord[],
  plan: AttributeModelPlan,
  model: AttributeModel,
): void {
  const { hashBits, seed, heldOutShare, minErrorReduction, maskInText } = model.spec.training;
  const set = buildTrainingSet(records, plan, { hashBits, seed, heldOutShare, maskInText });
  const { answers } = evaluateTargets(model.network, set, plan.targets, minErrorReduction);
  mkdirSync(dir, { recursive: true });
  const write = (name: string, array: Int32Array | Float32Array | Uint8Array): void =>
    writeFileSync(join(dir, name), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  write('indptr.i32', set.rows.offsets);
  write('indices.i32', set.rows.columns);
  write('data.f32', set.rows.values);
  write('groups.u8', set.rows.groups);
  write('held-out.u8', set.heldOut);
  plan.targets.forEach((target, i) => {
    write(`labels-${i}.i32`, set.labels[i]!);
    const ours = new Int32Array(set.rows.rowCount).fill(-1);
    const answer = answers[target.id]!;
    answer.rows.forEach((row, k) => (ours[row] = answer.predicted[k]!));
    write(`ours-${i}.i32`, ours);
  });
  const targets = plan.targets.map((target) => ({
    id: target.id,
    classes: target.classes.length,
    group: FIRST_TARGET_GROUP + set.spec.targetAttributes.indexOf(target.attribute),
  }));
  writeFileSync(
    join(dir, 'dataset.json'),
    JSON.stringify({ rows: set.rows.rowCount, columns: set.rows.columnCount, targets }),
  );
}

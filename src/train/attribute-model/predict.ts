import { InvalidInputError } from '../../core/index.js';
import { hasValue, type RecordAttribute, type RecordAttributes } from '../../datasets/index.js';
import type { AttributeModel } from './attribute-model.js';
import { FIRST_TARGET_GROUP, featurizeRecords, groupCount, weighRows } from './features.js';
import { argmaxRow, predictProbabilities } from './infer.js';
import type { AttributeModelRecord } from './types.js';

export interface PredictMissingOptions {
  /**
   * A prediction is written only at this probability or above; an observed value below it counts as
   * doubtful and may be replaced by a more confident prediction. The topic's `minConfidence`. @default 0.6
   */
  minConfidence?: number;
  /** Fill targets that did not beat their baseline on the held-out records too. @default false */
  includeUnreliable?: boolean;
}

export interface FilledAttribute {
  attribute: string;
  /** The head that answered (`category` or its fallback `category.top`). */
  target: string;
  value: string | string[];
  confidence: number;
  /** What the record held before: a doubtful observed value or an older prediction; null when missing. */
  replaced: RecordAttribute | null;
}

export interface RecordPrediction {
  id: string | number;
  /** The record's attributes with the predictions written in (a new object; the input is not changed). */
  attributes: RecordAttributes;
  filled: FilledAttribute[];
}

/**
 * Fill each record's missing or doubtful target attributes with the model's answer, marked
 * `predicted: true`, with the softmax probability as its confidence and `source: 'model:<version>'`.
 * Rules: a value read from the page at or above `minConfidence` is never touched; a doubtful one is
 * replaced only by a prediction more confident than it; an earlier prediction is replaced by a confident
 * new one. For the category, the full path is written when confident, else the top level alone when that
 * is. The attributes being predicted for a record are left out of its input, as in training.
 */
export function predictMissing(
  model: AttributeModel,
  records: readonly AttributeModelRecord[],
  options: PredictMissingOptions = {},
): RecordPrediction[] {
  const minConfidence = options.minConfidence ?? 0.6;
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new InvalidInputError(
      'minConfidence',
      `minConfidence must be a number from 0 to 1, got ${minConfidence}`,
    );
  const { spec, metrics } = model;
  const heads = spec.targets
    .map((target, head) => ({ target, head }))
    .filter(
      ({ target }) => options.includeUnreliable === true || metrics.targets[target.id]?.usable === true,
    );
  const attributes = [...new Set(heads.map(({ target }) => target.attribute))];
  const results: RecordPrediction[] = records.map((record) => ({
    id: record.id,
    attributes: { ...record.attributes },
    filled: [],
  }));
  if (heads.length === 0 || records.length === 0) return results;

  // Which attributes each record needs: missing, doubtful, or predicted before.
  const open = records.map((record) => attributes.filter((a) => isOpen(record.attributes[a], minConfidence)));
  const rowList = open.flatMap((needed, row) => (needed.length > 0 ? [row] : []));
  if (rowList.length === 0) return results;
  const rows = featurizeRecords(
    rowList.map((row) => records[row]!),
    spec.features,
  );
  weighRows(rows, spec.features.idf);
  const groups = groupCount(spec.features);
  const dropped = new Uint8Array(rowList.length * groups);
  rowList.forEach((row, i) => {
    for (const attribute of open[row]!)
      dropped[i * groups + FIRST_TARGET_GROUP + spec.features.targetAttributes.indexOf(attribute)] = 1;
  });
  const local = Int32Array.from(rowList, (_, i) => i);
  const probabilities = predictProbabilities(
    model.network,
    rows,
    local,
    heads.map(({ head }) => head),
    dropped,
    groups,
  );

  rowList.forEach((row, i) => {
    const result = results[row]!;
    for (const attribute of open[row]!) {
      const previous = records[row]!.attributes[attribute];
      const floor = hasValue(previous) && previous.predicted !== true ? previous.confidence : 0;
      // Heads in plan order: the full category path before its top level.
      for (const [h, { target }] of heads.entries()) {
        if (target.attribute !== attribute) continue;
        const { index, p } = argmaxRow(probabilities[h]!, i, target.classes.length);
        if (p < minConfidence || p <= floor) continue;
        const value = target.classes[index]!.value;
        result.attributes[attribute] = {
          value: Array.isArray(value) ? [...value] : value,
          confidence: p,
          source: `model:${model.version}`,
          predicted: true,
        };
        result.filled.push({
          attribute,
          target: target.id,
          value,
          confidence: p,
          replaced: hasValue(previous) ? previous : null,
        });
        break;
      }
    }
  });
  return results;
}

function isOpen(attribute: RecordAttribute | undefined, minConfidence: number): boolean {
  if (!hasValue(attribute)) return true;
  return attribute.predicted === true || attribute.confidence < minConfidence;
}

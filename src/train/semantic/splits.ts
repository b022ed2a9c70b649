import { featureHash, normalizeText } from '../embedders/index.js';
import type { CanonicalConcept } from './canonical.js';
import type { FeedbackRow } from './feedback.js';

/** A number in [0, 1) from a text and a seed: every split here is a pure function of its inputs. */
export function unitHash(text: string, seed: number): number {
  return featureHash(`${seed}\u0000${text}`) / 4294967296;
}

/** A label taken out of its concept to act as a query whose answer is known. */
export interface HeldOutLabel {
  key: string;
  label: string;
}

export interface LabelSlices {
  calibration: HeldOutLabel[];
  evaluation: HeldOutLabel[];
}

/**
 * The most labels a slice takes: a thousand queries pin a top-1 to about ±0.015, enough to tell the
 * weights apart; five hundred left the choice to chance on the occupations fixture.
 */
export const MAX_SLICE_LABELS = 1000;
const SLICE_FRACTION = 0.3;

/**
 * Slices of held-out labels, for when feedback does not supply the pairs: one alternative label (never
 * the preferred one) from each of some concepts that have two labels or more, so the concept stays
 * findable by its others. The calibration and evaluation slices come from different concepts. A held-out
 * label is kept out of the training and out of the index the slice is scored on; it returns to the index
 * that is served.
 */
export function labelSlices(
  concepts: readonly CanonicalConcept[],
  options: { evaluation: boolean; seed: number; size?: number },
): LabelSlices {
  const eligible = concepts
    .filter((c) => c.labels.length >= 2)
    .map((c) => ({ c, order: unitHash(c.key, options.seed) }))
    .sort((a, b) => a.order - b.order || a.c.key.localeCompare(b.c.key));
  const size =
    options.size ??
    Math.min(
      MAX_SLICE_LABELS,
      Math.max(Math.min(eligible.length, 5), Math.round(eligible.length * SLICE_FRACTION)),
    );
  const pick = ({ c }: { c: CanonicalConcept }): HeldOutLabel => {
    const alternatives = c.labels.slice(1);
    const at = Math.floor(unitHash(`${c.key}#label`, options.seed) * alternatives.length);
    return { key: c.key, label: alternatives[at]! };
  };
  const calibration = eligible.slice(0, size).map(pick);
  const evaluation = options.evaluation ? eligible.slice(size, 2 * size).map(pick) : [];
  return { calibration, evaluation };
}

export interface FeedbackSplit {
  /** Confirmed rows that enrich the index and train the embedder. */
  train: FeedbackRow[];
  /** Confirmed and rejected rows that set the thresholds. */
  calibration: FeedbackRow[];
  /** Confirmed rows that measure the version; never seen by training, enrichment or calibration. */
  evaluation: FeedbackRow[];
}

export const FEEDBACK_EVALUATION_SHARE = 0.2;
export const FEEDBACK_CALIBRATION_SHARE = 0.2;

/**
 * Split feedback by its query (normalized), so that every row about one query lands in one part: a
 * query confirmed in the training part and asked again in the evaluation part would leak. Without
 * `evaluation` (a query file measures the version instead) that share goes to training.
 */
export function splitFeedback(
  rows: readonly FeedbackRow[],
  options: { evaluation: boolean; seed: number },
): FeedbackSplit {
  const split: FeedbackSplit = { train: [], calibration: [], evaluation: [] };
  for (const row of rows) {
    const u = unitHash(normalizeText(row.query), options.seed + 7919);
    if (options.evaluation && u < FEEDBACK_EVALUATION_SHARE) {
      if (row.correct) split.evaluation.push(row);
    } else if (u >= 1 - FEEDBACK_CALIBRATION_SHARE) split.calibration.push(row);
    else if (row.correct) split.train.push(row);
  }
  return split;
}

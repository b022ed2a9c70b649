import {
  CONTRASTIVE_DEFAULTS,
  IdfTable,
  normalizeText,
  type ContrastiveTrainingOptions,
  type TrainedEmbedderInfo,
} from '../embedders/index.js';
import type { IndexKind } from '../indexes/index.js';
import { calibrate, type Calibration, type CalibrationPair, type CalibrationQuery } from './calibration.js';
import type { CanonicalEntry } from './canonical.js';
import type { EmbedderName } from './embedder-files.js';
import { evaluate, type EvaluatedQuery } from './evaluate.js';
import type { LabelledQuery, SemanticInputs } from './inputs.js';
import { makeEmbedder } from './make-embedder.js';
import type { RankMetrics } from './ranking.js';
import { SemanticIndex } from './semantic-index.js';
import { labelSlices, splitFeedback, type HeldOutLabel } from './splits.js';
import { StageClock, type SemanticProgress } from './stages.js';

export interface SemanticBuildOptions {
  /** @default 'hashed' */
  embedder?: EmbedderName;
  /** The transformer model: a local folder, or a name where downloads are allowed. */
  model?: string;
  /** The hashed embedder's columns (default 256) or the trained one's vector size (default 128). */
  dimensions?: number;
  /** The trained embedder's training (epochs, batch size, learning rate, temperature, …). */
  training?: Omit<ContrastiveTrainingOptions, 'onProgress' | 'signal' | 'dimensions' | 'seed'>;
  /** @default 'flat' */
  index?: IndexKind;
  /** Enrich the index with confirmed feedback and train on it. @default true */
  useFeedback?: boolean;
  /** Seeds the splits and the training. @default 1 */
  seed?: number;
  allowRemoteModels?: boolean;
  onProgress?: SemanticProgress;
  signal?: AbortSignal;
}

export type EvaluationSource = 'queries' | 'feedback' | 'held-out labels';

/** What a build measured; `metrics` are the numbers of `metrics.json`. */
export interface SemanticBuild {
  index: SemanticIndex;
  metrics: Record<string, number>;
  evaluation: RankMetrics & { source: EvaluationSource; matchPrecision: number; matchRate: number };
  /** Each evaluation query and how it was answered. */
  answers: EvaluatedQuery[];
  calibration: Calibration;
  training: TrainedEmbedderInfo | null;
  counts: {
    concepts: number;
    labels: number;
    heldOutLabels: number;
    feedbackConfirmed: number;
    feedbackRejected: number;
    feedbackTrain: number;
    feedbackCalibration: number;
    feedbackEvaluation: number;
    /** Feedback rows left out because their query is in the evaluation file. */
    feedbackInQueries: number;
  };
  parameters: Record<string, unknown>;
  timingsMs: Record<string, number>;
}

/**
 * Build, calibrate and measure a semantic index from loaded inputs, without leakage:
 * 1. feedback is split by query into training, calibration and evaluation parts (evaluation only when
 *    no query file measures the version);
 * 2. labels are held out of some concepts for calibration (and for evaluation, when neither a query file
 *    nor feedback can measure);
 * 3. the embedder is trained (or fitted) on the rest and the confirmed training feedback, and they are indexed;
 * 4. calibration scores its pairs on that index; then the held-out calibration labels and the calibration
 *    feedback join the index, and the version is measured on queries it never saw.
 */
export async function buildSemanticIndex(
  inputs: SemanticInputs,
  options: SemanticBuildOptions = {},
): Promise<SemanticBuild> {
  const clock = new StageClock(options.onProgress);
  const seed = options.seed ?? 1;
  const embedderName = options.embedder ?? 'hashed';
  const useFeedback = options.useFeedback ?? true;
  const started = performance.now();
  const { vocabulary } = inputs;

  // A query of the evaluation file is never trained on or indexed, even when feedback confirms it.
  const evaluationTexts = new Set((inputs.queries ?? []).map((q) => normalizeText(q.query)));
  const usable = useFeedback
    ? inputs.feedback.filter((r) => !evaluationTexts.has(normalizeText(r.query)))
    : [];
  const feedback = await clock.run('feedback', 'splitting the feedback', async () =>
    splitFeedback(usable, { evaluation: inputs.queries === null, seed }),
  );
  const source: EvaluationSource =
    inputs.queries !== null ? 'queries' : feedback.evaluation.length > 0 ? 'feedback' : 'held-out labels';
  const slices = await clock.run('split', 'holding out labels', async () =>
    labelSlices(vocabulary.concepts, { evaluation: source === 'held-out labels', seed }),
  );
  const heldOut = new Set(
    [...slices.calibration, ...slices.evaluation].map((h) => `${h.key}\u0000${h.label}`),
  );
  const isHeldOut = (e: CanonicalEntry) => heldOut.has(`${e.key}\u0000${e.label}`);
  const feedbackEntry = (row: { query: string; key: string }): CanonicalEntry => ({
    key: row.key,
    label: row.query,
    preferred: false,
    source: 'feedback',
  });
  const trainingEntries = [
    ...vocabulary.entries.filter((e) => !isHeldOut(e)),
    ...dedupe(feedback.train.map(feedbackEntry)),
  ];
  const lexicalIdf = IdfTable.fit(trainingEntries.map((e) => e.label));

  const { embedder, recipe, training } = await clock.run(
    'train',
    `preparing the ${embedderName} embedder`,
    () =>
      makeEmbedder(
        {
          name: embedderName,
          model: options.model,
          dimensions: options.dimensions,
          training: options.training,
          allowRemoteModels: options.allowRemoteModels,
          seed,
          signal: options.signal,
          onProgress: (p) =>
            clock.report({
              stage: 'train',
              done: p.step,
              total: p.steps,
              message: `epoch ${p.epoch}/${p.epochs}, loss ${p.loss.toFixed(3)}`,
            }),
        },
        trainingEntries,
        lexicalIdf,
      ),
  );

  const index = SemanticIndex.create(
    embedder,
    recipe,
    lexicalIdf,
    options.index === undefined ? {} : { index: options.index },
  );
  await clock.run('index', `embedding ${trainingEntries.length} labels`, () =>
    index.add(trainingEntries, (done, total) => clock.report({ stage: 'index', done, total })),
  );

  const calibration = await clock.run('calibrate', 'choosing the weight and thresholds', async () => {
    const confirmed = feedback.calibration.filter((r) => r.correct);
    const rejected = feedback.calibration.filter((r) => !r.correct);
    const queries = await calibrationQueries(index, [
      ...slices.calibration.map((h) => ({ query: h.label, gold: [h.key] })),
      ...confirmed.map((r) => ({ query: r.query, gold: [r.key] })),
    ]);
    const prepared = await index.candidates(rejected.map((r) => r.query));
    const pairs: CalibrationPair[] = rejected.map((r, i) => ({
      labels: index.scoreConcept(prepared[i]!, r.key),
      correct: false,
    }));
    const origin =
      feedback.calibration.length === 0
        ? 'held-out labels'
        : slices.calibration.length === 0
          ? 'feedback'
          : 'feedback and held-out labels';
    const chosen = calibrate(queries, pairs, origin);
    index.setCalibration(chosen);
    return chosen;
  });

  const evaluationQueries: LabelledQuery[] =
    source === 'queries'
      ? inputs.queries!
      : source === 'feedback'
        ? feedback.evaluation.map((r) => ({ query: r.query, gold: [r.key] }))
        : slices.evaluation.map((h) => ({ query: h.label, gold: [h.key] }));
  // What calibration held out returns to the index now; labels held out for evaluation once it is done.
  const entriesOf = (slice: readonly HeldOutLabel[]) => {
    const ids = new Set(slice.map((h) => `${h.key}\u0000${h.label}`));
    return vocabulary.entries.filter((e) => ids.has(`${e.key}\u0000${e.label}`));
  };
  const returning = [
    ...entriesOf(slices.calibration),
    ...dedupe(feedback.calibration.filter((r) => r.correct).map(feedbackEntry)),
  ];
  await clock.run('index', `adding ${returning.length} held-out labels back`, () => index.add(returning));
  // The time to a ready index: training (or fitting), embedding, calibration; not the evaluation.
  const trainSeconds = (performance.now() - started) / 1000;
  const evaluation = await clock.run(
    'evaluate',
    `answering ${evaluationQueries.length} held-out queries`,
    () =>
      evaluate(index, evaluationQueries, (done, total) => clock.report({ stage: 'evaluate', done, total })),
  );
  if (slices.evaluation.length > 0) await index.add(entriesOf(slices.evaluation));

  const counts = {
    concepts: vocabulary.concepts.length,
    labels: index.size,
    heldOutLabels: heldOut.size,
    feedbackConfirmed: inputs.feedback.filter((r) => r.correct).length,
    feedbackRejected: inputs.feedback.filter((r) => !r.correct).length,
    feedbackTrain: feedback.train.length,
    feedbackCalibration: feedback.calibration.length,
    feedbackEvaluation: feedback.evaluation.length,
    feedbackInQueries: useFeedback ? inputs.feedback.length - usable.length : 0,
  };
  const metrics: Record<string, number> = {
    top1: evaluation.top1,
    top5: evaluation.top5,
    mrr: evaluation.mrr,
    n_eval: evaluation.n,
    match_precision: evaluation.matchPrecision,
    match_rate: evaluation.matchRate,
    train_seconds: round(trainSeconds, 3),
    concepts: counts.concepts,
    labels: counts.labels,
    feedback_confirmed: counts.feedbackConfirmed,
    feedback_rejected: counts.feedbackRejected,
    calibration_weight: calibration.weight,
    calibration_concept_weight: calibration.conceptWeight,
    calibration_f1: calibration.f1,
    match_threshold: calibration.matchThreshold,
    suggest_threshold: calibration.suggestThreshold,
    ...(calibration.lexicalThreshold === null ? {} : { lexical_threshold: calibration.lexicalThreshold }),
  };
  return {
    index,
    metrics,
    evaluation: {
      n: evaluation.n,
      top1: evaluation.top1,
      top5: evaluation.top5,
      mrr: evaluation.mrr,
      matchPrecision: evaluation.matchPrecision,
      matchRate: evaluation.matchRate,
      source,
    },
    answers: evaluation.answers,
    calibration,
    training: training ?? null,
    counts,
    parameters: {
      embedder: embedderName,
      embedderId: embedder.id,
      dimensions: embedder.dimensions,
      index: index.indexKind,
      seed,
      useFeedback,
      evaluation: source,
      ...(options.model === undefined ? {} : { model: options.model }),
      ...(embedderName === 'trained' ? { training: { ...CONTRASTIVE_DEFAULTS, ...options.training } } : {}),
    },
    timingsMs: clock.timingsMs,
  };
}

async function calibrationQueries(
  index: SemanticIndex,
  queries: readonly LabelledQuery[],
): Promise<CalibrationQuery[]> {
  const prepared = await index.candidates(queries.map((q) => q.query));
  return queries.map((q, i) => ({
    candidates: prepared[i]!.labels,
    gold: index.scoreConcept(prepared[i]!, q.gold[0]!),
    goldKey: q.gold[0]!,
  }));
}

/** One entry per (key, normalized label): the same confirmed query twice adds nothing. */
function dedupe(entries: CanonicalEntry[]): CanonicalEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const id = `${e.key}\u0000${e.label.toLowerCase()}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

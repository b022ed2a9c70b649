import { InvalidInputError } from '../../core/index.js';
import { createAttributeModel, type AttributeModel } from './attribute-model.js';
import { evaluateTargets } from './evaluate.js';
import { FIRST_TARGET_GROUP, groupCount } from './features.js';
import { fitNetwork } from './fit-network.js';
import { buildNetwork } from './network.js';
import { summaryScore } from './promotion.js';
import { ensureTensorflowBackend } from './tf-backend.js';
import { buildTrainingSet } from './training-set.js';
import type {
  AttributeModelPlan,
  AttributeModelProgress,
  AttributeModelRecord,
  ResolvedTrainAttributeModelOptions,
  TrainAttributeModelOptions,
} from './types.js';

export const DEFAULT_TRAIN_OPTIONS: ResolvedTrainAttributeModelOptions = Object.freeze({
  seed: 42,
  version: 'draft',
  epochs: 10,
  batchSize: 128,
  hiddenUnits: 0,
  learningRate: 0.02,
  weightDecay: 0,
  l2: 3e-4,
  hashBits: 15,
  heldOutShare: 0.2,
  minErrorReduction: 0.1,
  maskInText: Object.freeze(['brand']),
});

// Progress shares of the stages: featurizing is quick, evaluation one pass per target attribute.
const FEATURES_SHARE = 0.1;
const EVALUATE_SHARE = 0.1;

/**
 * Train the topic's model on the plan's targets: featurize (hashed words and character n-grams of the
 * name, words of the description, the other attributes), hold out a deterministic share, fit the network
 * on the rest, and score each target on the held-out records. Refuses a plan that refused
 * (`InvalidInputError` with code `insufficient-data` and the plan's message). Deterministic for a seed
 * on one backend.
 */
export async function trainAttributeModel(
  records: readonly AttributeModelRecord[],
  plan: AttributeModelPlan,
  options: TrainAttributeModelOptions = {},
): Promise<AttributeModel> {
  const resolved = resolveTrainOptions(options);
  if (plan.refusal !== null || plan.targets.length === 0)
    throw new InvalidInputError('records', plan.refusal ?? 'the plan has no target attribute to learn', {
      code: 'insufficient-data',
    });
  const { signal, onProgress } = options;
  const report = (progress: AttributeModelProgress): void => onProgress?.(progress);
  signal?.throwIfAborted();
  const backend = await ensureTensorflowBackend();
  report({
    stage: 'features',
    done: 0,
    total: records.length,
    fraction: 0,
    message: `features of ${records.length} records on the ${backend.name} backend${backend.warning ? ` (${backend.warning})` : ''}`,
  });

  let started = performance.now();
  const set = buildTrainingSet(records, plan, resolved);
  const featureSeconds = (performance.now() - started) / 1000;
  const heldOutRecords = set.heldOut.reduce((sum, flag) => sum + flag, 0);
  report({
    stage: 'features',
    done: records.length,
    total: records.length,
    fraction: FEATURES_SHARE,
    message: `features of ${records.length} records: ${set.rows.values.length} non-zero values, ${heldOutRecords} records held out`,
  });
  signal?.throwIfAborted();

  const classCounts = plan.targets.map((t) => t.classes.length);
  const network = buildNetwork(set.rows.columnCount, classCounts, resolved.hiddenUnits, resolved.seed);
  try {
    started = performance.now();
    const trainShare = 1 - FEATURES_SHARE - EVALUATE_SHARE;
    await fitNetwork(network, set, {
      ...resolved,
      targetGroups: plan.targets.map(
        (t) => FIRST_TARGET_GROUP + set.spec.targetAttributes.indexOf(t.attribute),
      ),
      groupCount: groupCount(set.spec),
      classCounts,
      signal,
      onEpoch: (epoch, loss) =>
        report({
          stage: 'train',
          done: epoch,
          total: resolved.epochs,
          epoch,
          epochs: resolved.epochs,
          loss,
          fraction: FEATURES_SHARE + (trainShare * epoch) / resolved.epochs,
          message: `train epoch ${epoch}/${resolved.epochs}, loss ${loss.toFixed(4)}`,
        }),
    });
    const trainSeconds = (performance.now() - started) / 1000;

    report({
      stage: 'evaluate',
      done: 0,
      total: plan.targets.length,
      fraction: 1 - EVALUATE_SHARE,
      message: `evaluate ${plan.targets.length} targets on ${heldOutRecords} held-out records`,
    });
    started = performance.now();
    const { metrics: targets } = evaluateTargets(network, set, plan.targets, resolved.minErrorReduction);
    const evaluateSeconds = (performance.now() - started) / 1000;
    const metrics = {
      summaryMetric: 'mean-macro-f1' as const,
      summary: summaryScore({ targets }),
      targets,
      trainRecords: records.length - heldOutRecords,
      heldOutRecords,
      backend: backend.name,
      featureSeconds,
      trainSeconds,
      evaluateSeconds,
    };
    report({
      stage: 'evaluate',
      done: plan.targets.length,
      total: plan.targets.length,
      fraction: 1,
      message: `held-out mean macro-F1 ${metrics.summary.toFixed(3)}: ${plan.targets
        .map((t) => `${t.id} ${targets[t.id]!.accuracy.toFixed(3)} accuracy`)
        .join(', ')}`,
    });
    const { version, ...training } = resolved;
    return createAttributeModel(
      version,
      {
        features: set.spec,
        targets: plan.targets,
        training,
        plan: {
          recordCount: plan.recordCount,
          readableRecords: plan.readableRecords,
          decisions: plan.decisions,
          options: plan.options,
        },
      },
      metrics,
      network,
    );
  } catch (error) {
    network.dispose();
    throw error;
  }
}

/** The options as given, checked, with defaults: unknown keys and out-of-range numbers are refused. */
export function resolveTrainOptions(options: TrainAttributeModelOptions): ResolvedTrainAttributeModelOptions {
  const given = Object.fromEntries(
    Object.entries(options).filter(
      ([key, value]) => key !== 'signal' && key !== 'onProgress' && value !== undefined,
    ),
  );
  for (const key of Object.keys(given))
    if (!(key in DEFAULT_TRAIN_OPTIONS))
      throw new InvalidInputError(
        key,
        `unknown attribute-model training option "${key}"; known: ${[...Object.keys(DEFAULT_TRAIN_OPTIONS), 'signal', 'onProgress'].join(', ')}`,
      );
  const resolved = { ...DEFAULT_TRAIN_OPTIONS, ...given } as ResolvedTrainAttributeModelOptions;
  const whole = (key: keyof ResolvedTrainAttributeModelOptions, min: number, max: number): void => {
    const value = resolved[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new InvalidInputError(
        key,
        `${key} must be a whole number from ${min} to ${max}, got ${String(value)}`,
      );
  };
  const fraction = (key: keyof ResolvedTrainAttributeModelOptions, min: number, max: number): void => {
    const value = resolved[key];
    if (typeof value !== 'number' || !(value >= min && value <= max))
      throw new InvalidInputError(key, `${key} must be a number from ${min} to ${max}, got ${String(value)}`);
  };
  whole('seed', 0, 2 ** 31 - 1);
  whole('epochs', 1, 1000);
  whole('batchSize', 1, 4096);
  whole('hiddenUnits', 0, 4096);
  whole('hashBits', 8, 20);
  fraction('learningRate', 1e-6, 10);
  fraction('weightDecay', 0, 10);
  fraction('l2', 0, 1);
  fraction('heldOutShare', 0.01, 0.9);
  fraction('minErrorReduction', 0, 1);
  if (!Array.isArray(resolved.maskInText) || !resolved.maskInText.every((a) => typeof a === 'string'))
    throw new InvalidInputError('maskInText', `maskInText must be a list of attribute names, e.g. ["brand"]`);
  if (!/^[\w.:-]{1,100}$/.test(resolved.version))
    throw new InvalidInputError(
      'version',
      `version must be 1-100 letters, digits, '.', ':', '_' or '-' (it ends up in each predicted value's source), got "${resolved.version}"`,
    );
  return Object.freeze(resolved);
}

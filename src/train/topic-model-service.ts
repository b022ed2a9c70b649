import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  contentHash,
  describeError,
  InvalidInputError,
  type GleanerConfig,
  type Logger,
} from '../core/index.js';
import {
  resolveTopicRules,
  scoreRecord,
  topicRulesFromConfig,
  type RecordAttributes,
  type TopicRules,
} from '../datasets/index.js';
import { QUEUES, requestTraining, type JobQueue } from '../queue/index.js';
import {
  assertVectorSupport,
  finishTrainingJob,
  getTopicSettings,
  getTrainingJob,
  recordsNeedingEmbedding,
  reportTrainingStage,
  rescoreTrainingRecords,
  similarRecords,
  startTrainingJob,
  topicRecords,
  upsertRecordEmbeddings,
  type Database,
  type SimilarRecord,
  type TrainingJobRow,
  type TrainingRecordRow,
} from '../store/index.js';
import type { AttributeModel } from './attribute-model/attribute-model.js';
import { METRICS_JSON } from './attribute-model/files.js';
import { planAttributeModel } from './attribute-model/plan.js';
import { compareToCurrent } from './attribute-model/promotion.js';
import type { AttributeModelMetrics } from './attribute-model/types.js';
import type { ModelStore } from './model-store/index.js';
import { embedRecord, RECORD_EMBEDDER_ID } from './record-embedder.js';

/** TF.js and the model code that uses it, loaded when a model is first trained or used (see tf-model.ts). */
const tfModel = () => import('./attribute-model/tf-model.js');

/** The profile whose records the topic model learns from and fills. */
const PRODUCT_PROFILE = 'product';
const KIND = 'attribute-model';
// Stage log lines at most this often during training (each is a row update).
const PROGRESS_INTERVAL_MS = 1000;
const EMBED_BATCH = 1000;

export interface TopicModelView {
  version: string;
  promotedAt: Date | null;
  /** The held-out figures of the promoted version: `summary` (mean macro-F1) and per-target scores. */
  metrics: Record<string, unknown>;
  path: string;
}

type Settings = Pick<
  GleanerConfig,
  'recordRequiredFields' | 'recordMinConfidence' | 'topicModelFloor' | 'autoTrain'
>;

/**
 * The per-topic attribute model's life: a training job loads the topic's records, plans and trains a
 * model on the complete ones, evaluates it on held-out records, stores it as a version, promotes it only
 * if it beats the current one and the topic's floor, then fills the missing values of the topic's
 * records with the promoted model and re-scores them. It also keeps the records' embeddings for
 * similar-product search.
 */
export class TopicModelService {
  readonly #db: Database;
  readonly #queue: JobQueue;
  readonly #store: ModelStore;
  readonly #settings: Settings;
  readonly #logger: Logger;
  /** Loaded models by topic, dropped when `latest` changes. */
  readonly #loaded = new Map<string, Promise<AttributeModel>>();

  constructor(db: Database, queue: JobQueue, store: ModelStore, settings: Settings, logger: Logger) {
    this.#db = db;
    this.#queue = queue;
    this.#store = store;
    this.#settings = settings;
    this.#logger = logger;
    store.on('latest-changed', (change) => {
      if (change.kind === KIND) this.#dropLoaded(change.name);
    });
  }

  /** Queue a training of the topic (joins a queued one; a running one runs again after). */
  request(topic: string, reason: string): Promise<{ job: TrainingJobRow; created: boolean }> {
    return requestTraining(this.#db, this.#queue, KIND, topic, { reason });
  }

  /** Run training jobs on this process. */
  async startWorkers(concurrency: number): Promise<void> {
    await this.#queue.work(QUEUES.train, concurrency, async ({ trainingJobId }) => {
      await this.run(trainingJobId);
    });
  }

  /** The promoted model of a topic, or null. */
  async describe(topic: string): Promise<TopicModelView | null> {
    const latest = await this.#store.latest(KIND, topic);
    if (!latest) return null;
    return {
      version: latest.version,
      promotedAt: latest.promotedAt,
      metrics: await this.#fullMetrics(latest.path, latest.metrics),
      path: latest.path,
    };
  }

  /**
   * Run one training job to its end. Never throws for what the data can do (too few records, a model
   * that does not beat the current one): the job records the reason. Throws only on infrastructure
   * faults, which the queue retries.
   */
  async run(trainingJobId: number): Promise<TrainingJobRow | null> {
    const job = await startTrainingJob(this.#db, trainingJobId);
    if (!job) return getTrainingJob(this.#db, trainingJobId);
    const { topic } = job;
    const stage = (name: string, progress: number, message: string) =>
      reportTrainingStage(this.#db, job.id, name, progress, message);
    try {
      const rules = await this.rules(topic);
      await stage('load', 0.02, `loading the records of topic "${topic}"`);
      const records = await this.#loadRecords(topic);
      const plan = planAttributeModel(records.map(modelRecord));
      for (const decision of plan.decisions) await stage('plan', 0.05, decision.reason);
      if (plan.refusal !== null) {
        // Nothing to learn yet: the records still get their embeddings, and the job says what is missing.
        await this.embedTopic(topic);
        return await finishTrainingJob(this.#db, job.id, {
          status: 'failed',
          error: `not trained: ${plan.refusal}`,
          metrics: { records: records.length },
        });
      }

      let lastReport = 0;
      const pending: Promise<void>[] = [];
      const { trainAttributeModel, saveAttributeModel } = await tfModel();
      const model = await trainAttributeModel(records.map(modelRecord), plan, {
        onProgress: (p) => {
          const now = Date.now();
          if (p.stage === 'train' && now - lastReport < PROGRESS_INTERVAL_MS && p.epoch !== p.epochs) return;
          lastReport = now;
          const detail =
            p.stage === 'train' ? `epoch ${p.epoch}/${p.epochs}, loss ${p.loss?.toFixed(4) ?? '?'}` : p.stage;
          pending.push(stage(p.stage, 0.05 + 0.7 * p.fraction, detail));
        },
      });
      await Promise.all(pending);

      await stage('version', 0.78, 'storing the model as a new version');
      const draft = await this.#store.createVersion(KIND, topic);
      let promoted = false;
      let reason: string;
      try {
        await saveAttributeModel(model, draft.dir, { version: draft.version });
        await draft.commit({
          inputs: { records: recordsHash(records) },
          parameters: { plan: plan.options, targets: plan.targets.map((t) => t.id) },
          timingsMs: {
            features: model.metrics.featureSeconds * 1000,
            train: model.metrics.trainSeconds * 1000,
            evaluate: model.metrics.evaluateSeconds * 1000,
          },
        });
        await stage('promote', 0.82, `held-out mean macro-F1 ${model.metrics.summary.toFixed(3)}`);
        const current = await this.#store.latest(KIND, topic);
        const currentMetrics = current ? await this.#fullMetrics(current.path, current.metrics) : null;
        const decision = compareToCurrent(
          model.metrics,
          currentMetrics as AttributeModelMetrics | null,
          rules.modelFloor,
        );
        reason = decision.reason;
        if (decision.promote) {
          const result = await this.#store.promote(draft, { metric: 'summary', min: rules.modelFloor });
          promoted = result.promoted;
          reason = result.promoted ? decision.reason : result.reason;
        }
      } finally {
        model.dispose();
      }
      await stage(
        'promote',
        0.85,
        promoted ? `promoted ${draft.version}: ${reason}` : `kept the current model: ${reason}`,
      );

      await stage('fill', 0.88, 'filling missing values with the promoted model');
      const filled = await this.fill(topic, rules);
      await stage('embed', 0.96, 'embedding the records for similar-product search');
      const embedded = await this.embedTopic(topic);
      const finished = await finishTrainingJob(this.#db, job.id, {
        status: 'completed',
        resultVersion: draft.version,
        promoted,
        metrics: { ...flatMetrics(model.metrics), reason, filledRecords: filled, embeddedRecords: embedded },
      });
      if (job.rerun || (await getTrainingJob(this.#db, job.id))?.rerun)
        await this.request(topic, 'records arrived while the last training ran');
      return finished;
    } catch (error) {
      if (error instanceof InvalidInputError) {
        return finishTrainingJob(this.#db, job.id, { status: 'failed', error: error.message });
      }
      this.#logger.error(
        { trainingJobId: job.id, topic, err: describeError(error) },
        'topic training failed',
      );
      await finishTrainingJob(this.#db, job.id, { status: 'failed', error: describeError(error) }).catch(
        () => undefined,
      );
      throw error;
    }
  }

  /** The topic's rules: its stored overrides over the configured defaults. */
  async rules(topic: string): Promise<TopicRules> {
    return resolveTopicRules(await getTopicSettings(this.#db, topic), topicRulesFromConfig(this.#settings));
  }

  /**
   * Fill the missing and doubtful values of a topic's records with its promoted model and re-score them.
   * Returns how many records changed. Without a promoted model, nothing changes.
   */
  async fill(topic: string, rules?: TopicRules): Promise<number> {
    const latest = await this.#store.latest(KIND, topic);
    if (!latest) return 0;
    const resolved = rules ?? (await this.rules(topic));
    const model = await this.#model(topic, latest.path, latest.version);
    const { predictMissing } = await tfModel();
    let changed = 0;
    for await (const batch of topicRecords(this.#db, topic, PRODUCT_PROFILE)) {
      const issues = new Map(batch.map((r) => [r.id, r.issues.length]));
      const predictions = predictMissing(model, batch.map(modelRecord), {
        minConfidence: resolved.minConfidence,
      });
      const updates = predictions
        .filter((p) => p.filled.length > 0)
        .map((p) => {
          const score = scoreRecord(p.attributes, resolved, issues.get(Number(p.id)) ?? 0);
          return { id: Number(p.id), attributes: p.attributes, ...score, modelVersion: latest.version };
        });
      changed += await rescoreTrainingRecords(this.#db, updates);
    }
    return changed;
  }

  /** Embed the topic's records that have no embedding or changed since; returns how many. */
  async embedTopic(topic?: string): Promise<number> {
    if (!this.#db.vectorSupport) return 0;
    let total = 0;
    for (;;) {
      const batch = await recordsNeedingEmbedding(this.#db, {
        topic,
        embedder: RECORD_EMBEDDER_ID,
        limit: EMBED_BATCH,
      });
      if (batch.length === 0) return total;
      await upsertRecordEmbeddings(
        this.#db,
        batch.map((r) => ({
          recordId: r.id,
          embedder: RECORD_EMBEDDER_ID,
          embedding: embedRecord(r.attributes as RecordAttributes),
        })),
      );
      total += batch.length;
    }
  }

  /** The `k` products nearest to a record (its topic's, unless `anyTopic`), embedding what needs it first. */
  async similar(recordId: number, options: { k: number; anyTopic?: boolean }): Promise<SimilarRecord[]> {
    assertVectorSupport(this.#db);
    const { rows } = await this.#db.query<{ topic: string }>(
      'SELECT topic FROM training_records WHERE id = $1',
      [recordId],
    );
    if (!rows[0])
      throw new InvalidInputError(
        'id',
        `record ${recordId} does not exist; list records with \`gleaner records\``,
        {
          code: 'not-found',
        },
      );
    await this.embedTopic(options.anyTopic ? undefined : rows[0].topic);
    return similarRecords(this.#db, recordId, options);
  }

  close(): void {
    for (const topic of [...this.#loaded.keys()]) this.#dropLoaded(topic);
  }

  async #loadRecords(topic: string): Promise<TrainingRecordRow[]> {
    const all: TrainingRecordRow[] = [];
    for await (const batch of topicRecords(this.#db, topic, PRODUCT_PROFILE)) all.push(...batch);
    return all;
  }

  #model(topic: string, dir: string, version: string): Promise<AttributeModel> {
    const key = `${topic}\u0000${version}`;
    let loaded = this.#loaded.get(key);
    if (!loaded) {
      this.#dropLoaded(topic);
      loaded = tfModel().then(({ loadAttributeModel }) => loadAttributeModel(dir, { version }));
      loaded.catch(() => this.#loaded.delete(key));
      this.#loaded.set(key, loaded);
    }
    return loaded;
  }

  #dropLoaded(topic: string): void {
    for (const [key, model] of this.#loaded)
      if (key.startsWith(`${topic}\u0000`)) {
        this.#loaded.delete(key);
        void model.then((m) => m.dispose()).catch(() => undefined);
      }
  }

  /** The version's full `metrics.json` (per-target figures), which the store's listing flattens to numbers. */
  async #fullMetrics(dir: string, fallback: Record<string, number>): Promise<Record<string, unknown>> {
    try {
      return JSON.parse(await readFile(join(dir, METRICS_JSON), 'utf8')) as Record<string, unknown>;
    } catch {
      return fallback;
    }
  }
}

function modelRecord(record: Pick<TrainingRecordRow, 'id' | 'attributes'>): {
  id: number;
  attributes: RecordAttributes;
} {
  return { id: record.id, attributes: record.attributes as RecordAttributes };
}

/** What the model was trained on: the records' ids and when each last changed. */
function recordsHash(records: readonly TrainingRecordRow[]): string {
  return contentHash(records.map((r) => `${r.id}:${new Date(r.updatedAt).getTime()}`).join('\n'));
}

/** The job's metrics: the summary and each target's accuracy and macro-F1, flat. */
function flatMetrics(metrics: AttributeModelMetrics): Record<string, number> {
  const flat: Record<string, number> = {
    summary: metrics.summary,
    trainRecords: metrics.trainRecords,
    heldOutRecords: metrics.heldOutRecords,
    trainSeconds: metrics.trainSeconds,
  };
  for (const [id, target] of Object.entries(metrics.targets)) {
    flat[`accuracy_${id}`] = target.accuracy;
    flat[`macro_f1_${id}`] = target.macroF1;
    flat[`baseline_accuracy_${id}`] = target.baselineAccuracy;
  }
  return flat;
}

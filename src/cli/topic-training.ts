import type { ProgressEvent } from '../core/index.js';
import type { MiningJobReport } from '../mining/index.js';
import type { Gleaner } from '../runtime/index.js';
import { listTrainingJobs, type TrainingJobRow } from '../store/index.js';
import type { TargetMetrics } from '../train/attribute-model/types.js';
import type { TopicModelView } from '../train/topic-model-service.js';
import type { CliContext } from './context.js';
import { stageProgress } from './stage-progress.js';

const POLL_MS = 250;
/** The request follows the job's final state within the same slice: this is ample. */
const APPEAR_MS = 5_000;

/**
 * The topic training a finished mining job asked for (it left records that need training data, and the
 * topic trains by itself), followed to its end. Null when the job asked for none, or when the training
 * job did not appear or finish before `signal` aborted. Polls the database, so it follows training that
 * runs in this process or in any worker on a shared PostgreSQL.
 */
export async function followTopicTraining(
  gleaner: Gleaner,
  report: MiningJobReport,
  options: { signal?: AbortSignal; progress?: { report(event: ProgressEvent): void } } = {},
): Promise<TrainingJobRow | null> {
  if (report.status !== 'completed' || report.records.needsTrainingData === 0 || !report.finishedAt)
    return null;
  if (!(await gleaner.topicModels.rules(report.topic)).autoTrain) return null;
  // The request creates a job, or joins a queued or running one: either way that job's row is updated
  // after the mining job finished.
  const since = report.finishedAt.getTime() - 1000;
  const appearBy = Date.now() + APPEAR_MS;
  let id: number | null = null;
  let lastLog = -1;
  while (!options.signal?.aborted) {
    const jobs: TrainingJobRow[] = await listTrainingJobs(gleaner.db, {
      kind: 'attribute-model',
      topic: report.topic,
      limit: 5,
      offset: 0,
    });
    const job: TrainingJobRow | undefined =
      id === null ? jobs.find((j) => j.updatedAt.getTime() >= since) : jobs.find((j) => j.id === id);
    if (job) {
      id = job.id;
      if (job.log.length !== lastLog && job.stage) {
        lastLog = job.log.length;
        const last = job.log.at(-1)?.message;
        const message = last === job.stage ? undefined : last;
        options.progress?.report({
          stage: `training ${job.topic}: ${job.stage}`,
          done: Math.round(job.progress * 100),
          total: 100,
          ...(message ? { message } : {}),
        });
      }
      if (job.status === 'completed' || job.status === 'failed') return job;
    } else if (id !== null || Date.now() > appearBy) return null;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return null;
}

/** For `mine` and `demo`: follow the job's topic training (stages on stderr), then print its outcome. */
export async function showTopicTraining(
  gleaner: Gleaner,
  ctx: CliContext,
  report: MiningJobReport,
  signal?: AbortSignal,
): Promise<TrainingJobRow | null> {
  const progress = stageProgress({ json: ctx.json });
  const training = await followTopicTraining(gleaner, report, { progress, ...(signal ? { signal } : {}) });
  progress.stop();
  if (training)
    for (const line of formatTrainingSummary(training, await gleaner.topicModels.describe(report.topic)))
      ctx.say(line);
  return training;
}

/** The human summary of a topic training job and, when it has one, the topic's serving model. */
export function formatTrainingSummary(job: TrainingJobRow, model: TopicModelView | null): string[] {
  const seconds =
    job.startedAt && job.finishedAt
      ? ` in ${((job.finishedAt.getTime() - job.startedAt.getTime()) / 1000).toFixed(1)} s`
      : '';
  const head = `topic model for ${job.topic} (training job ${job.id}${seconds})`;
  if (job.status === 'failed') return [`${head}: ${job.error ?? 'failed, no reason recorded'}`];
  if (job.status !== 'completed') return [`${head}: ${job.status}${job.stage ? `, at ${job.stage}` : ''}`];
  const metrics = job.metrics ?? {};
  const reason = typeof metrics.reason === 'string' ? metrics.reason : '';
  const lines = [
    `${head}: ${job.promoted ? `promoted ${job.resultVersion}` : `trained ${job.resultVersion}, kept the current model`}` +
      (reason ? ` (${reason})` : ''),
  ];
  if (model) lines.push(...formatModelTargets(model));
  if (typeof metrics.filledRecords === 'number')
    lines.push(
      `  filled missing values in ${metrics.filledRecords} records, marked as predicted (gleaner records --topic ${job.topic} --predicted)`,
    );
  return lines;
}

/** A topic model's held-out figures, one line per attribute it learnt, and whether it fills that attribute. */
export function formatModelTargets(model: TopicModelView): string[] {
  const m = model.metrics as {
    summary?: number;
    trainRecords?: number;
    heldOutRecords?: number;
    targets?: Record<string, TargetMetrics>;
  };
  const lines = [
    `  serving ${model.version}: held-out mean macro-F1 ${m.summary?.toFixed(3) ?? '?'} on ${m.heldOutRecords ?? '?'} records (${m.trainRecords ?? '?'} to train)`,
  ];
  const targets = Object.entries(m.targets ?? {});
  if (targets.length === 0) return lines;
  const width = Math.max(9, ...targets.map(([id]) => id.length));
  lines.push(`    ${'attribute'.padEnd(width)}  accuracy  macro-F1  baseline  classes  fills`);
  for (const [id, t] of targets)
    lines.push(
      `    ${id.padEnd(width)}  ${t.accuracy.toFixed(3).padStart(8)}  ${t.macroF1.toFixed(3).padStart(8)}  ${t.baselineAccuracy.toFixed(3).padStart(8)}  ${String(t.classes).padStart(7)}  ${t.usable ? 'yes' : 'no: not enough better than always answering the most frequent value'}`,
    );
  return lines;
}

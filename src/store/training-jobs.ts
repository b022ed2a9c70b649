import type { Queryable } from './database.js';

export type TrainingKind = 'semantic-index' | 'attribute-model' | 'image-classifier';
export type TrainingJobStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface TrainingJobRow {
  id: number;
  kind: TrainingKind;
  topic: string;
  status: TrainingJobStatus;
  stage: string | null;
  progress: number;
  log: { at: string; stage: string; message: string }[];
  params: Record<string, unknown>;
  /** How many requests this job answers (requests made while it was queued coalesce into it). */
  requests: number;
  /** A request arrived while it ran: another job is queued when it finishes. */
  rerun: boolean;
  resultVersion: string | null;
  promoted: boolean | null;
  metrics: Record<string, unknown> | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

const COLUMNS = `id, kind, topic, status, stage, progress, log, params, requests, rerun,
  result_version AS "resultVersion", promoted, metrics, error, created_at AS "createdAt",
  started_at AS "startedAt", finished_at AS "finishedAt", updated_at AS "updatedAt"`;

/**
 * Ask for a training job of this kind and topic. At most one is queued or running per kind and topic:
 * a request while one is queued joins it; a request while one runs marks it to run again afterwards.
 * Returns the job that will answer and whether it is new (the caller then sends its queue message).
 */
export async function requestTrainingJob(
  q: Queryable,
  kind: TrainingKind,
  topic: string,
  params: Record<string, unknown> = {},
): Promise<{ job: TrainingJobRow; created: boolean }> {
  const inserted = await q.query<TrainingJobRow>(
    `INSERT INTO training_jobs (kind, topic, params) VALUES ($1, $2, $3)
     ON CONFLICT (kind, topic) WHERE status IN ('queued', 'running') DO NOTHING
     RETURNING ${COLUMNS}`,
    [kind, topic, JSON.stringify(params)],
  );
  if (inserted.rows[0]) return { job: inserted.rows[0], created: true };
  const { rows } = await q.query<TrainingJobRow>(
    `UPDATE training_jobs SET requests = requests + 1, rerun = rerun OR status = 'running', updated_at = now()
     WHERE kind = $1 AND topic = $2 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
    [kind, topic],
  );
  // The active job finished between the two statements: ask again, which now inserts.
  if (!rows[0]) return requestTrainingJob(q, kind, topic, params);
  return { job: rows[0], created: false };
}

/** Mark a queued job running; null when it is not queued (already taken, or finished). */
export async function startTrainingJob(q: Queryable, id: number): Promise<TrainingJobRow | null> {
  const { rows } = await q.query<TrainingJobRow>(
    `UPDATE training_jobs SET status = 'running', started_at = COALESCE(started_at, now()), updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Record the stage a running job reached, its progress (0..1) and a log line. */
export async function reportTrainingStage(
  q: Queryable,
  id: number,
  stage: string,
  progress: number,
  message: string,
): Promise<void> {
  await q.query(
    `UPDATE training_jobs SET stage = $2, progress = $3, updated_at = now(),
       log = log || jsonb_build_array(jsonb_build_object('at', now(), 'stage', $2::text, 'message', $4::text))
     WHERE id = $1`,
    [id, stage, Math.max(0, Math.min(1, progress)), message],
  );
}

export async function finishTrainingJob(
  q: Queryable,
  id: number,
  outcome:
    | {
        status: 'completed';
        resultVersion: string | null;
        promoted: boolean;
        metrics: Record<string, unknown>;
      }
    | { status: 'failed'; error: string; metrics?: Record<string, unknown> },
): Promise<TrainingJobRow> {
  const { rows } = await q.query<TrainingJobRow>(
    `UPDATE training_jobs SET status = $2, result_version = $3, promoted = $4, metrics = $5, error = $6,
       progress = CASE WHEN $2 = 'completed' THEN 1 ELSE progress END, finished_at = now(), updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      outcome.status,
      outcome.status === 'completed' ? outcome.resultVersion : null,
      outcome.status === 'completed' ? outcome.promoted : null,
      outcome.metrics ? JSON.stringify(outcome.metrics) : null,
      outcome.status === 'failed' ? outcome.error : null,
    ],
  );
  return rows[0]!;
}

export async function getTrainingJob(q: Queryable, id: number): Promise<TrainingJobRow | null> {
  const { rows } = await q.query<TrainingJobRow>(`SELECT ${COLUMNS} FROM training_jobs WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listTrainingJobs(
  q: Queryable,
  filter: { kind?: TrainingKind | undefined; topic?: string | undefined; limit: number; offset: number },
): Promise<TrainingJobRow[]> {
  const { rows } = await q.query<TrainingJobRow>(
    `SELECT ${COLUMNS} FROM training_jobs WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR topic = $2)
     ORDER BY id DESC LIMIT $3 OFFSET $4`,
    [filter.kind ?? null, filter.topic ?? null, filter.limit, filter.offset],
  );
  return rows;
}

import type { Queryable } from './database.js';

export type MiningJobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type RenderMode = 'static' | 'browser' | 'auto';

export interface MiningJobRow {
  id: number;
  topic: string;
  renderMode: RenderMode;
  /** The job as submitted (start URLs, scope, profiles, selectors…); validated by the mining layer. */
  spec: unknown;
  status: MiningJobStatus;
  pagesStored: number;
  pagesFailed: number;
  urlsSkipped: number;
  urlsDiscovered: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

const COLUMNS = `id, topic, render_mode AS "renderMode", spec, status, pages_stored AS "pagesStored",
  pages_failed AS "pagesFailed", urls_skipped AS "urlsSkipped", urls_discovered AS "urlsDiscovered", error,
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt", updated_at AS "updatedAt"`;

export async function insertMiningJob(
  q: Queryable,
  job: { topic: string; renderMode: RenderMode; spec: unknown },
): Promise<MiningJobRow> {
  const { rows } = await q.query<MiningJobRow>(
    `INSERT INTO mining_jobs (topic, render_mode, spec) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
    [job.topic, job.renderMode, JSON.stringify(job.spec)],
  );
  return rows[0]!;
}

export async function getMiningJob(q: Queryable, id: number): Promise<MiningJobRow | null> {
  const { rows } = await q.query<MiningJobRow>(`SELECT ${COLUMNS} FROM mining_jobs WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export interface ListMiningJobsFilter {
  status?: MiningJobStatus | undefined;
  topic?: string | undefined;
  limit: number;
  offset: number;
}

export async function listMiningJobs(q: Queryable, filter: ListMiningJobsFilter): Promise<MiningJobRow[]> {
  const { rows } = await q.query<MiningJobRow>(
    `SELECT ${COLUMNS} FROM mining_jobs
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR topic = $2)
     ORDER BY id DESC LIMIT $3 OFFSET $4`,
    [filter.status ?? null, filter.topic ?? null, filter.limit, filter.offset],
  );
  return rows;
}

/**
 * Take the job's lease for one slice of work. Only one worker works on a job at a time; a lease left by
 * a killed worker lapses after `leaseSeconds`. Returns null when the job is finished or leased by a live worker.
 */
export async function acquireLease(
  q: Queryable,
  id: number,
  owner: string,
  leaseSeconds: number,
): Promise<MiningJobRow | null> {
  const { rows } = await q.query<MiningJobRow>(
    `UPDATE mining_jobs SET lease_owner = $2, lease_until = now() + make_interval(secs => $3),
       status = CASE WHEN status = 'queued' THEN 'running' ELSE status END,
       started_at = COALESCE(started_at, now()), updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'running')
       AND (lease_until IS NULL OR lease_until <= now() OR lease_owner = $2)
     RETURNING ${COLUMNS}`,
    [id, owner, leaseSeconds],
  );
  return rows[0] ?? null;
}

/** Extend the lease; returns the job's current status so a long slice notices a cancellation. */
export async function renewLease(
  q: Queryable,
  id: number,
  owner: string,
  leaseSeconds: number,
): Promise<MiningJobStatus | null> {
  const { rows } = await q.query<{ status: MiningJobStatus }>(
    `UPDATE mining_jobs SET lease_until = now() + make_interval(secs => $3), updated_at = now()
     WHERE id = $1 AND lease_owner = $2 RETURNING status`,
    [id, owner, leaseSeconds],
  );
  return rows[0]?.status ?? null;
}

export async function releaseLease(q: Queryable, id: number, owner: string): Promise<void> {
  await q.query(
    `UPDATE mining_jobs SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2`,
    [id, owner],
  );
}

export async function addJobCounts(
  q: Queryable,
  id: number,
  delta: { pagesStored?: number; pagesFailed?: number; urlsSkipped?: number; urlsDiscovered?: number },
): Promise<void> {
  await q.query(
    `UPDATE mining_jobs SET pages_stored = pages_stored + $2, pages_failed = pages_failed + $3,
       urls_skipped = urls_skipped + $4, urls_discovered = urls_discovered + $5, updated_at = now() WHERE id = $1`,
    [id, delta.pagesStored ?? 0, delta.pagesFailed ?? 0, delta.urlsSkipped ?? 0, delta.urlsDiscovered ?? 0],
  );
}

/** Move a job to a final state; a job already final keeps its state (a late slice cannot revive a cancelled job). */
export async function finishMiningJob(
  q: Queryable,
  id: number,
  status: 'completed' | 'failed' | 'cancelled',
  error: string | null = null,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE mining_jobs SET status = $2, error = COALESCE($3, error), finished_at = now(), updated_at = now(),
       lease_owner = NULL, lease_until = NULL
     WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, status, error],
  );
  return rowCount > 0;
}

/** Milliseconds left on a job's lease (negative when lapsed, null when none) and the job's status. */
export async function leaseState(
  q: Queryable,
  id: number,
): Promise<{ status: MiningJobStatus; remainingMs: number | null } | null> {
  const { rows } = await q.query<{ status: MiningJobStatus; remainingMs: number | null }>(
    `SELECT status, (EXTRACT(EPOCH FROM lease_until - now()) * 1000)::int AS "remainingMs" FROM mining_jobs WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

import type { Queryable } from './database.js';

export interface FrontierEntry {
  url: string;
  depth: number;
  attempts: number;
}

/** Add URLs not seen before by this job; returns how many were new. */
export async function enqueueUrls(
  q: Queryable,
  jobId: number,
  entries: { url: string; depth: number }[],
): Promise<number> {
  if (entries.length === 0) return 0;
  const { rowCount } = await q.query(
    `INSERT INTO frontier (job_id, url, depth)
     SELECT $1, u, d FROM unnest($2::text[], $3::int[]) AS t(u, d)
     ON CONFLICT (job_id, url) DO NOTHING`,
    [jobId, entries.map((e) => e.url), entries.map((e) => e.depth)],
  );
  return rowCount;
}

/** Pending URLs due now, shallowest first, excluding those already in flight in this process. */
export async function nextPending(
  q: Queryable,
  jobId: number,
  limit: number,
  exclude: string[],
): Promise<FrontierEntry[]> {
  const { rows } = await q.query<FrontierEntry>(
    `SELECT url, depth, attempts FROM frontier
     WHERE job_id = $1 AND state = 'pending' AND not_before <= now() AND NOT (url = ANY($3::text[]))
     ORDER BY depth, seq LIMIT $2`,
    [jobId, limit, exclude],
  );
  return rows;
}

export interface FrontierCounts {
  pending: number;
  due: number;
  done: number;
  failed: number;
  skipped: number;
  nextDueInMs: number | null;
}

export async function frontierCounts(q: Queryable, jobId: number): Promise<FrontierCounts> {
  const { rows } = await q.query<FrontierCounts>(
    `SELECT count(*) FILTER (WHERE state = 'pending')::int AS pending,
            count(*) FILTER (WHERE state = 'pending' AND not_before <= now())::int AS due,
            count(*) FILTER (WHERE state = 'done')::int AS done,
            count(*) FILTER (WHERE state = 'failed')::int AS failed,
            count(*) FILTER (WHERE state = 'skipped')::int AS skipped,
            (EXTRACT(EPOCH FROM min(not_before) FILTER (WHERE state = 'pending') - now()) * 1000)::int AS "nextDueInMs"
     FROM frontier WHERE job_id = $1`,
    [jobId],
  );
  return rows[0]!;
}

/** Close frontier entries (done, failed or skipped) with their reasons. */
export async function settleUrls(
  q: Queryable,
  jobId: number,
  entries: { url: string; state: 'done' | 'failed' | 'skipped'; reason: string | null }[],
): Promise<void> {
  if (entries.length === 0) return;
  await q.query(
    `UPDATE frontier f SET state = t.s, reason = t.r, attempts = f.attempts + 1
     FROM unnest($2::text[], $3::text[], $4::text[]) AS t(u, s, r)
     WHERE f.job_id = $1 AND f.url = t.u`,
    [jobId, entries.map((e) => e.url), entries.map((e) => e.state), entries.map((e) => e.reason)],
  );
}

/** Put a URL back for a later attempt (passing fault, 429/503). */
export async function deferUrl(
  q: Queryable,
  jobId: number,
  url: string,
  delayMs: number,
  reason: string,
): Promise<void> {
  await q.query(
    `UPDATE frontier SET attempts = attempts + 1, not_before = now() + make_interval(secs => $3), reason = $4
     WHERE job_id = $1 AND url = $2`,
    [jobId, url, delayMs / 1000, reason],
  );
}

export interface SkippedUrl {
  url: string;
  state: 'failed' | 'skipped';
  reason: string | null;
}

export async function listUnfetched(q: Queryable, jobId: number, limit: number): Promise<SkippedUrl[]> {
  const { rows } = await q.query<SkippedUrl>(
    `SELECT url, state, reason FROM frontier WHERE job_id = $1 AND state IN ('failed', 'skipped') ORDER BY seq LIMIT $2`,
    [jobId, limit],
  );
  return rows;
}

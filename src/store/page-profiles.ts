import type { Queryable } from './database.js';

/** What one profile made of one page: its attributes and 0-100 quality, or why it failed. */
export interface PageProfileWrite {
  profile: string;
  attributes: Record<string, unknown>;
  /** 0-100; null when the profile failed on the page. */
  quality: number | null;
  error: string | null;
  durationMs: number;
}

export interface PageProfileRow extends PageProfileWrite {
  pageId: number;
  jobId: number;
  createdAt: Date;
}

/** A page's profile result with the page's URL, for listings by job and profile. */
export interface ProfileResultRow extends PageProfileRow {
  url: string;
}

export interface ProfileSummary {
  profile: string;
  /** Pages the profile ran on. */
  pages: number;
  /** Of those, pages on which it failed (no attributes). */
  failed: number;
  /** Mean quality over the pages it did not fail on; null when it failed on all. */
  meanQuality: number | null;
  meanDurationMs: number;
}

const COLUMNS = `pp.page_id AS "pageId", pp.job_id AS "jobId", pp.profile, pp.attributes, pp.quality, pp.error,
  pp.duration_ms AS "durationMs", pp.created_at AS "createdAt"`;

/**
 * Replace the profile results of these pages (a re-run page replaces its results, never adds to them).
 * Called by `upsertPages`, inside the transaction that writes the pages.
 */
export async function replacePageProfiles(
  q: Queryable,
  jobId: number,
  pages: { pageId: number; profiles: readonly PageProfileWrite[] }[],
): Promise<void> {
  if (pages.length === 0) return;
  await q.query('DELETE FROM page_profiles WHERE page_id = ANY($1::bigint[])', [pages.map((p) => p.pageId)]);
  const rows = pages.flatMap(({ pageId, profiles }) =>
    profiles.map((r) => ({
      p: pageId,
      n: r.profile,
      a: r.attributes,
      q: r.quality === null ? null : Math.round(Math.min(100, Math.max(0, r.quality))),
      e: r.error,
      d: Math.round(r.durationMs),
    })),
  );
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO page_profiles (page_id, job_id, profile, attributes, quality, error, duration_ms)
     SELECT x.p, $1, x.n, x.a, x.q, x.e, x.d
     FROM jsonb_to_recordset($2::jsonb) AS x(p bigint, n text, a jsonb, q int, e text, d int)`,
    [jobId, JSON.stringify(rows)],
  );
}

/** Every profile's result for one page. */
export async function listPageProfiles(q: Queryable, pageId: number): Promise<PageProfileRow[]> {
  const { rows } = await q.query<PageProfileRow>(
    `SELECT ${COLUMNS} FROM page_profiles pp WHERE pp.page_id = $1 ORDER BY pp.profile`,
    [pageId],
  );
  return rows;
}

export interface ListProfileResultsFilter {
  jobId: number;
  profile: string;
  /** Only results at or above this quality. */
  minQuality?: number;
  limit: number;
  offset: number;
}

/** One profile's results over a job's pages, in page order: the rows a per-profile dataset is built from. */
export async function listProfileResults(
  q: Queryable,
  filter: ListProfileResultsFilter,
): Promise<ProfileResultRow[]> {
  const { rows } = await q.query<ProfileResultRow>(
    `SELECT ${COLUMNS}, p.url FROM page_profiles pp JOIN pages p ON p.id = pp.page_id
     WHERE pp.job_id = $1 AND pp.profile = $2 AND ($3::int IS NULL OR pp.quality >= $3)
     ORDER BY pp.page_id LIMIT $4 OFFSET $5`,
    [filter.jobId, filter.profile, filter.minQuality ?? null, filter.limit, filter.offset],
  );
  return rows;
}

/** Per profile of a job: pages, failures, mean quality and time. */
export async function profileSummary(q: Queryable, jobId: number): Promise<ProfileSummary[]> {
  const { rows } = await q.query<ProfileSummary>(
    `SELECT profile, count(*)::int AS pages, count(*) FILTER (WHERE quality IS NULL)::int AS failed,
       round(avg(quality), 1)::float8 AS "meanQuality", round(avg(duration_ms))::int AS "meanDurationMs"
     FROM page_profiles WHERE job_id = $1 GROUP BY profile ORDER BY profile`,
    [jobId],
  );
  return rows;
}

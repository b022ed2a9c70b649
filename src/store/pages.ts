import type { Queryable } from './database.js';
import { replacePageProfiles, type PageProfileWrite } from './page-profiles.js';
import { recordSchemaLinkPatterns, type SchemaLinkPatternWrite } from './schema-link-patterns.js';
import { upsertTrainingRecords, type TrainingRecordWrite } from './training-records.js';

/** What is known of a fetched page, good or bad. */
interface PageFields {
  url: string;
  finalUrl: string | null;
  depth: number;
  httpStatus: number | null;
  contentHash: string | null;
  contentType: string | null;
  bytes: number | null;
  fetchedAt: Date;
  timings: Record<string, number>;
  redirects: string[];
  error: string | null;
  errorCode: string | null;
}

export interface PageWrite extends PageFields {
  extraction: unknown;
  links: LinkWrite[];
  /** The asked-for profiles' results on this page; they replace the page's earlier ones. */
  profiles?: PageProfileWrite[];
  /** Patterns the schema linker learnt on this page, added to `schema_link_patterns`. */
  schemaLinkPatterns?: SchemaLinkPatternWrite[];
  /** Training records made from this page (its product), stored with the page's id. */
  records?: Omit<TrainingRecordWrite, 'pageId' | 'jobId'>[];
}

export interface LinkWrite {
  toUrl: string;
  anchorText: string;
  rel: string;
  internal: boolean;
}

export interface PageRow extends PageFields {
  id: number;
  jobId: number;
}

const PAGE_COLUMNS = `id, job_id AS "jobId", url, final_url AS "finalUrl", depth, http_status AS "httpStatus",
  content_hash AS "contentHash", content_type AS "contentType", bytes, fetched_at AS "fetchedAt", timings, redirects,
  error, error_code AS "errorCode"`;

/**
 * Store pages with their links, replacing earlier rows of the same job and URL (a re-run replaces,
 * never duplicates). One statement for all pages and one for all links: the batch is the unit of work.
 */
export async function upsertPages(
  q: Queryable,
  jobId: number,
  pages: PageWrite[],
): Promise<Map<string, number>> {
  if (pages.length === 0) return new Map();
  const payload = pages.map((p) => ({
    url: p.url,
    final_url: p.finalUrl,
    depth: p.depth,
    http_status: p.httpStatus,
    content_hash: p.contentHash,
    content_type: p.contentType,
    bytes: p.bytes,
    fetched_at: p.fetchedAt.toISOString(),
    timings: p.timings,
    redirects: p.redirects,
    error: p.error,
    error_code: p.errorCode,
    extraction: p.extraction ?? null,
  }));
  const { rows } = await q.query<{ id: number; url: string }>(
    `INSERT INTO pages (job_id, url, final_url, depth, http_status, content_hash, content_type, bytes, fetched_at, timings, redirects, error, error_code, extraction)
     SELECT $1, r.url, r.final_url, r.depth, r.http_status, r.content_hash, r.content_type, r.bytes, r.fetched_at, r.timings, r.redirects, r.error, r.error_code, r.extraction
     FROM jsonb_to_recordset($2::jsonb) AS r(url text, final_url text, depth int, http_status int, content_hash text, content_type text,
       bytes int, fetched_at timestamptz, timings jsonb, redirects jsonb, error text, error_code text, extraction jsonb)
     ON CONFLICT (job_id, url) DO UPDATE SET final_url = EXCLUDED.final_url, depth = EXCLUDED.depth, http_status = EXCLUDED.http_status,
       content_hash = EXCLUDED.content_hash, content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes, fetched_at = EXCLUDED.fetched_at,
       timings = EXCLUDED.timings, redirects = EXCLUDED.redirects, error = EXCLUDED.error, error_code = EXCLUDED.error_code,
       extraction = EXCLUDED.extraction
     RETURNING id, url`,
    [jobId, JSON.stringify(payload)],
  );
  const ids = new Map(rows.map((r) => [r.url, r.id]));
  // Pages of jobs without profiles carry none (undefined): no statement at all for them.
  await replacePageProfiles(
    q,
    jobId,
    pages.flatMap((page) => (page.profiles ? [{ pageId: ids.get(page.url)!, profiles: page.profiles }] : [])),
  );
  await recordSchemaLinkPatterns(
    q,
    pages.flatMap((page) => page.schemaLinkPatterns ?? []),
  );
  await upsertTrainingRecords(
    q,
    pages.flatMap((page) => (page.records ?? []).map((r) => ({ ...r, jobId, pageId: ids.get(page.url)! }))),
  );
  await q.query('DELETE FROM links WHERE page_id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
  const links: { p: number; u: string; t: string; r: string; i: boolean }[] = [];
  for (const page of pages) {
    const pageId = ids.get(page.url)!;
    for (const link of page.links)
      links.push({ p: pageId, u: link.toUrl, t: link.anchorText, r: link.rel, i: link.internal });
  }
  if (links.length > 0) {
    await q.query(
      `INSERT INTO links (page_id, to_url, anchor_text, rel, internal)
       SELECT p, u, t, r, i FROM jsonb_to_recordset($1::jsonb) AS x(p bigint, u text, t text, r text, i boolean)`,
      [JSON.stringify(links)],
    );
  }
  return ids;
}

export async function getPage(q: Queryable, id: number): Promise<(PageRow & { extraction: unknown }) | null> {
  const { rows } = await q.query<PageRow & { extraction: unknown }>(
    `SELECT ${PAGE_COLUMNS}, extraction FROM pages WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export interface ListPagesFilter {
  jobId: number;
  errorsOnly?: boolean;
  limit: number;
  offset: number;
}

export async function listPages(q: Queryable, filter: ListPagesFilter): Promise<PageRow[]> {
  const { rows } = await q.query<PageRow>(
    `SELECT ${PAGE_COLUMNS} FROM pages WHERE job_id = $1 AND (NOT $2 OR error IS NOT NULL) ORDER BY id LIMIT $3 OFFSET $4`,
    [filter.jobId, filter.errorsOnly ?? false, filter.limit, filter.offset],
  );
  return rows;
}

export interface Backlink {
  fromUrl: string;
  anchorText: string;
  rel: string;
}

/** Pages of a job that link to `url`. */
export async function backlinks(q: Queryable, jobId: number, url: string, limit = 100): Promise<Backlink[]> {
  const { rows } = await q.query<Backlink>(
    `SELECT p.url AS "fromUrl", l.anchor_text AS "anchorText", l.rel FROM links l JOIN pages p ON p.id = l.page_id
     WHERE p.job_id = $1 AND l.to_url = $2 ORDER BY p.id LIMIT $3`,
    [jobId, url, limit],
  );
  return rows;
}

export interface PageErrorSummary {
  errorCode: string | null;
  count: number;
  example: string;
}

export async function pageErrorSummary(q: Queryable, jobId: number): Promise<PageErrorSummary[]> {
  const { rows } = await q.query<PageErrorSummary>(
    `SELECT error_code AS "errorCode", count(*)::int AS count, min(url) AS example FROM pages
     WHERE job_id = $1 AND error IS NOT NULL GROUP BY error_code ORDER BY count DESC`,
    [jobId],
  );
  return rows;
}

export interface ExtractionSummary {
  pages: number;
  pagesWithJsonLd: number;
  jsonLdErrors: number;
  pagesWithOpenGraph: number;
  pagesWithMicrodata: number;
  pagesWithRdfa: number;
  pagesWithArticle: number;
  links: number;
  internalLinks: number;
  images: number;
  imagesWithoutAlt: number;
}

/** What the extraction of a job's pages found, counted in the database. */
export async function extractionSummary(q: Queryable, jobId: number): Promise<ExtractionSummary> {
  const { rows } = await q.query<ExtractionSummary>(
    `SELECT count(*)::int AS pages,
       count(*) FILTER (WHERE jsonb_array_length(COALESCE(extraction->'jsonLd', '[]')) > 0)::int AS "pagesWithJsonLd",
       COALESCE(sum(jsonb_array_length(COALESCE(extraction->'jsonLdErrors', '[]'))), 0)::int AS "jsonLdErrors",
       count(*) FILTER (WHERE jsonb_array_length(COALESCE(extraction->'openGraph', '[]')) > 0)::int AS "pagesWithOpenGraph",
       count(*) FILTER (WHERE jsonb_array_length(COALESCE(extraction->'microdata', '[]')) > 0)::int AS "pagesWithMicrodata",
       count(*) FILTER (WHERE jsonb_array_length(COALESCE(extraction->'rdfa', '[]')) > 0)::int AS "pagesWithRdfa",
       count(*) FILTER (WHERE jsonb_typeof(extraction->'article') = 'object')::int AS "pagesWithArticle",
       COALESCE(sum((extraction->>'linkCount')::int), 0)::int AS links,
       COALESCE(sum(jsonb_array_length(COALESCE(extraction->'images', '[]'))), 0)::int AS images,
       COALESCE(sum((SELECT count(*) FROM jsonb_array_elements(COALESCE(extraction->'images', '[]')) i WHERE i->>'altState' <> 'present')), 0)::int AS "imagesWithoutAlt",
       (SELECT count(*)::int FROM links l JOIN pages p2 ON p2.id = l.page_id WHERE p2.job_id = $1 AND l.internal) AS "internalLinks"
     FROM pages WHERE job_id = $1 AND extraction IS NOT NULL`,
    [jobId],
  );
  return rows[0]!;
}

import type { Queryable } from './database.js';

/**
 * The `models` table: a mirror of the model store's folders (the files are the truth), so that an API
 * process without the store's disk can list models, and so that models can be joined with training jobs.
 */
export interface ModelRow {
  kind: string;
  name: string;
  version: string;
  /** The version folder, as the writing process saw it. */
  path: string;
  metrics: Record<string, number>;
  datasetHash: string | null;
  createdAt: Date;
  promotedAt: Date | null;
  isLatest: boolean;
}

export type ModelRowWrite = Omit<ModelRow, 'promotedAt' | 'isLatest'>;

const COLUMNS = `kind, name, version, path, metrics, dataset_hash AS "datasetHash", created_at AS "createdAt",
  promoted_at AS "promotedAt", is_latest AS "isLatest"`;

/** Insert a version, or refresh its path, metrics and hash; its promotion state is left alone. */
export async function upsertModelVersion(q: Queryable, row: ModelRowWrite): Promise<void> {
  await q.query(
    `INSERT INTO models (kind, name, version, path, metrics, dataset_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (kind, name, version) DO UPDATE SET path = EXCLUDED.path, metrics = EXCLUDED.metrics,
       dataset_hash = EXCLUDED.dataset_hash`,
    [row.kind, row.name, row.version, row.path, JSON.stringify(row.metrics), row.datasetHash, row.createdAt],
  );
}

/**
 * Mark one version as the latest of its model (stamped `promotedAt`) and every other one as not;
 * `version` null clears the mark. One statement, so readers never see two latest versions.
 */
export async function setLatestModelVersion(
  q: Queryable,
  kind: string,
  name: string,
  version: string | null,
  promotedAt: Date,
): Promise<void> {
  await q.query(
    `UPDATE models SET is_latest = COALESCE(version = $3::text, false),
       promoted_at = CASE WHEN version = $3::text THEN $4::timestamptz ELSE promoted_at END
     WHERE kind = $1 AND name = $2`,
    [kind, name, version, promotedAt],
  );
}

export interface ListModelsFilter {
  kind?: string | undefined;
  name?: string | undefined;
}

/** Versions, by kind and name, newest first. */
export async function listModelVersions(q: Queryable, filter: ListModelsFilter = {}): Promise<ModelRow[]> {
  const { rows } = await q.query<ModelRow>(
    `SELECT ${COLUMNS} FROM models
     WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR name = $2)
     ORDER BY kind, name, created_at DESC, version DESC`,
    [filter.kind ?? null, filter.name ?? null],
  );
  return rows;
}

export async function getModelVersion(
  q: Queryable,
  kind: string,
  name: string,
  version: string,
): Promise<ModelRow | null> {
  const { rows } = await q.query<ModelRow>(
    `SELECT ${COLUMNS} FROM models WHERE kind = $1 AND name = $2 AND version = $3`,
    [kind, name, version],
  );
  return rows[0] ?? null;
}

import type { Queryable } from './database.js';

/** A training record as written by the mining job (or re-scored after the topic's model filled it). */
export interface TrainingRecordWrite {
  topic: string;
  profile: string;
  url: string;
  jobId: number | null;
  pageId: number | null;
  /** Attribute name → { value, confidence, source, predicted? }. */
  attributes: Record<string, unknown>;
  quality: number;
  missingFields: string[];
  needsTrainingData: boolean;
  /** Doubtful or rejected values, with the reason: `{ attribute, reason }`. */
  issues: { attribute: string; reason: string }[];
  extractorVersion: string;
  modelVersion?: string | null;
}

export interface TrainingRecordRow extends Required<TrainingRecordWrite> {
  id: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, topic, profile, url, job_id AS "jobId", page_id AS "pageId", attributes, quality,
  missing_fields AS "missingFields", needs_training_data AS "needsTrainingData", issues,
  extractor_version AS "extractorVersion", model_version AS "modelVersion", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

/**
 * Store records, one per (topic, profile, URL): a re-mined page replaces its record rather than adding
 * one. `pageIds` maps a record's URL to its page row when the page was stored in the same transaction.
 */
export async function upsertTrainingRecords(
  q: Queryable,
  records: TrainingRecordWrite[],
): Promise<TrainingRecordRow[]> {
  if (records.length === 0) return [];
  const payload = records.map((r) => ({
    topic: r.topic,
    profile: r.profile,
    url: r.url,
    job_id: r.jobId,
    page_id: r.pageId,
    attributes: r.attributes,
    quality: r.quality,
    missing_fields: r.missingFields,
    needs_training_data: r.needsTrainingData,
    issues: r.issues,
    extractor_version: r.extractorVersion,
    model_version: r.modelVersion ?? null,
  }));
  const { rows } = await q.query<TrainingRecordRow>(
    `INSERT INTO training_records (topic, profile, url, job_id, page_id, attributes, quality, missing_fields,
       needs_training_data, issues, extractor_version, model_version)
     SELECT r.topic, r.profile, r.url, r.job_id, r.page_id, r.attributes, r.quality, r.missing_fields,
       r.needs_training_data, r.issues, r.extractor_version, r.model_version
     FROM jsonb_to_recordset($1::jsonb) AS r(topic text, profile text, url text, job_id bigint, page_id bigint,
       attributes jsonb, quality int, missing_fields jsonb, needs_training_data boolean, issues jsonb,
       extractor_version text, model_version text)
     ON CONFLICT (topic, profile, url) DO UPDATE SET job_id = EXCLUDED.job_id, page_id = EXCLUDED.page_id,
       attributes = EXCLUDED.attributes, quality = EXCLUDED.quality, missing_fields = EXCLUDED.missing_fields,
       needs_training_data = EXCLUDED.needs_training_data, issues = EXCLUDED.issues, extractor_version = EXCLUDED.extractor_version,
       model_version = EXCLUDED.model_version, updated_at = now()
     RETURNING ${COLUMNS}`,
    [JSON.stringify(payload)],
  );
  return rows;
}

/** Replace the attributes and score of records (after the topic's model filled their gaps). */
export async function rescoreTrainingRecords(
  q: Queryable,
  updates: {
    id: number;
    attributes: Record<string, unknown>;
    quality: number;
    missingFields: string[];
    needsTrainingData: boolean;
    modelVersion: string | null;
  }[],
): Promise<number> {
  if (updates.length === 0) return 0;
  const { rowCount } = await q.query(
    `UPDATE training_records t SET attributes = u.attributes, quality = u.quality, missing_fields = u.missing_fields,
       needs_training_data = u.needs_training_data, model_version = u.model_version, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS u(id bigint, attributes jsonb, quality int, missing_fields jsonb,
       needs_training_data boolean, model_version text)
     WHERE t.id = u.id`,
    [
      JSON.stringify(
        updates.map((u) => ({
          id: u.id,
          attributes: u.attributes,
          quality: u.quality,
          missing_fields: u.missingFields,
          needs_training_data: u.needsTrainingData,
          model_version: u.modelVersion,
        })),
      ),
    ],
  );
  return rowCount;
}

export interface ListTrainingRecordsFilter {
  topic?: string | undefined;
  profile?: string | undefined;
  jobId?: number | undefined;
  needsTrainingData?: boolean | undefined;
  minQuality?: number | undefined;
  maxQuality?: number | undefined;
  /** Records with a value of this attribute filled by a model. */
  predicted?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listTrainingRecords(
  q: Queryable,
  filter: ListTrainingRecordsFilter,
): Promise<TrainingRecordRow[]> {
  const { rows } = await q.query<TrainingRecordRow>(
    `SELECT ${COLUMNS} FROM training_records
     WHERE ($1::text IS NULL OR topic = $1) AND ($2::text IS NULL OR profile = $2) AND ($3::bigint IS NULL OR job_id = $3)
       AND ($4::boolean IS NULL OR needs_training_data = $4) AND ($5::int IS NULL OR quality >= $5)
       AND ($6::int IS NULL OR quality <= $6)
       AND ($7::boolean IS NULL OR $7 = EXISTS (SELECT 1 FROM jsonb_each(attributes) a WHERE (a.value->>'predicted')::boolean))
     ORDER BY id LIMIT $8 OFFSET $9`,
    [
      filter.topic ?? null,
      filter.profile ?? null,
      filter.jobId ?? null,
      filter.needsTrainingData ?? null,
      filter.minQuality ?? null,
      filter.maxQuality ?? null,
      filter.predicted ?? null,
      filter.limit,
      filter.offset,
    ],
  );
  return rows;
}

export async function getTrainingRecord(q: Queryable, id: number): Promise<TrainingRecordRow | null> {
  const { rows } = await q.query<TrainingRecordRow>(`SELECT ${COLUMNS} FROM training_records WHERE id = $1`, [
    id,
  ]);
  return rows[0] ?? null;
}

export interface RecordCounts {
  records: number;
  needsTrainingData: number;
  predicted: number;
  meanQuality: number | null;
}

/** Counts of a topic's or a job's records. */
export async function trainingRecordCounts(
  q: Queryable,
  where: { topic?: string; jobId?: number },
): Promise<RecordCounts> {
  const { rows } = await q.query<RecordCounts>(
    `SELECT count(*)::int AS records, count(*) FILTER (WHERE needs_training_data)::int AS "needsTrainingData",
       count(*) FILTER (WHERE model_version IS NOT NULL)::int AS predicted,
       round(avg(quality)::numeric, 1)::float AS "meanQuality"
     FROM training_records WHERE ($1::text IS NULL OR topic = $1) AND ($2::bigint IS NULL OR job_id = $2)`,
    [where.topic ?? null, where.jobId ?? null],
  );
  return rows[0]!;
}

/** Every record of a topic and profile, in id order, in pages of `batch` (for training and inference). */
export async function* topicRecords(
  q: Queryable,
  topic: string,
  profile: string,
  batch = 2000,
): AsyncGenerator<TrainingRecordRow[]> {
  let after = 0;
  for (;;) {
    const { rows } = await q.query<TrainingRecordRow>(
      `SELECT ${COLUMNS} FROM training_records WHERE topic = $1 AND profile = $2 AND id > $3 ORDER BY id LIMIT $4`,
      [topic, profile, after, batch],
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

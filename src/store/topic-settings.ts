import type { Queryable } from './database.js';

/** A topic's stored overrides; a null field means "the configured default". */
export interface TopicSettingsRow {
  topic: string;
  requiredFields: string[] | null;
  minConfidence: number | null;
  modelFloor: number | null;
  autoTrain: boolean | null;
  updatedAt: Date;
}

const COLUMNS = `topic, required_fields AS "requiredFields", min_confidence AS "minConfidence",
  model_floor AS "modelFloor", auto_train AS "autoTrain", updated_at AS "updatedAt"`;

export async function getTopicSettings(q: Queryable, topic: string): Promise<TopicSettingsRow | null> {
  const { rows } = await q.query<TopicSettingsRow>(`SELECT ${COLUMNS} FROM topic_settings WHERE topic = $1`, [
    topic,
  ]);
  return rows[0] ?? null;
}

/** Set some of a topic's overrides; fields left undefined keep their stored value, null clears one. */
export async function updateTopicSettings(
  q: Queryable,
  topic: string,
  patch: {
    requiredFields?: readonly string[] | null | undefined;
    minConfidence?: number | null | undefined;
    modelFloor?: number | null | undefined;
    autoTrain?: boolean | null | undefined;
  },
): Promise<TopicSettingsRow> {
  const set = (key: keyof typeof patch) => patch[key] !== undefined;
  const { rows } = await q.query<TopicSettingsRow>(
    `INSERT INTO topic_settings (topic, required_fields, min_confidence, model_floor, auto_train)
     VALUES ($1, $2::jsonb, $3, $4, $5)
     ON CONFLICT (topic) DO UPDATE SET
       required_fields = CASE WHEN $6 THEN EXCLUDED.required_fields ELSE topic_settings.required_fields END,
       min_confidence = CASE WHEN $7 THEN EXCLUDED.min_confidence ELSE topic_settings.min_confidence END,
       model_floor = CASE WHEN $8 THEN EXCLUDED.model_floor ELSE topic_settings.model_floor END,
       auto_train = CASE WHEN $9 THEN EXCLUDED.auto_train ELSE topic_settings.auto_train END,
       updated_at = now()
     RETURNING ${COLUMNS}`,
    [
      topic,
      patch.requiredFields ? JSON.stringify(patch.requiredFields) : null,
      patch.minConfidence ?? null,
      patch.modelFloor ?? null,
      patch.autoTrain ?? null,
      set('requiredFields'),
      set('minConfidence'),
      set('modelFloor'),
      set('autoTrain'),
    ],
  );
  return rows[0]!;
}

/** Topics that have records, with their counts. */
export async function listTopics(
  q: Queryable,
): Promise<{ topic: string; records: number; needsTrainingData: number }[]> {
  const { rows } = await q.query<{ topic: string; records: number; needsTrainingData: number }>(
    `SELECT topic, count(*)::int AS records, count(*) FILTER (WHERE needs_training_data)::int AS "needsTrainingData"
     FROM training_records GROUP BY topic ORDER BY topic`,
  );
  return rows;
}

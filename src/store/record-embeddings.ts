import { InvalidInputError } from '../core/index.js';
import type { Database, Queryable } from './database.js';
import type { TrainingRecordRow } from './training-records.js';

/** The width of the `record_embeddings.embedding` column. */
export const RECORD_EMBEDDING_DIMENSIONS = 256;

/** pgvector's text form: `[0.1,0.2,…]`. */
function vectorLiteral(vector: Float32Array): string {
  if (vector.length !== RECORD_EMBEDDING_DIMENSIONS)
    throw new InvalidInputError(
      'embedding',
      `a record embedding has ${RECORD_EMBEDDING_DIMENSIONS} dimensions, got ${vector.length}`,
    );
  let text = '[';
  for (let i = 0; i < vector.length; i++)
    text += (i ? ',' : '') + (Number.isFinite(vector[i]) ? vector[i] : 0);
  return `${text}]`;
}

/** Refuse clearly where the database has no pgvector (a PostgreSQL without the extension). */
export function assertVectorSupport(db: Database): void {
  if (!db.vectorSupport)
    throw new InvalidInputError(
      'database',
      'similar-record search needs pgvector, which this PostgreSQL does not have: install the extension ' +
        '(Debian: apt-get install postgresql-NN-pgvector) and restart Gleaner, or use the embedded database',
      { code: 'vector-unsupported' },
    );
}

export async function upsertRecordEmbeddings(
  q: Queryable,
  rows: { recordId: number; embedder: string; embedding: Float32Array }[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO record_embeddings (record_id, embedder, embedding)
     SELECT r.id, r.embedder, r.embedding::vector FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, embedder text, embedding text)
     ON CONFLICT (record_id) DO UPDATE SET embedder = EXCLUDED.embedder, embedding = EXCLUDED.embedding, updated_at = now()`,
    [
      JSON.stringify(
        rows.map((r) => ({ id: r.recordId, embedder: r.embedder, embedding: vectorLiteral(r.embedding) })),
      ),
    ],
  );
}

/** Records with no embedding by `embedder`, or one older than the record (its attributes changed since). */
export async function recordsNeedingEmbedding(
  q: Queryable,
  where: { topic?: string | undefined; embedder: string; limit: number },
): Promise<Pick<TrainingRecordRow, 'id' | 'topic' | 'attributes'>[]> {
  const { rows } = await q.query<Pick<TrainingRecordRow, 'id' | 'topic' | 'attributes'>>(
    `SELECT t.id, t.topic, t.attributes FROM training_records t
     LEFT JOIN record_embeddings e ON e.record_id = t.id
     WHERE ($1::text IS NULL OR t.topic = $1)
       AND (e.record_id IS NULL OR e.embedder <> $2 OR e.updated_at < t.updated_at)
     ORDER BY t.id LIMIT $3`,
    [where.topic ?? null, where.embedder, where.limit],
  );
  return rows;
}

export interface SimilarRecord {
  id: number;
  topic: string;
  url: string;
  attributes: Record<string, unknown>;
  quality: number;
  /** Cosine similarity to the asked-for record, -1..1. */
  similarity: number;
}

/** The `k` records nearest to a record (cosine over the embeddings), within its topic unless `anyTopic`. */
export async function similarRecords(
  q: Queryable,
  recordId: number,
  options: { k: number; anyTopic?: boolean },
): Promise<SimilarRecord[]> {
  const { rows } = await q.query<SimilarRecord>(
    `WITH target AS (
       SELECT e.embedding, t.topic FROM record_embeddings e JOIN training_records t ON t.id = e.record_id WHERE e.record_id = $1)
     SELECT r.id, r.topic, r.url, r.attributes, r.quality,
       (1 - (e.embedding <=> (SELECT embedding FROM target)))::float AS similarity
     FROM record_embeddings e JOIN training_records r ON r.id = e.record_id
     WHERE e.record_id <> $1 AND ($3 OR r.topic = (SELECT topic FROM target))
     ORDER BY e.embedding <=> (SELECT embedding FROM target) LIMIT $2`,
    [recordId, options.k, options.anyTopic ?? false],
  );
  return rows;
}

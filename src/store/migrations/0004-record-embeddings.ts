// Released migrations are never edited: the runner refuses a changed checksum. Add a new file instead.
export const name = 'record-embeddings';
/**
 * Needs pgvector: on a PostgreSQL without the extension this migration waits (it is not recorded) and
 * applies on the first start after the extension is installed; until then similar-record search says so.
 */
export const requires = 'vector';
export const sql = /* sql */ `
CREATE TABLE record_embeddings (
  record_id     bigint PRIMARY KEY REFERENCES training_records(id) ON DELETE CASCADE,
  embedder      text NOT NULL,
  embedding     vector(256) NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_embeddings_hnsw ON record_embeddings USING hnsw (embedding vector_cosine_ops);
`;

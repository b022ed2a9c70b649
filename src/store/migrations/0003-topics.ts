// Released migrations are never edited: the runner refuses a changed checksum. Add a new file instead.
export const name = 'topics';
export const sql = /* sql */ `
-- Per-topic rules for training records and their model; a topic without a row uses the configured defaults.
CREATE TABLE topic_settings (
  topic           text PRIMARY KEY,
  required_fields jsonb,
  min_confidence  real CHECK (min_confidence BETWEEN 0 AND 1),
  model_floor     real CHECK (model_floor BETWEEN 0 AND 1),
  auto_train      boolean,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- What was doubtful or rejected on the way to a record's attributes (bad GTIN, conflicting prices…).
ALTER TABLE training_records ADD COLUMN issues jsonb NOT NULL DEFAULT '[]';
`;

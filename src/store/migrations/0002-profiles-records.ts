// Released migrations are never edited: the runner refuses a changed checksum. Add a new file instead.
export const name = 'profiles-records';
export const sql = /* sql */ `
-- What each asked-for profile made of a page: one row per page and profile, replaced when the page is.
CREATE TABLE page_profiles (
  page_id       bigint NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  job_id        bigint NOT NULL REFERENCES mining_jobs(id) ON DELETE CASCADE,
  profile       text NOT NULL,
  attributes    jsonb NOT NULL DEFAULT '{}',
  quality       integer CHECK (quality BETWEEN 0 AND 100),
  error         text,
  duration_ms   integer,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (page_id, profile)
);
CREATE INDEX page_profiles_job ON page_profiles (job_id, profile);

-- The schema linker's learnt patterns: a page attribute (data-user-id) mapped to a table (users).
CREATE TABLE schema_link_patterns (
  attribute     text NOT NULL,
  table_name    text NOT NULL,
  relationship  text NOT NULL CHECK (relationship IN ('maps-to', 'contained-in', 'linked-to')),
  pattern       text NOT NULL,
  confidence    real NOT NULL,
  occurrences   bigint NOT NULL DEFAULT 0,
  pages         bigint NOT NULL DEFAULT 0,
  first_seen    timestamptz NOT NULL DEFAULT now(),
  last_seen     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (attribute, table_name, relationship)
);

-- Training records (the seed's seo_training_data): one per page, topic and profile.
CREATE TABLE training_records (
  id            bigserial PRIMARY KEY,
  topic         text NOT NULL,
  profile       text NOT NULL,
  url           text NOT NULL,
  job_id        bigint REFERENCES mining_jobs(id) ON DELETE SET NULL,
  page_id       bigint REFERENCES pages(id) ON DELETE SET NULL,
  attributes    jsonb NOT NULL,
  quality       integer NOT NULL CHECK (quality BETWEEN 0 AND 100),
  missing_fields jsonb NOT NULL DEFAULT '[]',
  needs_training_data boolean NOT NULL,
  extractor_version text NOT NULL,
  model_version text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (topic, profile, url)
);
CREATE INDEX training_records_topic ON training_records (topic, profile, needs_training_data);
CREATE INDEX training_records_job ON training_records (job_id);

-- Training jobs of every kind; at most one queued or running per kind and topic (requests coalesce).
CREATE TABLE training_jobs (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('semantic-index', 'attribute-model', 'image-classifier')),
  topic         text NOT NULL,
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  stage         text,
  progress      real NOT NULL DEFAULT 0,
  log           jsonb NOT NULL DEFAULT '[]',
  params        jsonb NOT NULL DEFAULT '{}',
  requests      integer NOT NULL DEFAULT 1,
  rerun         boolean NOT NULL DEFAULT false,
  result_version text,
  promoted      boolean,
  metrics       jsonb,
  error         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX training_jobs_one_active ON training_jobs (kind, topic) WHERE status IN ('queued', 'running');
CREATE INDEX training_jobs_recent ON training_jobs (kind, topic, created_at);

-- The model store's catalogue (the files are under the store folder; this mirrors them for queries).
CREATE TABLE models (
  kind          text NOT NULL,
  name          text NOT NULL,
  version       text NOT NULL,
  path          text NOT NULL,
  metrics       jsonb NOT NULL DEFAULT '{}',
  dataset_hash  text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  promoted_at   timestamptz,
  is_latest     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (kind, name, version)
);
`;

// Released migrations are never edited: the runner refuses a changed checksum. Add a new file instead.
export const name = 'mining';
export const sql = /* sql */ `
CREATE TABLE mining_jobs (
  id            bigserial PRIMARY KEY,
  topic         text NOT NULL,
  render_mode   text NOT NULL CHECK (render_mode IN ('static', 'browser', 'auto')),
  spec          jsonb NOT NULL,
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  pages_stored  integer NOT NULL DEFAULT 0,
  pages_failed  integer NOT NULL DEFAULT 0,
  urls_skipped  integer NOT NULL DEFAULT 0,
  urls_discovered integer NOT NULL DEFAULT 0,
  error         text,
  lease_owner   text,
  lease_until   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mining_jobs_status ON mining_jobs (status, created_at);

-- The crawl frontier lives in the database so that a job survives its worker: a crashed slice's
-- pending URLs are still pending, and a page's row and its frontier state commit together.
CREATE TABLE frontier (
  job_id        bigint NOT NULL REFERENCES mining_jobs(id) ON DELETE CASCADE,
  url           text NOT NULL,
  depth         integer NOT NULL,
  state         text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed', 'skipped')),
  attempts      integer NOT NULL DEFAULT 0,
  not_before    timestamptz NOT NULL DEFAULT now(),
  reason        text,
  seq           bigserial,
  PRIMARY KEY (job_id, url)
);
CREATE INDEX frontier_pending ON frontier (job_id, depth, seq) WHERE state = 'pending';

CREATE TABLE pages (
  id            bigserial PRIMARY KEY,
  job_id        bigint NOT NULL REFERENCES mining_jobs(id) ON DELETE CASCADE,
  url           text NOT NULL,
  final_url     text,
  depth         integer NOT NULL DEFAULT 0,
  http_status   integer,
  content_hash  text,
  content_type  text,
  bytes         integer,
  fetched_at    timestamptz NOT NULL DEFAULT now(),
  timings       jsonb NOT NULL DEFAULT '{}',
  redirects     jsonb NOT NULL DEFAULT '[]',
  error         text,
  error_code    text,
  extraction    jsonb,
  UNIQUE (job_id, url)
);
CREATE INDEX pages_job_errors ON pages (job_id) WHERE error IS NOT NULL;

-- The link graph: backlinks of a URL are the rows whose to_url is it.
CREATE TABLE links (
  page_id       bigint NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  to_url        text NOT NULL,
  anchor_text   text NOT NULL DEFAULT '',
  rel           text NOT NULL DEFAULT '',
  internal      boolean NOT NULL
);
CREATE INDEX links_page ON links (page_id);
CREATE INDEX links_to_url ON links (to_url);
`;

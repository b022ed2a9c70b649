import { z } from 'zod';
import { InvalidInputError } from './errors.js';

/**
 * The one configuration schema. Each setting has a zod type, an environment name and a default.
 * Precedence: options (CLI flags, API of the library) > environment > defaults. Resolved once, frozen.
 * No other module reads `process.env`.
 */
const bool = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v)),
]);
const list = z.union([
  z.array(z.string()),
  z.string().transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
]);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const SETTINGS = {
  /** Folder for the embedded database, logs and the model store. @default '.gleaner' */
  dataDir: { env: 'GLEANER_DATA_DIR', schema: z.string().min(1).default('.gleaner') },
  /** PostgreSQL connection string; unset means embedded PGlite in `dataDir/db`. @example 'postgres://u:p@db:5432/gleaner' */
  databaseUrl: { env: 'DATABASE_URL', schema: z.string().url().optional() },
  host: { env: 'GLEANER_HOST', schema: z.string().default('127.0.0.1') },
  port: { env: 'GLEANER_PORT', schema: int(0, 65535).default(8787) },
  /** Keys accepted by the API (header `x-api-key` or `Authorization: Bearer`). Comma-separated in the env. */
  apiKeys: { env: 'GLEANER_API_KEYS', schema: list.default([]) },
  /** Allow jobs submitted through the API to fetch private, loopback and link-local addresses. @default false */
  allowPrivateAddresses: { env: 'GLEANER_ALLOW_PRIVATE_ADDRESSES', schema: bool.default(false) },
  logLevel: {
    env: 'GLEANER_LOG_LEVEL',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  userAgent: {
    env: 'GLEANER_USER_AGENT',
    schema: z.string().min(1).default('GleanerBot/0.1 (+https://github.com/gleaner-dev/gleaner)'),
  },
  chromePath: { env: 'CHROME_PATH', schema: z.string().default('/usr/bin/chromium') },
  /** Pages fetched at once by one mining job. */
  crawlConcurrency: { env: 'GLEANER_CRAWL_CONCURRENCY', schema: int(1, 256).default(16) },
  /** Requests in flight to one host at once: the politeness bound that matters to the site. */
  perHostConcurrency: { env: 'GLEANER_PER_HOST_CONCURRENCY', schema: int(1, 256).default(8) },
  /** Pause between two requests to the same host. */
  perHostDelayMs: { env: 'GLEANER_PER_HOST_DELAY_MS', schema: int(0, 600_000).default(0) },
  requestTimeoutMs: { env: 'GLEANER_REQUEST_TIMEOUT_MS', schema: int(100, 600_000).default(10_000) },
  /** Threads that parse and extract pages; 0: one per core but one. */
  extractWorkers: { env: 'GLEANER_EXTRACT_WORKERS', schema: int(0, 64).default(0) },
  /** A page whose extraction takes longer is abandoned with the reason `extract-timeout`. */
  extractTimeoutMs: { env: 'GLEANER_EXTRACT_TIMEOUT_MS', schema: int(100, 600_000).default(4_000) },
  /** Heap of one extraction thread; a page that needs more is abandoned with `extract-memory`. */
  extractMaxMemoryMb: { env: 'GLEANER_EXTRACT_MAX_MEMORY_MB', schema: int(64, 16_384).default(1024) },
  /** A page larger than this is refused with a reason, not truncated. */
  maxPageBytes: { env: 'GLEANER_MAX_PAGE_BYTES', schema: int(1024, 1_073_741_824).default(5 * 1024 * 1024) },
  maxRedirects: { env: 'GLEANER_MAX_REDIRECTS', schema: int(0, 50).default(10) },
  /** Attempts after the first for a page that failed with a passing fault. */
  maxRetries: { env: 'GLEANER_MAX_RETRIES', schema: int(0, 20).default(3) },
  retryBaseDelayMs: { env: 'GLEANER_RETRY_BASE_DELAY_MS', schema: int(0, 600_000).default(500) },
  /** Default page limit of a job that sets none. */
  maxPages: { env: 'GLEANER_MAX_PAGES', schema: int(1, 10_000_000).default(1000) },
  maxDepth: { env: 'GLEANER_MAX_DEPTH', schema: int(0, 1000).default(20) },
  /** Seconds one worker works on a mining job before handing it back to the queue (fairness, and recovery). */
  sliceSeconds: { env: 'GLEANER_SLICE_SECONDS', schema: int(1, 3600).default(3) },
  /** A claimed queue job whose worker went silent this long is handed to another worker. */
  jobExpireSeconds: { env: 'GLEANER_JOB_EXPIRE_SECONDS', schema: int(2, 86_400).default(20) },
  maintenanceIntervalSeconds: {
    env: 'GLEANER_MAINTENANCE_INTERVAL_SECONDS',
    schema: int(1, 3600).default(2),
  },
  pollingIntervalSeconds: {
    env: 'GLEANER_POLLING_INTERVAL_SECONDS',
    schema: z.coerce.number().min(0.5).max(60).default(0.5),
  },
  /** Mining jobs one worker process runs at once. */
  workerConcurrency: { env: 'GLEANER_WORKER_CONCURRENCY', schema: int(1, 64).default(2) },
} as const;

type Settings = typeof SETTINGS;
export type GleanerConfig = Readonly<{ [K in keyof Settings]: z.output<Settings[K]['schema']> }>;
export type GleanerConfigOptions = { [K in keyof Settings]?: z.input<Settings[K]['schema']> };

const configSchema = z
  .object(
    Object.fromEntries(Object.entries(SETTINGS).map(([key, s]) => [key, s.schema])) as {
      [K in keyof Settings]: Settings[K]['schema'];
    },
  )
  .strict();

/** The environment name of each setting, for docs and `gleaner config`. */
export const CONFIG_ENV_NAMES: Readonly<Record<keyof Settings, string>> = Object.freeze(
  Object.fromEntries(Object.entries(SETTINGS).map(([key, s]) => [key, s.env])) as Record<
    keyof Settings,
    string
  >,
);

export interface ResolveConfigInput {
  options?: GleanerConfigOptions;
  env?: Record<string, string | undefined>;
  /** Defaults of the caller (a command's own), below the environment: `gleaner mine` logs warnings only unless told. */
  defaults?: GleanerConfigOptions;
}

/**
 * Merge options over environment over defaults, validate, freeze.
 * An invalid value throws InvalidInputError naming the setting and its environment variable.
 */
export function resolveConfig({
  options = {},
  env = process.env,
  defaults = {},
}: ResolveConfigInput = {}): GleanerConfig {
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaults)) if (value !== undefined) merged[key] = value;
  for (const [key, setting] of Object.entries(SETTINGS)) {
    const fromEnv = env[setting.env];
    if (fromEnv !== undefined && fromEnv !== '') merged[key] = fromEnv;
  }
  for (const [key, value] of Object.entries(options)) if (value !== undefined) merged[key] = value;
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const envName = key in SETTINGS ? ` (environment ${SETTINGS[key as keyof Settings].env})` : '';
    throw new InvalidInputError(key, `configuration ${key}${envName}: ${issue.message}`);
  }
  const config = parsed.data as GleanerConfig;
  const tailSeconds = config.jobExpireSeconds - config.sliceSeconds - SLICE_EXPIRY_MARGIN_SECONDS;
  if (config.requestTimeoutMs + config.extractTimeoutMs > tailSeconds * 1000) {
    // A page in flight when a slice ends must finish before the slice's queue message expires, or the
    // queue would hand the job to another worker while this one still works on it.
    throw new InvalidInputError(
      'requestTimeoutMs',
      `configuration requestTimeoutMs + extractTimeoutMs is ${config.requestTimeoutMs + config.extractTimeoutMs} ms, but a mining slice leaves only ${Math.max(0, tailSeconds)} s for pages in flight ` +
        `(GLEANER_JOB_EXPIRE_SECONDS ${config.jobExpireSeconds} − GLEANER_SLICE_SECONDS ${config.sliceSeconds} − ${SLICE_EXPIRY_MARGIN_SECONDS}). ` +
        'Raise GLEANER_JOB_EXPIRE_SECONDS or lower GLEANER_REQUEST_TIMEOUT_MS or GLEANER_EXTRACT_TIMEOUT_MS.',
    );
  }
  return Object.freeze(config);
}

/** Seconds kept between the end of a mining slice's in-flight tail and its queue message's expiry. */
export const SLICE_EXPIRY_MARGIN_SECONDS = 3;

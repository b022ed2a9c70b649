import { join } from 'node:path';
import { z } from 'zod';
import { defaultChromePath } from './chrome-path.js';
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
  /** The model store: versions of every trained model, and each model's `latest`. @default '<dataDir>/models' */
  modelDir: { env: 'GLEANER_MODEL_DIR', schema: z.string().min(1).optional() },
  /** POSTed `{kind, name, version, …}` after each promotion or rollback, so serving elsewhere reloads. */
  modelReloadUrl: { env: 'GLEANER_MODEL_RELOAD_URL', schema: z.string().url().optional() },
  /** Let the transformers.js embedder download a model by name (huggingface.co); off: local folders only. @default false */
  allowRemoteModels: { env: 'GLEANER_ALLOW_REMOTE_MODELS', schema: bool.default(false) },
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
  /**
   * The Chrome or Chromium executable that renders pages (`--render browser|auto`, browser profiles).
   * @default '/usr/lib/chromium/chromium-headless-shell' when installed, else '/usr/bin/chromium'
   */
  chromePath: { env: 'CHROME_PATH', schema: z.string().default(defaultChromePath) },
  /** Browser tabs loading pages at once in one process (shared by its jobs); 0: one per core. */
  browserConcurrency: { env: 'GLEANER_BROWSER_CONCURRENCY', schema: int(0, 64).default(0) },
  /** The most a page may hold a browser tab: load, settle, capture and the profiles' gathering. */
  browserPageTimeoutMs: {
    env: 'GLEANER_BROWSER_PAGE_TIMEOUT_MS',
    schema: int(1000, 600_000).default(10_000),
  },
  /** Wait this long for a page's `load` event, then take what has loaded; at most the page timeout. */
  browserLoadTimeoutMs: { env: 'GLEANER_BROWSER_LOAD_TIMEOUT_MS', schema: int(100, 600_000).default(6_000) },
  /** A page whose JavaScript heap grows past this is abandoned with the reason `browser-memory`. */
  browserPageMemoryMb: { env: 'GLEANER_BROWSER_PAGE_MEMORY_MB', schema: int(16, 16_384).default(256) },
  /** Elements of a rendered page beyond which it is not serialized (`too-large`). */
  browserMaxDomNodes: {
    env: 'GLEANER_BROWSER_MAX_DOM_NODES',
    schema: int(1000, 10_000_000).default(200_000),
  },
  /** Replace the browser process after this many pages: long-lived Chromiums grow. */
  browserRestartAfterPages: {
    env: 'GLEANER_BROWSER_RESTART_AFTER_PAGES',
    schema: int(1, 10_000_000).default(1000),
  },
  /** Replace the browser when the memory (PSS) of its process tree passes this. */
  browserMaxMemoryMb: { env: 'GLEANER_BROWSER_MAX_MEMORY_MB', schema: int(128, 1_048_576).default(2048) },
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
  /**
   * pg-boss maintenance (expiring the messages of dead workers, archiving) runs this often. Each run is a
   * few transactions: on PGlite about 40 ms of CPU.
   */
  maintenanceIntervalSeconds: {
    env: 'GLEANER_MAINTENANCE_INTERVAL_SECONDS',
    schema: int(1, 3600).default(5),
  },
  /**
   * An idle queue worker asks for a message this often. A message sent by this process wakes its workers
   * at once, so this bounds only how soon another process's worker sees it. Each poll costs about 9 ms of
   * CPU on PGlite: at 0.5 s, an idle embedded server used 11% of a core on polling and maintenance alone
   * (3% at the defaults).
   */
  pollingIntervalSeconds: {
    env: 'GLEANER_POLLING_INTERVAL_SECONDS',
    schema: z.coerce.number().min(0.5).max(60).default(2),
  },
  /** Mining jobs one worker process runs at once. */
  workerConcurrency: { env: 'GLEANER_WORKER_CONCURRENCY', schema: int(1, 64).default(2) },
  /** Training jobs one worker process runs at once (each uses the cores it is given). */
  trainWorkers: { env: 'GLEANER_TRAIN_WORKERS', schema: int(0, 16).default(1) },
  /** A training job whose worker went silent this long is handed to another worker. */
  trainJobExpireSeconds: { env: 'GLEANER_TRAIN_JOB_EXPIRE_SECONDS', schema: int(60, 86_400).default(1800) },
  /** Attributes every training record needs, unless its topic says otherwise. */
  recordRequiredFields: {
    env: 'GLEANER_RECORD_REQUIRED_FIELDS',
    schema: list.default(['name', 'price', 'currency', 'availability', 'brand', 'category']),
  },
  /** A required value below this confidence makes its record need training data. */
  recordMinConfidence: {
    env: 'GLEANER_RECORD_MIN_CONFIDENCE',
    schema: z.coerce.number().min(0).max(1).default(0.6),
  },
  /** The held-out score (mean macro-F1) a topic model must reach to be promoted. */
  topicModelFloor: { env: 'GLEANER_TOPIC_MODEL_FLOOR', schema: z.coerce.number().min(0).max(1).default(0.5) },
  /** Queue a topic's training when a mining job leaves records that need training data. */
  autoTrain: { env: 'GLEANER_AUTO_TRAIN', schema: bool.default(true) },
  /** The held-out top-1 a semantic index must reach to be promoted by `gleaner train semantic --mode full-train`. */
  minAccuracy: { env: 'GLEANER_MIN_ACCURACY', schema: z.coerce.number().min(0).max(1).default(0.8) },
} as const;

type Settings = typeof SETTINGS;
type ParsedConfig = { [K in keyof Settings]: z.output<Settings[K]['schema']> };
/** Settings whose default derives from another setting, filled in after parsing. */
type DerivedSettings = { modelDir: string };
export type GleanerConfig = Readonly<Omit<ParsedConfig, keyof DerivedSettings> & DerivedSettings>;
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
  const config = {
    ...parsed.data,
    modelDir: parsed.data.modelDir ?? join(parsed.data.dataDir, 'models'),
  } as GleanerConfig;
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
  if (config.browserLoadTimeoutMs > config.browserPageTimeoutMs) {
    throw new InvalidInputError(
      'browserLoadTimeoutMs',
      `configuration browserLoadTimeoutMs (${config.browserLoadTimeoutMs} ms) is longer than browserPageTimeoutMs (${config.browserPageTimeoutMs} ms), which bounds the whole page. ` +
        'Lower GLEANER_BROWSER_LOAD_TIMEOUT_MS or raise GLEANER_BROWSER_PAGE_TIMEOUT_MS.',
    );
  }
  // A rendered page is bounded by the browser's page timeout; under --render auto its static fetch and
  // its rendering share one budget, the longer of the two timeouts. Either must fit the slice's tail too.
  if (config.browserPageTimeoutMs + config.extractTimeoutMs > tailSeconds * 1000) {
    throw new InvalidInputError(
      'browserPageTimeoutMs',
      `configuration browserPageTimeoutMs + extractTimeoutMs is ${config.browserPageTimeoutMs + config.extractTimeoutMs} ms, but a mining slice leaves only ${Math.max(0, tailSeconds)} s for pages in flight ` +
        `(GLEANER_JOB_EXPIRE_SECONDS ${config.jobExpireSeconds} − GLEANER_SLICE_SECONDS ${config.sliceSeconds} − ${SLICE_EXPIRY_MARGIN_SECONDS}). ` +
        'Raise GLEANER_JOB_EXPIRE_SECONDS or lower GLEANER_BROWSER_PAGE_TIMEOUT_MS or GLEANER_EXTRACT_TIMEOUT_MS.',
    );
  }
  return Object.freeze(config);
}

/** Seconds kept between the end of a mining slice's in-flight tail and its queue message's expiry. */
export const SLICE_EXPIRY_MARGIN_SECONDS = 3;

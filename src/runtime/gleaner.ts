import { join, resolve } from 'node:path';
import { createLogger, describeError, type GleanerConfig, type Logger } from '../core/index.js';
import { MiningService } from '../mining/index.js';
import { JobQueue } from '../queue/index.js';
import { SemanticMatcher } from '../serve/index.js';
import { migrate, openDatabase, type Database } from '../store/index.js';
// Not the train barrel: it loads TF.js and every embedder, which a model loads when first used.
import { ModelStore } from '../train/model-store/index.js';
import { TopicModelService } from '../train/topic-model-service.js';
import { lockDataDir } from './data-dir-lock.js';

export interface GleanerOptions {
  config: GleanerConfig;
  logger?: Logger;
  /** Mining jobs this process works on at once; 0 runs no workers (an API-only process). @default config.workerConcurrency */
  workers?: number;
  /** Training jobs this process runs at once. @default config.trainWorkers when `workers` > 0, else 0 */
  trainWorkers?: number;
}

/** The composition root: one database, one queue, the services over them, and their workers. */
export interface Gleaner {
  readonly config: GleanerConfig;
  readonly logger: Logger;
  readonly db: Database;
  readonly queue: JobQueue;
  readonly mining: MiningService;
  /** Trained models: versions, `latest`, promotion and rollback; `on('latest-changed')` for serving. */
  readonly models: ModelStore;
  /** Per-topic attribute models: training jobs, filling records, similar records. */
  readonly topicModels: TopicModelService;
  /** The promoted semantic indexes in memory (`POST /api/match`); reloads when a `latest` changes. */
  readonly matcher: SemanticMatcher;
  close(): Promise<void>;
}

export async function startGleaner(options: GleanerOptions): Promise<Gleaner> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const dataDir = resolve(config.dataDir);
  const unlock = config.databaseUrl ? () => undefined : lockDataDir(dataDir);
  let db: Database | null = null;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(dataDir, 'db'), logger });
    const { applied } = await migrate(db);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    const queue = new JobQueue(db, config, logger);
    // Background loops report here instead of crashing the process.
    queue.on('error', (error) => logger.error({ err: describeError(error) }, 'queue error'));
    await queue.start();
    const mining = new MiningService(db, queue, config, logger);
    // In distributed mode the API may not share the store's disk: it lists models from the table.
    const models = ModelStore.fromConfig(config, {
      db,
      logger,
      catalog: db.kind === 'postgres' ? 'database' : 'files',
    });
    // Versions promoted while no process held the database (`gleaner models promote`) reach the table.
    await models
      .sync()
      .catch((error: unknown) =>
        logger.warn({ err: describeError(error) }, 'model store not mirrored into the database'),
      );
    const topicModels = new TopicModelService(db, queue, models, config, logger);
    // Loaded on first use; a promotion or rollback in this process (or a refresh) swaps the version in.
    const matcher = new SemanticMatcher({
      store: models,
      logger,
      allowRemoteModels: config.allowRemoteModels,
    });
    models.on('latest-changed', (change) => {
      if (change.kind === 'semantic-index' && matcher.loaded().some((l) => l.name === change.name))
        void matcher.reload(change.name);
    });
    const workers = options.workers ?? config.workerConcurrency;
    if (workers > 0) {
      if (db.kind === 'pglite') await mining.resumeOrphanedJobs();
      await mining.startWorkers(workers);
    }
    const trainWorkers = options.trainWorkers ?? (workers > 0 ? config.trainWorkers : 0);
    if (trainWorkers > 0) await topicModels.startWorkers(trainWorkers);
    const openDb = db;
    let closing: Promise<void> | null = null;
    return {
      config,
      logger,
      db,
      queue,
      mining,
      models,
      topicModels,
      matcher,
      // Idempotent: a signal handler and the normal exit path may both close.
      close() {
        closing ??= (async () => {
          await queue.stop();
          await mining.close();
          topicModels.close();
          await matcher.close();
          await openDb.close();
          unlock();
        })();
        return closing;
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    unlock();
    throw error;
  }
}

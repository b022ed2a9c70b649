import { join, resolve } from 'node:path';
import { createLogger, describeError, type GleanerConfig, type Logger } from '../core/index.js';
import { MiningService } from '../mining/index.js';
import { JobQueue } from '../queue/index.js';
import { migrate, openDatabase, type Database } from '../store/index.js';
import { lockDataDir } from './data-dir-lock.js';

export interface GleanerOptions {
  config: GleanerConfig;
  logger?: Logger;
  /** Mining jobs this process works on at once; 0 runs no workers (an API-only process). @default config.workerConcurrency */
  workers?: number;
}

/** The composition root: one database, one queue, the services over them, and their workers. */
export interface Gleaner {
  readonly config: GleanerConfig;
  readonly logger: Logger;
  readonly db: Database;
  readonly queue: JobQueue;
  readonly mining: MiningService;
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
    const workers = options.workers ?? config.workerConcurrency;
    if (workers > 0) {
      if (db.kind === 'pglite') await mining.resumeOrphanedJobs();
      await mining.startWorkers(workers);
    }
    const openDb = db;
    let closing: Promise<void> | null = null;
    return {
      config,
      logger,
      db,
      queue,
      mining,
      // Idempotent: a signal handler and the normal exit path may both close.
      close() {
        closing ??= (async () => {
          await queue.stop();
          await mining.close();
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

import PgBoss from 'pg-boss';
import {
  describeError,
  InvalidInputError,
  TypedEmitter,
  type GleanerConfig,
  type Logger,
} from '../core/index.js';
import type { Database, Queryable } from '../store/index.js';
import { PAYLOAD_SCHEMAS, QUEUES, type QueueName } from './queues.js';

export type QueueSettings = Pick<
  GleanerConfig,
  'jobExpireSeconds' | 'maintenanceIntervalSeconds' | 'pollingIntervalSeconds' | 'trainJobExpireSeconds'
>;

export interface JobQueueEvents {
  error: [Error];
}

/** A handler's answer for one queue job; throwing fails it, and pg-boss retries it up to the queue's limit. */
export type QueueHandler<T> = (payload: T, meta: { queueJobId: string; retryCount: number }) => Promise<void>;

// How often a failed queue job is tried again, and after how long. A killed worker's job counts as a failure.
export const RETRY_LIMIT = 10;
const RETRY_DELAY_SECONDS = 1;
const SCHEMA = 'pgboss';

/**
 * pg-boss over our own database connection (PGlite or PostgreSQL), so that a queue message can be sent in
 * the same transaction as the row it refers to: a job the API acknowledged is never without its message.
 */
export class JobQueue extends TypedEmitter<JobQueueEvents> {
  readonly #boss: PgBoss;
  readonly #logger: Logger;
  readonly #settings: QueueSettings;
  #started: Promise<void> | null = null;
  #workerIds: [string, QueueName][] = [];

  constructor(db: Database, settings: QueueSettings, logger: Logger) {
    super();
    this.#logger = logger;
    this.#settings = settings;
    this.#boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => db.executeSql(text, values) },
      schema: SCHEMA,
      supervise: true,
      schedule: false,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
      // Expired (dead-worker) jobs are found by maintenance, which runs at most this often.
      archiveCompletedAfterSeconds: 3600,
    });
    this.#boss.on('error', (error: Error) => this.emit('error', error));
  }

  /** Create the schema and queues. Idempotent; concurrent callers share one start. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      await this.#boss.start();
      for (const name of Object.values(QUEUES)) {
        await this.#boss.createQueue(name, {
          name,
          policy: 'standard',
          retryLimit: RETRY_LIMIT,
          retryDelay: RETRY_DELAY_SECONDS,
          // Training runs for minutes in one go; mining works in short slices.
          expireInSeconds:
            name === QUEUES.train ? this.#settings.trainJobExpireSeconds : this.#settings.jobExpireSeconds,
        });
      }
    })();
    return this.#started;
  }

  /** Send a message, inside `tx` when given so it commits with the caller's rows. */
  async send<Q extends QueueName>(
    queue: Q,
    payload: unknown,
    options: { tx?: Queryable; startAfterMs?: number } = {},
  ): Promise<string> {
    const parsed = PAYLOAD_SCHEMAS[queue].safeParse(payload);
    if (!parsed.success)
      throw new InvalidInputError(
        'payload',
        `queue ${queue}: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`,
      );
    const sendOptions: PgBoss.SendOptions = {};
    if (options.tx) {
      const tx = options.tx;
      sendOptions.db = {
        executeSql: async (text: string, values: unknown[]) => ({
          rows: (await tx.query(text, values)).rows,
        }),
      };
    }
    if (options.startAfterMs && options.startAfterMs > 0)
      sendOptions.startAfter = new Date(Date.now() + options.startAfterMs);
    const id = await this.#boss.send(queue, parsed.data, sendOptions);
    if (!id) throw new Error(`pg-boss did not accept a message for queue ${queue}`);
    // Wake this process's idle workers now instead of at their next poll; a message sent in a transaction
    // is visible only after commit, so the caller wakes them then (`notify`).
    if (!options.tx && !options.startAfterMs) this.notify(queue);
    return id;
  }

  /** Wake this process's workers of a queue so they fetch at once. */
  notify(queue: QueueName): void {
    for (const [id, name] of this.#workerIds) if (name === queue) this.#boss.notifyWorker(id);
  }

  /**
   * Run `concurrency` polling workers on a queue. Each handles one message at a time; a handler that throws
   * fails its message (retried by pg-boss), and is logged, never thrown into the poller.
   */
  async work<Q extends QueueName>(
    queue: Q,
    concurrency: number,
    handler: QueueHandler<PgBossPayload<Q>>,
  ): Promise<void> {
    await this.start();
    for (let i = 0; i < concurrency; i++) {
      const id = await this.#boss.work(
        queue,
        {
          batchSize: 1,
          pollingIntervalSeconds: this.#settings.pollingIntervalSeconds,
          includeMetadata: true,
        },
        async (jobs) => {
          for (const job of jobs as PgBoss.JobWithMetadata[]) {
            const payload = PAYLOAD_SCHEMAS[queue].safeParse(job.data);
            if (!payload.success) {
              // A malformed message can never succeed: complete it with a logged reason instead of retrying forever.
              this.#logger.error(
                { queue, queueJobId: job.id, issue: payload.error.issues[0]?.message },
                'dropping a malformed queue message',
              );
              continue;
            }
            try {
              await handler(payload.data as PgBossPayload<Q>, {
                queueJobId: job.id,
                retryCount: job.retryCount,
              });
            } catch (error) {
              this.#logger.warn(
                { queue, queueJobId: job.id, err: describeError(error) },
                'queue job failed; pg-boss will retry it',
              );
              throw error;
            }
          }
        },
      );
      this.#workerIds.push([id, queue]);
    }
  }

  /** Stop polling and wait for running handlers (up to `timeoutMs`). Idempotent. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.#started) return;
    const started = this.#started;
    this.#started = null;
    await started.catch(() => undefined);
    await this.#boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
    this.#workerIds = [];
  }
}

type PgBossPayload<Q extends QueueName> = import('zod').infer<(typeof PAYLOAD_SCHEMAS)[Q]>;

import {
  describeError,
  NotFoundError,
  TypedEmitter,
  type GleanerConfig,
  type Logger,
} from '../core/index.js';
import { resolveTopicRules, topicRulesFromConfig } from '../datasets/index.js';
import { QUEUES, RETRY_LIMIT, requestTraining, type JobQueue } from '../queue/index.js';
import {
  finishMiningJob,
  frontierCounts,
  getMiningJob,
  getTopicSettings,
  insertMiningJob,
  trainingRecordCounts,
  listMiningJobs,
  listUnfetched,
  pageErrorSummary,
  profileSummary,
  type Database,
  type FrontierCounts,
  type ListMiningJobsFilter,
  type MiningJobRow,
  type PageErrorSummary,
  type ProfileSummary,
  type RecordCounts,
  type SkippedUrl,
} from '../store/index.js';
import { assertChromium, StaticFetcher } from '../crawl/index.js';
import { ExtractionPool } from '../extract/index.js';
import { extractSource, type ExtractSourceInput, type ExtractSourceResult } from './extract-source.js';
import { parseMiningJob, type MiningJobSpec } from './job-spec.js';
import { JobRuntimes } from './job-runtime.js';
import { sharedBrowser, type SharedBrowserHandle } from './shared-browser.js';
import { SliceRunner } from './slice-runner.js';

export interface MiningJobView extends Omit<MiningJobRow, 'spec'> {
  spec: MiningJobSpec;
  frontier: FrontierCounts;
  /** 0-100: pages attempted over pages the job will attempt as far as is known now. */
  progressPercent: number;
  /** The training records the job wrote, and how many of them need training data. */
  records: RecordCounts;
}

export interface MiningJobReport extends MiningJobView {
  errors: PageErrorSummary[];
  unfetched: SkippedUrl[];
  /** Per asked-for profile: pages, failures, mean quality. */
  profiles: ProfileSummary[];
}

export interface MiningEvents {
  /** A slice ended; `status` is set when the job reached a final state in it. */
  slice: [{ jobId: number; status: MiningJobRow['status'] | null }];
}

export type MiningSettings = GleanerConfig;

/** Submitting, inspecting and cancelling mining jobs, and running their slices on this process's workers. */
export class MiningService extends TypedEmitter<MiningEvents> {
  readonly #db: Database;
  readonly #queue: JobQueue;
  readonly #config: MiningSettings;
  readonly #logger: Logger;
  readonly #runtimes: JobRuntimes;
  readonly #pool: ExtractionPool;
  #fetcher: StaticFetcher | null = null;
  readonly #browser: SharedBrowserHandle;
  readonly #slices: SliceRunner;

  constructor(db: Database, queue: JobQueue, config: MiningSettings, logger: Logger) {
    super();
    this.#db = db;
    this.#queue = queue;
    this.#config = config;
    this.#logger = logger;
    this.#pool = new ExtractionPool({
      workers: config.extractWorkers,
      timeoutMs: config.extractTimeoutMs,
      maxMemoryMb: config.extractMaxMemoryMb,
    });
    this.#browser = sharedBrowser(config);
    this.#runtimes = new JobRuntimes(config, this.#pool, this.#browser, async (topic) =>
      resolveTopicRules(await getTopicSettings(db, topic), topicRulesFromConfig(config)),
    );
    this.#slices = new SliceRunner(db, this.#runtimes, config, logger);
  }

  /**
   * Validate and store a job and queue its first slice, in one transaction: an acknowledged job always
   * has its queue message. `allowPrivateAddresses` is the submitter's right, decided by the caller.
   */
  async submit(input: unknown, options: { allowPrivateAddresses: boolean }): Promise<MiningJobView> {
    const spec = parseMiningJob(input, this.#config, options.allowPrivateAddresses);
    // Embedded, this process's workers render the pages: a missing browser is said now, with the fix.
    // (On PostgreSQL the workers may run elsewhere, on machines that have it.)
    if (spec.render !== 'static' && this.#db.kind === 'pglite') assertChromium(this.#config.chromePath);
    const job = await this.#db.transaction(async (tx) => {
      const row = await insertMiningJob(tx, { topic: spec.topic, renderMode: spec.render, spec });
      await this.#queue.send(QUEUES.mine, { miningJobId: row.id }, { tx });
      return row;
    });
    this.#queue.notify(QUEUES.mine);
    this.#logger.info(
      { jobId: job.id, topic: spec.topic, startUrls: spec.startUrls.length },
      'mining job queued',
    );
    return this.get(job.id);
  }

  async get(id: number): Promise<MiningJobView> {
    const job = await getMiningJob(this.#db, id);
    if (!job) throw new NotFoundError('mining job', id);
    return this.#view(job);
  }

  async report(id: number): Promise<MiningJobReport> {
    const view = await this.get(id);
    const [errors, unfetched, profiles] = await Promise.all([
      pageErrorSummary(this.#db, id),
      listUnfetched(this.#db, id, 100),
      profileSummary(this.#db, id),
    ]);
    return { ...view, errors, unfetched, profiles };
  }

  async list(filter: ListMiningJobsFilter): Promise<MiningJobView[]> {
    const rows = await listMiningJobs(this.#db, filter);
    return Promise.all(rows.map((row) => this.#view(row)));
  }

  /** Cancel a queued or running job; a running slice notices at its next lease renewal. */
  async cancel(id: number): Promise<MiningJobView> {
    await this.get(id);
    await finishMiningJob(this.#db, id, 'cancelled');
    return this.get(id);
  }

  /** Extract one page (given, or fetched through the guarded fetcher) in the bounded pool: `POST /api/extract`. */
  async extract(
    input: ExtractSourceInput,
    options: { allowPrivateAddresses: boolean },
  ): Promise<ExtractSourceResult> {
    this.#fetcher ??= new StaticFetcher(this.#config);
    return extractSource(input, {
      pool: this.#pool,
      fetcher: this.#fetcher,
      allowPrivateAddresses: options.allowPrivateAddresses,
      timeoutMs: this.#config.requestTimeoutMs,
    });
  }

  /** Run mining slices on this process: `concurrency` jobs at once. */
  async startWorkers(concurrency: number): Promise<void> {
    await this.#queue.work(QUEUES.mine, concurrency, async ({ miningJobId }, { retryCount }) => {
      await this.#runSlice(miningJobId, retryCount);
    });
  }

  /**
   * Embedded mode only, where this process holds the data folder's lock: a job left running by a killed
   * process has no live worker, so its lease is cleared and its next slice queued now, instead of waiting
   * for the dead slice's queue message to expire. (On PostgreSQL other workers may be alive: there the
   * expiry is what tells a dead worker from a slow one.)
   */
  async resumeOrphanedJobs(): Promise<number[]> {
    const ids = await this.#db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: number }>(
        `UPDATE mining_jobs SET lease_owner = NULL, lease_until = NULL WHERE status IN ('queued', 'running') RETURNING id`,
      );
      for (const { id } of rows) await this.#queue.send(QUEUES.mine, { miningJobId: id }, { tx });
      return rows.map((r) => r.id);
    });
    this.#queue.notify(QUEUES.mine);
    if (ids.length > 0) this.#logger.info({ jobIds: ids }, 'resuming mining jobs left by a stopped process');
    return ids;
  }

  async close(): Promise<void> {
    await this.#runtimes.closeAll();
    await this.#browser.close();
    await this.#pool.close();
    await this.#fetcher?.close();
  }

  async #runSlice(jobId: number, retryCount: number): Promise<void> {
    const job = await getMiningJob(this.#db, jobId);
    if (!job || (job.status !== 'queued' && job.status !== 'running')) return;
    try {
      this.#logger.debug({ jobId, retryCount }, 'mining slice started');
      const result = await this.#slices.run(jobId, job.spec as MiningJobSpec);
      if (this.#logger.isLevelEnabled('info')) {
        const after = await getMiningJob(this.#db, jobId);
        this.#logger.info(
          {
            jobId,
            next: result.next,
            pagesStored: after?.pagesStored,
            pagesFailed: after?.pagesFailed,
            status: after?.status,
          },
          'mining slice done',
        );
      }
      if (result.next === 'continue') {
        await this.#queue.send(QUEUES.mine, { miningJobId: jobId }, { startAfterMs: result.delayMs });
        this.emit('slice', { jobId, status: null });
      } else if (result.status !== 'busy') {
        if (result.status === 'completed') await this.#requestTopicTraining(job.id, job.topic);
        this.emit('slice', { jobId, status: result.status });
      }
    } catch (error) {
      // The queue retries the slice; on the last try the job is marked failed with the reason, not left running.
      if (retryCount >= RETRY_LIMIT - 1) {
        await finishMiningJob(this.#db, jobId, 'failed', describeError(error)).catch(() => undefined);
        this.emit('slice', { jobId, status: 'failed' });
      }
      throw error;
    }
  }

  /**
   * A finished job that left records needing training data asks for its topic's model to be trained
   * (unless the topic or the config turned that off); requests coalesce, one job per topic at a time.
   */
  async #requestTopicTraining(jobId: number, topic: string): Promise<void> {
    const counts = await trainingRecordCounts(this.#db, { jobId });
    if (counts.needsTrainingData === 0) return;
    const settings = await getTopicSettings(this.#db, topic);
    if (!(settings?.autoTrain ?? this.#config.autoTrain)) return;
    const { job, created } = await requestTraining(this.#db, this.#queue, 'attribute-model', topic, {
      reason: `mining job ${jobId} left ${counts.needsTrainingData} records that need training data`,
    });
    this.#logger.info({ jobId, topic, trainingJobId: job.id, created }, 'topic training requested');
  }

  async #view(job: MiningJobRow): Promise<MiningJobView> {
    const [frontier, records] = await Promise.all([
      frontierCounts(this.#db, job.id),
      trainingRecordCounts(this.#db, { jobId: job.id }),
    ]);
    const spec = job.spec as MiningJobSpec;
    const attempted = job.pagesStored + job.pagesFailed;
    const expected = Math.min(spec.maxPages, attempted + frontier.pending);
    const final = job.status === 'completed' || job.status === 'failed' || job.status === 'cancelled';
    const progressPercent = final
      ? 100
      : expected === 0
        ? 0
        : Math.min(99, Math.floor((attempted / expected) * 100));
    return { ...job, spec, frontier, progressPercent, records };
  }
}

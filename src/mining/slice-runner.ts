import {
  describeError,
  GleanerError,
  policyOf,
  randomToken,
  SLICE_EXPIRY_MARGIN_SECONDS,
  type GleanerConfig,
  type Logger,
} from '../core/index.js';
import { readSitemap } from '../crawl/index.js';
import {
  acquireLease,
  enqueueUrls,
  finishMiningJob,
  frontierCounts,
  getMiningJob,
  leaseState,
  nextPending,
  releaseLease,
  renewLease,
  type Database,
  type FrontierEntry,
} from '../store/index.js';
import { scopeOf, type MiningJobSpec } from './job-spec.js';
import type { JobRuntime, JobRuntimes } from './job-runtime.js';
import { OutcomeWriter } from './outcome-writer.js';
import { processUrl } from './process-url.js';

export type SliceSettings = Pick<
  GleanerConfig,
  'sliceSeconds' | 'jobExpireSeconds' | 'crawlConcurrency' | 'maxRetries' | 'retryBaseDelayMs'
>;

/** How a slice ended: `continue` asks for another slice (after `delayMs` when nothing is due yet). */
export type SliceResult =
  | { next: 'continue'; delayMs: number }
  | { next: 'done'; status: 'completed' | 'cancelled' | 'failed' | 'busy' };

// How often a slice extends its lease and checks for cancellation.
const LEASE_RENEW_MS = 2000;

/**
 * Runs one time-bounded slice of a mining job: claims the job's lease, fetches pending frontier URLs
 * with bounded concurrency until the slice's time is up, commits outcomes in batches, and says whether
 * the job needs another slice. Short slices keep queue messages well inside their expiry, so a killed
 * worker's job comes back quickly, and let many jobs share the workers fairly.
 */
export class SliceRunner {
  readonly #db: Database;
  readonly #runtimes: JobRuntimes;
  readonly #settings: SliceSettings;
  readonly #logger: Logger;

  constructor(db: Database, runtimes: JobRuntimes, settings: SliceSettings, logger: Logger) {
    this.#db = db;
    this.#runtimes = runtimes;
    this.#settings = settings;
    this.#logger = logger;
  }

  /** Lease length: shorter than the queue expiry, so the retry of a killed worker's message finds it lapsed. */
  get leaseSeconds(): number {
    return Math.max(2, this.#settings.jobExpireSeconds - SLICE_EXPIRY_MARGIN_SECONDS);
  }

  async run(jobId: number, spec: MiningJobSpec, signal?: AbortSignal): Promise<SliceResult> {
    // One owner per slice: a retried message in the same process must not share a live slice's lease.
    const owner = randomToken(9);
    const job = await acquireLease(this.#db, jobId, owner, this.leaseSeconds);
    if (!job) return this.#whenLeased(jobId);
    const runtime = this.#runtimes.get(jobId, spec);
    const abort = new AbortController();
    const onAbort = () => abort.abort();
    signal?.addEventListener('abort', onAbort);
    let cancelled = false;
    const renewer = setInterval(() => {
      renewLease(this.#db, jobId, owner, this.leaseSeconds)
        .then((status) => {
          if (status !== 'running') {
            cancelled = status === 'cancelled';
            abort.abort();
          }
        })
        .catch((error: unknown) =>
          this.#logger.warn({ jobId, err: describeError(error) }, 'lease renewal failed'),
        );
    }, LEASE_RENEW_MS);
    try {
      const counts = await frontierCounts(this.#db, jobId);
      if (counts.pending + counts.done + counts.failed + counts.skipped === 0)
        await this.#seed(jobId, runtime);
      const attemptedBefore = job.pagesStored + job.pagesFailed;
      const fatal = await this.#crawl(jobId, runtime, attemptedBefore, abort.signal);
      if (cancelled) return { next: 'done', status: 'cancelled' };
      if (fatal) {
        // Nothing this job can do until an operator acts (no browser installed, say): fail it with the
        // reason instead of retrying every page in vain.
        await finishMiningJob(this.#db, jobId, 'failed', describeError(fatal));
        await this.#runtimes.release(jobId);
        return { next: 'done', status: 'failed' };
      }
      return await this.#conclude(jobId, runtime);
    } finally {
      clearInterval(renewer);
      signal?.removeEventListener('abort', onAbort);
      await releaseLease(this.#db, jobId, owner).catch(() => undefined);
    }
  }

  /**
   * Another slice holds the lease. If its holder renewed it lately it is alive and will queue the job's
   * next slice itself. If not, the holder probably died (its queue message expired before its lease
   * lapsed): ask for a slice right after the lease lapses, or the job would be left without a message.
   */
  async #whenLeased(jobId: number): Promise<SliceResult> {
    const state = await leaseState(this.#db, jobId);
    if (!state || (state.status !== 'queued' && state.status !== 'running'))
      return { next: 'done', status: 'busy' };
    const remainingMs = state.remainingMs ?? 0;
    const renewedLately = remainingMs > this.leaseSeconds * 1000 - 2 * LEASE_RENEW_MS - 1000;
    if (renewedLately) return { next: 'done', status: 'busy' };
    return { next: 'continue', delayMs: Math.max(0, remainingMs) + 1000 };
  }

  /** The first slice puts the start URLs, and the URLs of the sites' sitemaps, in the frontier. */
  async #seed(jobId: number, runtime: JobRuntime): Promise<void> {
    const { spec } = runtime;
    const seeds = spec.startUrls.map((url) => ({ url, depth: 0 }));
    for (const s of seeds) runtime.seen.add(s.url);
    if (spec.useSitemaps) {
      const scope = scopeOf(spec);
      for (const origin of new Set(spec.startUrls.map((u) => new URL(u).origin))) {
        const declared = spec.respectRobots ? await runtime.robots.sitemaps(origin).catch(() => []) : [];
        const sitemapUrls = declared.length > 0 ? declared : [`${origin}/sitemap.xml`];
        for (const sitemapUrl of sitemapUrls) {
          try {
            const urls = await readSitemap(runtime.fetcher, sitemapUrl, {
              allowPrivateAddresses: spec.allowPrivateAddresses,
              maxUrls: spec.maxPages * 2,
            });
            for (const url of urls) {
              if (runtime.seen.has(url) || !scope.admits(url, 1).ok) continue;
              runtime.seen.add(url);
              seeds.push({ url, depth: 1 });
            }
          } catch (error) {
            this.#logger.info(
              { jobId, sitemapUrl, err: describeError(error) },
              'sitemap not read; crawling from the start URLs alone',
            );
          }
        }
      }
    }
    await enqueueUrls(this.#db, jobId, seeds);
  }

  async #crawl(
    jobId: number,
    runtime: JobRuntime,
    attemptedBefore: number,
    signal: AbortSignal,
  ): Promise<unknown> {
    const { spec } = runtime;
    const deadline = Date.now() + this.#settings.sliceSeconds * 1000;
    const tailDeadline =
      deadline +
      Math.max(
        1,
        this.#settings.jobExpireSeconds - this.#settings.sliceSeconds - SLICE_EXPIRY_MARGIN_SECONDS,
      ) *
        1000;
    const concurrency = runtime.concurrency;
    // URLs started in this slice whose outcome is not committed yet: still 'pending' in the database.
    const claimed = new Set<string>();
    const inflight = new Set<Promise<void>>();
    const fetchAbort = new AbortController();
    const stopFetches = () => fetchAbort.abort();
    signal.addEventListener('abort', stopFetches);
    const writer = new OutcomeWriter(this.#db, jobId, (batch) => {
      for (const o of batch) claimed.delete(o.url);
    });
    let started = 0;
    /** A fault with the `fatal` policy: the slice stops, and the job fails with it. */
    let fatal: unknown = null;
    const retry = {
      maxRetries: this.#settings.maxRetries,
      retryBaseDelayMs: this.#settings.retryBaseDelayMs,
    };

    const launch = (entry: FrontierEntry) => {
      started++;
      const task = processUrl(runtime, entry, retry, fetchAbort.signal)
        .then((outcome) => writer.add(outcome))
        .catch((error: unknown) => {
          // Aborted at the end of the slice or on cancel: the URL stays pending for the next slice.
          claimed.delete(entry.url);
          // A fetcher closed under the slice (the process is stopping) is no reason to fail the job.
          const closing = error instanceof GleanerError && error.code === 'closed';
          if (policyOf(error) === 'fatal' && !closing && !fetchAbort.signal.aborted) {
            fatal ??= error;
            fetchAbort.abort();
          } else if (!fetchAbort.signal.aborted)
            this.#logger.error(
              { jobId, url: entry.url, err: describeError(error) },
              'unexpected error processing a page',
            );
        })
        .finally(() => inflight.delete(task));
      inflight.add(task);
    };

    // Frontier entries claimed for this slice but not started: one query fills it for several pages.
    const buffer: FrontierEntry[] = [];
    const refillBelow = Math.ceil(concurrency / 2);
    try {
      while (!signal.aborted && fatal === null && Date.now() < deadline) {
        const budget = spec.maxPages - attemptedBefore - started;
        if (budget <= 0 && inflight.size === 0) break; // the page budget is spent
        if (buffer.length < refillBelow && budget > buffer.length) {
          const batch = await nextPending(
            this.#db,
            jobId,
            Math.min(concurrency * 2, budget) - buffer.length,
            [...claimed],
          );
          for (const entry of batch) {
            claimed.add(entry.url);
            buffer.push(entry);
          }
        }
        while (
          inflight.size < concurrency &&
          buffer.length > 0 &&
          spec.maxPages - attemptedBefore - started > 0
        )
          launch(buffer.shift()!);
        if (inflight.size === 0) {
          // Nothing to do here: outcomes still buffered may hold new URLs, or a retry may fall due soon.
          await writer.flush();
          const counts = await frontierCounts(this.#db, jobId);
          if (counts.due > 0) continue;
          const dueInMs = counts.nextDueInMs;
          // A retry due within this slice is waited for here: ending the slice would cost a queue round trip.
          if (counts.pending > 0 && dueInMs !== null && Date.now() + dueInMs < deadline) {
            await sleep(Math.max(10, dueInMs));
            continue;
          }
          break;
        }
        await Promise.race([...inflight, sleep(250)]);
      }
      // The tail: let pages in flight finish, but not past the queue message's expiry.
      if (inflight.size > 0) {
        const timer = setTimeout(stopFetches, Math.max(0, tailDeadline - Date.now()));
        await Promise.allSettled([...inflight]);
        clearTimeout(timer);
      }
      await writer.flush();
      return fatal;
    } finally {
      signal.removeEventListener('abort', stopFetches);
      fetchAbort.abort();
    }
  }

  /** After a slice: finish the job, or ask for another slice (delayed while only backed-off URLs remain). */
  async #conclude(jobId: number, runtime: JobRuntime): Promise<SliceResult> {
    const [counts, job] = await Promise.all([frontierCounts(this.#db, jobId), getMiningJob(this.#db, jobId)]);
    const attempted = (job?.pagesStored ?? 0) + (job?.pagesFailed ?? 0);
    if (counts.pending === 0 || attempted >= runtime.spec.maxPages) {
      await finishMiningJob(this.#db, jobId, 'completed');
      await this.#runtimes.release(jobId);
      return { next: 'done', status: 'completed' };
    }
    return { next: 'continue', delayMs: counts.due > 0 ? 0 : Math.max(0, counts.nextDueInMs ?? 0) };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

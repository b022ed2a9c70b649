import type { Database } from '../store/index.js';
import { addJobCounts, deferUrl, enqueueUrls, settleUrls, upsertPages } from '../store/index.js';
import type { UrlOutcome } from './outcome.js';

// Outcomes committed together: one transaction per batch keeps PGlite's single connection free for the queue.
const MAX_BATCH = 64;
const MAX_WAIT_MS = 100;

/**
 * Commits URL outcomes in batches, each batch in one transaction: a page row, its links, the URLs it
 * discovered, its frontier state and the job's counts commit together or not at all, so a crash loses
 * nothing stored and re-runs nothing committed.
 */
export class OutcomeWriter {
  readonly #db: Database;
  readonly #jobId: number;
  readonly #onCommitted: (outcomes: UrlOutcome[]) => void;
  #buffer: UrlOutcome[] = [];
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();
  #error: Error | null = null;

  constructor(db: Database, jobId: number, onCommitted: (outcomes: UrlOutcome[]) => void) {
    this.#db = db;
    this.#jobId = jobId;
    this.#onCommitted = onCommitted;
  }

  /** Queue an outcome; throws the error of an earlier failed commit so the slice stops. */
  add(outcome: UrlOutcome): void {
    if (this.#error) throw this.#error;
    this.#buffer.push(outcome);
    if (this.#buffer.length >= MAX_BATCH) void this.#startFlush();
    else this.#timer ??= setTimeout(() => void this.#startFlush(), MAX_WAIT_MS);
  }

  /** Commit everything queued so far. */
  async flush(): Promise<void> {
    await this.#startFlush();
    if (this.#error) throw this.#error;
  }

  #startFlush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#buffer;
    this.#buffer = [];
    // Batches commit in order, one at a time.
    this.#flushing = this.#flushing.then(async () => {
      if (batch.length === 0 || this.#error) return;
      try {
        await this.#commit(batch);
        this.#onCommitted(batch);
      } catch (error) {
        this.#error = error instanceof Error ? error : new Error(String(error));
      }
    });
    return this.#flushing;
  }

  async #commit(batch: UrlOutcome[]): Promise<void> {
    const pages = batch.filter((o) => o.kind === 'page');
    const discovered = new Map<string, number>();
    for (const o of pages)
      for (const d of o.discovered) if (!discovered.has(d.url)) discovered.set(d.url, d.depth);
    await this.#db.transaction(async (tx) => {
      await upsertPages(
        tx,
        this.#jobId,
        pages.map((o) => o.page),
      );
      const added = await enqueueUrls(
        tx,
        this.#jobId,
        [...discovered].map(([url, depth]) => ({ url, depth })),
      );
      await settleUrls(tx, this.#jobId, [
        ...pages.map((o) => ({ url: o.url, state: o.state, reason: o.page.error })),
        ...batch
          .filter((o) => o.kind === 'skip')
          .map((o) => ({ url: o.url, state: 'skipped' as const, reason: o.reason })),
      ]);
      for (const o of batch)
        if (o.kind === 'defer') await deferUrl(tx, this.#jobId, o.url, o.delayMs, o.reason);
      await addJobCounts(tx, this.#jobId, {
        pagesStored: pages.filter((o) => o.state === 'done').length,
        pagesFailed: pages.filter((o) => o.state === 'failed').length,
        urlsSkipped: batch.filter((o) => o.kind === 'skip').length,
        urlsDiscovered: added,
      });
    });
  }
}

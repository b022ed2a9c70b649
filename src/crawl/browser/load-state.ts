import type { GleanerError } from '../../core/index.js';

/**
 * What one page load has seen so far, fed by the tab's event listeners: the main document's hops, the
 * load milestones, requests in flight, and the first failure (a crash, a refusal, a bound crossed). Every
 * wait of the load races `failed`, so a failure stops the load wherever it is.
 */
export class LoadState {
  readonly startedAt = performance.now();
  /** Main-frame document URLs in order: the first request, HTTP redirect hops, script navigations. */
  readonly hops: string[] = [];
  readonly warnings: string[] = [];
  readonly failed: Promise<never>;
  /** ms from the start; set when the milestone is reached. */
  ttfbMs: number | null = null;
  domContentLoadedMs: number | null = null;
  loadMs: number | null = null;
  /** Requests that may still change the document (scripts, XHR, fetch, frames), not finished yet. */
  inflight = 0;
  /** When the last request started or ended, for the network-quiet wait. */
  lastNetworkAt = performance.now();
  /** The last main-frame document response (after redirects and script navigations). */
  mainResponse: { status: number; headers: Record<string, string> } | null = null;
  /** The highest JS heap seen by the memory poll, MB, over the tab's heap when the load began. */
  heapMb = 0;
  /** The tab's JS heap when the load began (what the previous page left until it is collected), MB. */
  heapBaselineMb: number | null = null;
  /** A heap poll has gone unanswered for long: the renderer is stuck in one long task. */
  heapPollStuck = false;
  #failure: GleanerError | null = null;
  #reject!: (error: GleanerError) => void;
  readonly #milestones = new Map<'domcontentloaded' | 'load', (() => void)[]>();

  constructor() {
    this.failed = new Promise<never>((_, reject) => {
      this.#reject = reject;
    });
    // Nobody may be awaiting `failed` when it rejects; the failure is read from `failure` then.
    this.failed.catch(() => undefined);
  }

  get failure(): GleanerError | null {
    return this.#failure;
  }

  /** Record the first failure and stop every wait; later ones are ignored. */
  fail(error: GleanerError): void {
    if (this.#failure) return;
    this.#failure = error;
    this.#reject(error);
  }

  warn(message: string): void {
    if (this.warnings.length < 20) this.warnings.push(message);
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  /**
   * A new main-frame navigation began (a redirect hop, or a script sending the page elsewhere): the
   * milestones are those of the new document, so they are waited for again.
   */
  navigating(): void {
    this.domContentLoadedMs = null;
    this.loadMs = null;
  }

  reached(milestone: 'domcontentloaded' | 'load'): void {
    const at = this.elapsedMs();
    if (milestone === 'domcontentloaded') this.domContentLoadedMs ??= at;
    else {
      this.loadMs ??= at;
      // A document can reach load without the parser's DOMContentLoaded having been seen (about:blank).
      this.domContentLoadedMs ??= at;
    }
    for (const resolve of this.#milestones.get(milestone) ?? []) resolve();
    this.#milestones.delete(milestone);
  }

  /** Resolves when the milestone is reached (at once if it was). */
  milestone(name: 'domcontentloaded' | 'load'): Promise<void> {
    if ((name === 'load' ? this.loadMs : this.domContentLoadedMs) !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.#milestones.get(name) ?? [];
      list.push(resolve);
      this.#milestones.set(name, list);
    });
  }

  /** `promise`, unless the load fails first. */
  within<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.failed]);
  }
}

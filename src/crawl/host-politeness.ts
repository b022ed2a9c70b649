export interface HostPolitenessOptions {
  /** Requests in flight to one host at once. @default from config GLEANER_PER_HOST_CONCURRENCY */
  perHostConcurrency: number;
  /** Least time between the starts of two requests to one host. */
  perHostDelayMs: number;
}

interface Waiter {
  grant: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
}

interface HostState {
  active: number;
  /** When the next request may start: the last start plus the delay. */
  nextStartAt: number;
  /** Set by backoff(): nothing starts before this. */
  pausedUntil: number;
  crawlDelayMs: number;
  queue: Waiter[];
  timer: NodeJS.Timeout | null;
}

/**
 * Per-host politeness: at most `perHostConcurrency` requests in flight to a host, starts spaced by
 * the larger of `perHostDelayMs` and the host's robots Crawl-delay, and pauses on demand (429, 503).
 * Waiters are served first come, first served. Hosts are independent: a slow host never holds up another.
 */
export class HostPoliteness {
  readonly #concurrency: number;
  readonly #delayMs: number;
  readonly #hosts = new Map<string, HostState>();

  constructor(options: HostPolitenessOptions) {
    if (!Number.isInteger(options.perHostConcurrency) || options.perHostConcurrency < 1) {
      throw new RangeError(
        `perHostConcurrency must be a whole number ≥ 1, got ${options.perHostConcurrency}`,
      );
    }
    this.#concurrency = options.perHostConcurrency;
    this.#delayMs = Math.max(0, options.perHostDelayMs);
  }

  /** Wait for a slot on `host`; call the returned function once the request is done (more calls are no-ops). */
  acquire(host: string, signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    const state = this.#state(host);
    return new Promise((grant, reject) => {
      const waiter: Waiter = {
        grant,
        reject,
        signal,
        onAbort: () => {
          const index = state.queue.indexOf(waiter);
          if (index < 0) return;
          state.queue.splice(index, 1);
          reject(signal.reason);
          this.#pump(host, state);
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      state.queue.push(waiter);
      this.#pump(host, state);
    });
  }

  /** Start nothing on `host` for `ms` (a longer pause already set stays). */
  backoff(host: string, ms: number): void {
    const state = this.#state(host);
    state.pausedUntil = Math.max(state.pausedUntil, Date.now() + Math.max(0, ms));
    this.#pump(host, state);
  }

  /** The robots.txt Crawl-delay of `host`; it only ever lengthens the configured delay. */
  setCrawlDelay(host: string, ms: number): void {
    this.#state(host).crawlDelayMs = Math.max(0, ms);
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (state === undefined) {
      state = { active: 0, nextStartAt: 0, pausedUntil: 0, crawlDelayMs: 0, queue: [], timer: null };
      this.#hosts.set(host, state);
    }
    return state;
  }

  #pump(host: string, state: HostState): void {
    if (state.timer !== null) {
      clearTimeout(state.timer);
      state.timer = null;
    }
    while (state.queue.length > 0 && state.active < this.#concurrency) {
      const now = Date.now();
      const readyAt = Math.max(state.nextStartAt, state.pausedUntil);
      if (readyAt > now) {
        // One timer per host, only while someone waits: nothing keeps the process alive when idle.
        state.timer = setTimeout(() => {
          state.timer = null;
          this.#pump(host, state);
        }, readyAt - now);
        return;
      }
      const waiter = state.queue.shift()!;
      waiter.signal.removeEventListener('abort', waiter.onAbort);
      state.active += 1;
      state.nextStartAt = now + Math.max(this.#delayMs, state.crawlDelayMs);
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        state.active -= 1;
        this.#pump(host, state);
      });
    }
  }
}

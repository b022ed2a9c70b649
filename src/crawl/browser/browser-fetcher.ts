import { availableParallelism } from 'node:os';
import { FatalError, RetryableError, SkipError } from '../../core/index.js';
import { assertPublicLiteral } from '../address-guard.js';
import { Deadline } from '../deadline.js';
import type { CdpDomain, LivePage, LiveVisit } from '../live-page.js';
import type { FetchedPage, Fetcher, PageRequest } from '../types.js';
import { browserCrash, browserTimeout } from './browser-errors.js';
import { BrowserInstance, BrowserRetired } from './browser-instance.js';
import type { BrowserTab } from './browser-tab.js';
import { LoadState } from './load-state.js';
import { loadPage, type LoadLimits } from './page-load.js';
import { NAVIGATION_TIMINGS } from './page-scripts.js';
import { treeMemoryMb } from './process-memory.js';
import { HostVerdicts } from './request-filter.js';

export interface BrowserFetcherOptions {
  /** The Chrome or Chromium executable. @example '/usr/bin/chromium' */
  executablePath: string;
  userAgent: string;
  /** Tabs loading pages at once. @default the number of cores */
  tabs?: number;
  /** The most a page may hold a tab: load, settle, capture and the profiles' gathering. */
  pageTimeoutMs: number;
  /** Wait this long for `load`, then take what has loaded. @default 60% of pageTimeoutMs */
  loadTimeoutMs?: number;
  /** After `load`, wait at most this long for the network to go quiet. @default 1000 */
  settleMs?: number;
  /** JS heap of a page beyond which it is abandoned with `browser-memory`. */
  pageMemoryMb: number;
  maxPageBytes: number;
  maxRedirects: number;
  /** @default 200000 */
  maxDomNodes?: number;
  /** Replace the browser after this many pages: long-lived Chromiums grow. @default 1000 */
  restartAfterPages?: number;
  /** Replace the browser when its process tree's memory (PSS) passes this. @default 2048 */
  maxBrowserMemoryMb?: number;
  /** Close the browser after this long without a page; the next page starts it again. @default 60000 */
  idleCloseMs?: number;
}

export interface BrowserFetcherStats {
  launches: number;
  pagesLoaded: number;
  tabsReplaced: number;
  /** Browsers replaced for age or memory, or after they went away. */
  restarts: number;
}

// How often (in pages) the browser's memory is measured: reading /proc for a dozen processes costs ~1 ms.
const MEMORY_CHECK_EVERY = 20;
// Time a visit that overran the deadline may keep the tab before the reset.
const DEFAULT_SETTLE_MS = 1_000;

/**
 * Fetches pages in headless Chromium: a pool of reused tabs (reset between pages), each page bounded in
 * time, JS heap, DOM and body size; a crashed tab is replaced, a crashed, old or grown browser restarted,
 * and the page in flight then fails with a passing fault (`browser-crash`), so the crawl retries it.
 * With `request.live`, the asked-for CDP domains are enabled before the load and `live.visit` runs on the
 * loaded page before the tab is reset. Chromium starts on the first page.
 */
export class BrowserFetcher implements Fetcher {
  readonly kind = 'browser' as const;
  readonly #options: Required<BrowserFetcherOptions>;
  readonly #limits: LoadLimits;
  readonly #verdicts = new HostVerdicts();
  #instance: BrowserInstance | null = null;
  #launching: Promise<BrowserInstance> | null = null;
  readonly #instances = new Set<BrowserInstance>();
  #idleTimer: NodeJS.Timeout | null = null;
  #inflight = 0;
  #closed = false;
  readonly #stats: BrowserFetcherStats = { launches: 0, pagesLoaded: 0, tabsReplaced: 0, restarts: 0 };

  constructor(options: BrowserFetcherOptions) {
    this.#options = {
      tabs: availableParallelism(),
      loadTimeoutMs: Math.round(options.pageTimeoutMs * 0.6),
      settleMs: DEFAULT_SETTLE_MS,
      maxDomNodes: 200_000,
      restartAfterPages: 1000,
      maxBrowserMemoryMb: 2048,
      idleCloseMs: 60_000,
      ...options,
    };
    this.#limits = {
      loadTimeoutMs: Math.min(this.#options.loadTimeoutMs, this.#options.pageTimeoutMs),
      settleMs: this.#options.settleMs,
      pageMemoryMb: this.#options.pageMemoryMb,
      maxPageBytes: this.#options.maxPageBytes,
      maxRedirects: this.#options.maxRedirects,
      maxDomNodes: this.#options.maxDomNodes,
    };
  }

  get stats(): Readonly<BrowserFetcherStats> {
    return { ...this.#stats, tabsReplaced: this.#stats.tabsReplaced + this.#liveTabsReplaced() };
  }

  /** Pids of the running browsers' main processes (for memory measurements). */
  get pids(): number[] {
    return [...this.#instances].map((i) => i.pid).filter((pid): pid is number => pid !== null);
  }

  async fetch(request: PageRequest, signal: AbortSignal): Promise<FetchedPage> {
    if (this.#closed) throw new FatalError('BrowserFetcher.fetch() called after close()', { code: 'closed' });
    const url = parseUrl(request.url);
    const guard = !request.allowPrivateAddresses;
    // Literal private addresses are refused before a tab is spent on them.
    if (guard) assertPublicLiteral(url.hostname);
    signal.throwIfAborted();
    this.#inflight += 1;
    this.#cancelIdleClose();
    try {
      const { instance, tab } = await this.#acquire(signal);
      return await this.#run(instance, tab, request, guard, signal);
    } finally {
      this.#inflight -= 1;
      this.#scheduleIdleClose();
    }
  }

  /** Idempotent; pages in flight fail with a passing fault. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#cancelIdleClose();
    const launching = this.#launching;
    await Promise.all([...this.#instances].map((i) => i.close()));
    const late = await launching?.catch(() => null);
    await late?.close();
  }

  async #run(
    instance: BrowserInstance,
    tab: BrowserTab,
    request: PageRequest,
    guard: boolean,
    signal: AbortSignal,
  ): Promise<FetchedPage> {
    const deadline = new Deadline(signal, this.#options.pageTimeoutMs);
    const load = new LoadState();
    const onDeadline = () =>
      load.fail(
        deadline.callerAborted
          ? new RetryableError(`${request.url}: stopped by the caller`, { code: 'aborted' })
          : browserTimeout(request.url, this.#options.pageTimeoutMs),
      );
    deadline.signal.addEventListener('abort', onDeadline, { once: true });
    const live = request.live;
    const recording = live?.domains.includes('Network') ?? false;
    tab.begin(load, guard);
    // A tab that could not be set up for the page (a CDP command that never answered) is not reused.
    let configured = false;
    try {
      await load.within(
        tab.filter.configure(
          { guard, block: request.block ?? [] },
          {
            refuse: (error) => load.fail(error),
            refusedSubresource: (url) => load.warn(`refused a private-address request: ${url.slice(0, 200)}`),
          },
        ),
      );
      const scripts = (await live?.scripts?.()) ?? [];
      const domains: CdpDomain[] = [
        ...(live?.domains ?? []),
        ...(scripts.length > 0 ? ['Page' as const] : []),
      ];
      await load.within(tab.setScripts(scripts));
      await load.within(tab.setDomains(domains));
      configured = true;
      if (recording) tab.recorder.start();
      const page = await loadPage(tab, request, load, this.#limits);
      if (live && page.status >= 200 && page.status < 300) await this.#visit(tab, live, page, load, deadline);
      return page;
    } catch (error) {
      if (deadline.callerAborted) throw signal.reason;
      if (instance.dead) throw browserCrash(request.url, 'the browser process ended');
      throw load.failure ?? error;
    } finally {
      deadline.signal.removeEventListener('abort', onDeadline);
      deadline.dispose();
      this.#stats.pagesLoaded += 1;
      tab.end();
      if (recording) tab.recorder.stop();
      const healthy =
        configured && !tab.crashed && !load.heapPollStuck && load.failure?.code !== 'browser-memory';
      void this.#recycle(instance, tab, healthy);
    }
  }

  /** Run the caller's work on the loaded page, bounded by the page's deadline; its failure is its own. */
  async #visit(
    tab: BrowserTab,
    live: LiveVisit,
    page: FetchedPage,
    load: LoadState,
    deadline: Deadline,
  ): Promise<void> {
    const livePage: LivePage = {
      cdp: tab.cdp,
      url: page.finalUrl,
      network: tab.recorder.stop(),
      timingsMs: await load
        .within(tab.evaluate(NAVIGATION_TIMINGS) as Promise<Record<string, number>>)
        .catch(() => ({})),
      signal: deadline.signal,
    };
    try {
      await load.within(live.visit(livePage));
    } catch (error) {
      const reason = load.failure?.message ?? (error instanceof Error ? error.message : String(error));
      page.warnings = [...(page.warnings ?? []), `live visit cut short: ${reason}`];
    }
  }

  async #acquire(signal: AbortSignal): Promise<{ instance: BrowserInstance; tab: BrowserTab }> {
    for (;;) {
      const instance = await this.#current();
      try {
        return { instance, tab: await instance.acquire(signal) };
      } catch (error) {
        if (!(error instanceof BrowserRetired)) throw error;
        if (this.#closed) throw new RetryableError('the browser was closed', { code: 'aborted' });
      }
    }
  }

  /** The browser taking pages, launched on first use and after a restart. */
  #current(): Promise<BrowserInstance> {
    if (this.#instance?.usable) return Promise.resolve(this.#instance);
    if (this.#instance) {
      this.#stats.restarts += 1;
      this.#instance = null;
    }
    this.#launching ??= BrowserInstance.launch(
      {
        executablePath: this.#options.executablePath,
        userAgent: this.#options.userAgent,
        // V8's own limit, above the polled bound: a page that allocates in one long task is stopped here.
        rendererHeapMb: Math.max(256, this.#options.pageMemoryMb * 2),
      },
      this.#options.tabs,
      this.#limits,
      this.#verdicts,
    )
      .then((instance) => {
        this.#stats.launches += 1;
        this.#instances.add(instance);
        this.#instance = instance;
        return instance;
      })
      .finally(() => {
        this.#launching = null;
      });
    return this.#launching;
  }

  async #recycle(instance: BrowserInstance, tab: BrowserTab, healthy: boolean): Promise<void> {
    await instance.release(tab, healthy).catch(() => undefined);
    if (!instance.usable) {
      this.#forget(instance);
      return;
    }
    const tooOld = instance.pagesLoaded >= this.#options.restartAfterPages;
    const tooBig =
      instance.pagesLoaded % MEMORY_CHECK_EVERY === 0 &&
      instance.pid !== null &&
      (treeMemoryMb(instance.pid) ?? 0) > this.#options.maxBrowserMemoryMb;
    if (tooOld || tooBig) {
      instance.retire();
      this.#forget(instance);
    }
  }

  #forget(instance: BrowserInstance): void {
    this.#stats.tabsReplaced += instance.tabsReplaced;
    instance.tabsReplaced = 0;
    // It stays in the set until it has closed (a retired one once its pages are done), so close() reaches it.
    void instance.closed.then(() => this.#instances.delete(instance));
  }

  #liveTabsReplaced(): number {
    let n = 0;
    for (const instance of this.#instances) n += instance.tabsReplaced;
    return n;
  }

  #scheduleIdleClose(): void {
    if (this.#inflight > 0 || this.#closed || this.#idleTimer) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      if (this.#inflight > 0) return;
      this.#instance?.retire();
      if (this.#instance) this.#forget(this.#instance);
      this.#instance = null;
    }, this.#options.idleCloseMs);
    this.#idleTimer.unref();
  }

  #cancelIdleClose(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SkipError(`URL "${url}" is not a valid URL`, { code: 'invalid-url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new SkipError(`URL "${url}" is not http(s); only web pages can be fetched`, {
      code: 'invalid-url',
    });
  return parsed;
}

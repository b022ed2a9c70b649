import type { Browser, BrowserContext, CDPSession, Protocol, Target } from 'puppeteer-core';
import type { GleanerError } from '../../core/index.js';
import type { CdpDomain, PageScript } from '../live-page.js';
import { browserCrash, browserMemory } from './browser-errors.js';
import { OUTPUT_SCALE, VIEWPORT } from './chromium.js';
import { evaluateExpression } from './evaluate.js';
import { LoadEvents } from './load-events.js';
import type { LoadState } from './load-state.js';
import { NetworkRecorder } from './network-recorder.js';
import { HostVerdicts, RequestFilter } from './request-filter.js';

/** Bounds of one page in a tab. */
export interface TabLimits {
  pageMemoryMb: number;
  maxPageBytes: number;
  maxRedirects: number;
}

// The order matters: CSS needs DOM enabled on the same session first.
const DOMAIN_ORDER: CdpDomain[] = [
  'Page',
  'Runtime',
  'Network',
  'DOM',
  'CSS',
  'DOMSnapshot',
  'Accessibility',
  'Performance',
];
// Enabled for the tab's own work, whatever the profiles ask: lifecycle, frames, dialogs and page
// scripts (Page); requests, responses and the settle wait (Network).
const TAB_DOMAINS = new Set<CdpDomain>(['Page', 'Network']);
// Domains without enable/disable commands.
const STATELESS_DOMAINS = new Set<CdpDomain>(['DOMSnapshot']);
// The most a blank document takes to load when a tab leaves a frozen page (it loads at once).
const BLANK_LOAD_MS = 1_000;
// Pages between two forced garbage collections of a tab's renderer.
const GC_EVERY_PAGES = 10;
// A reset that takes longer means the tab is stuck (a busy renderer): it is replaced instead.
const RESET_TIMEOUT_MS = 3_000;

/**
 * One reusable tab: a page in a browser context of its own (cookies and storage never leak between
 * tabs loading at the same time), one CDP session for the load and the profiles, the request filter,
 * and the session's events fed to the load in progress (requests and milestones by `LoadEvents`;
 * crashes, frames, dialogs and pop-ups here). Reset between pages; replaced when it crashes or gets stuck.
 *
 * The tab drives its page over raw CDP, not through puppeteer's `Page`: a `Page` enables lifecycle
 * events, the Runtime and Log domains, a second Network listener and a utility world in every document
 * it loads, none of which the crawl reads (5-7% of the CPU of a page, measured with
 * bench/browser-mining.ts). Puppeteer still launches the browser, tracks its targets and carries the
 * sessions.
 */
export class BrowserTab {
  readonly cdp: CDPSession;
  readonly filter: RequestFilter;
  readonly recorder: NetworkRecorder;
  readonly #context: BrowserContext;
  readonly #target: Target;
  readonly #mainFrameId: string;
  readonly #limits: TabLimits;
  readonly #domains = new Set<CdpDomain>(TAB_DOMAINS);
  /** Scripts registered for every new document, by world (one script a world). */
  readonly #scripts = new Map<string, { source: string; identifier: string }>();
  /** Origins the current page's frames showed: their storage is cleared at reset. */
  readonly #origins = new Set<string>();
  readonly #events: LoadEvents;
  #url = 'about:blank';
  #load: LoadState | null = null;
  #crashed = false;
  /** Frozen by the last reset; made active again when the next document commits. */
  #frozen = false;
  /** The JS heap left after the last reset, MB: a page is charged for its growth over it. */
  #heapBaselineMb = 0;
  pagesLoaded = 0;

  private constructor(
    context: BrowserContext,
    target: Target,
    cdp: CDPSession,
    mainFrameId: string,
    filter: RequestFilter,
    limits: TabLimits,
  ) {
    this.#context = context;
    this.#target = target;
    this.cdp = cdp;
    this.#mainFrameId = mainFrameId;
    this.filter = filter;
    this.recorder = new NetworkRecorder(cdp);
    this.#events = new LoadEvents(cdp, mainFrameId, limits.maxRedirects);
    this.#limits = limits;
    this.#listen();
  }

  static async open(browser: Browser, verdicts: HostVerdicts, limits: TabLimits): Promise<BrowserTab> {
    const context = await browser.createBrowserContext();
    try {
      // The context is the tab's own: its one page target is the tab.
      const browserSession = await browser.target().createCDPSession();
      try {
        await browserSession.send('Target.createTarget', {
          url: 'about:blank',
          // A context made by createBrowserContext always has an id (only the default one has none).
          browserContextId: context.id!,
        });
      } finally {
        await browserSession.detach().catch(() => undefined);
      }
      const target = await context.waitForTarget((t) => t.type() === 'page', { timeout: 10_000 });
      const cdp = await target.createCDPSession();
      const [{ frameTree }] = await Promise.all([
        cdp.send('Page.getFrameTree'),
        cdp.send('Page.enable'),
        cdp.send('Network.enable'),
        cdp.send('Inspector.enable'),
        cdp.send('Emulation.setDeviceMetricsOverride', {
          ...VIEWPORT,
          deviceScaleFactor: 1,
          mobile: false,
          scale: OUTPUT_SCALE,
        }),
      ]);
      // Service workers would answer requests past the filter, and outlive the page.
      await cdp.send('Network.setBypassServiceWorker', { bypass: true });
      const filter = new RequestFilter(cdp, frameTree.frame.id, verdicts, limits.maxPageBytes);
      await filter.configure({ guard: false, block: [] }, null);
      return new BrowserTab(context, target, cdp, frameTree.frame.id, filter, limits);
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  get crashed(): boolean {
    return this.#crashed;
  }

  /** The main frame's URL (after redirects, script navigations and history changes). */
  get url(): string {
    return this.#url;
  }

  /** Start feeding a load; `guard` makes every response's server address checked too. */
  begin(load: LoadState, guard: boolean): void {
    this.#load = load;
    load.heapBaselineMb = this.#heapBaselineMb;
    this.#events.begin(load, guard);
    this.#origins.clear();
    this.pagesLoaded += 1;
  }

  end(): void {
    this.#load = null;
    this.#events.end();
  }

  /** Fail the load in progress from outside (the browser went away under it). */
  abandon(error: GleanerError): void {
    this.#load?.fail(error);
  }

  /**
   * Start navigating the main frame to `url`; resolves once the new document has committed, rejects with
   * Chromium's net error (`net::ERR_…`) when it could not be loaded.
   */
  async navigate(url: string): Promise<void> {
    const { errorText } = await this.cdp.send('Page.navigate', { url });
    if (errorText) throw new Error(`${errorText} at ${url}`);
  }

  /** Evaluate `expression` in the main world of the page; resolves with its JSON value. */
  evaluate(expression: string): Promise<unknown> {
    return evaluateExpression(this.cdp, expression);
  }

  /** Enable the asked-for CDP domains on the session (and disable the ones no longer asked). */
  async setDomains(domains: readonly CdpDomain[]): Promise<void> {
    const wanted = new Set(domains.filter((d) => !STATELESS_DOMAINS.has(d)));
    for (const domain of TAB_DOMAINS) wanted.add(domain);
    if (wanted.has('CSS')) wanted.add('DOM');
    for (const domain of [...DOMAIN_ORDER].reverse())
      if (this.#domains.has(domain) && !wanted.has(domain)) {
        await this.cdp.send(`${domain}.disable` as 'Page.disable');
        this.#domains.delete(domain);
      }
    const enable = DOMAIN_ORDER.filter((domain) => wanted.has(domain) && !this.#domains.has(domain));
    if (enable.length > 0) await this.#leaveFrozenPage();
    for (const domain of enable) {
      await this.cdp.send(`${domain}.enable` as 'Page.enable');
      this.#domains.add(domain);
    }
  }

  /**
   * `CSS.enable` never answers on a frozen document (the reset froze the last page), and a job that
   * follows another on the same tab may need it: before enabling domains, the tab replaces the frozen
   * document with a blank one, active and visible as a new page would be. Only when the domains grow.
   */
  async #leaveFrozenPage(): Promise<void> {
    if (!this.#frozen) return;
    // The blank document's events are not the page's: the load in progress ignores them until it has loaded.
    await this.#events.aside(async () => {
      const loaded = new Promise<void>((resolve) => {
        this.cdp.once('Page.loadEventFired', () => resolve());
        setTimeout(resolve, BLANK_LOAD_MS).unref();
      });
      await this.navigate('about:blank');
      await loaded;
    });
    // The new document starts active; focus emulation keeps it visible, as after any page's commit.
    this.#frozen = false;
    await this.cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  }

  /**
   * Register the scripts asked for on every new document (the source travels to the browser once), and
   * remove the ones no longer asked.
   */
  async setScripts(scripts: readonly PageScript[]): Promise<void> {
    const wanted = new Map(scripts.map((script) => [script.world, script.source]));
    for (const [world, registered] of this.#scripts)
      if (wanted.get(world) !== registered.source) {
        await this.cdp.send('Page.removeScriptToEvaluateOnNewDocument', {
          identifier: registered.identifier,
        });
        this.#scripts.delete(world);
      }
    for (const [world, source] of wanted)
      if (!this.#scripts.has(world)) {
        const { identifier } = await this.cdp.send('Page.addScriptToEvaluateOnNewDocument', {
          source,
          worldName: world,
        });
        this.#scripts.set(world, { source, identifier });
      }
  }

  /**
   * Make the tab forget the page: freeze it (its scripts and timers stop, so nothing it does afterwards
   * can write state back), then in one batch clear the context's cookies and, for every origin its
   * frames showed, every storage type (local storage, IndexedDB, Cache API, service workers) and the
   * tab's session storage. The frozen document is replaced by the next page's navigation. The HTTP
   * cache is kept: it holds nothing a page can read back as state, and a site's scripts and styles load
   * once. Navigating to about:blank instead cost a second navigation a page: 60 ms of CPU, a quarter of
   * a demo page's. Resolves whether the tab is fit for another page.
   */
  async reset(): Promise<boolean> {
    this.end();
    if (this.#crashed) return false;
    const work = (async () => {
      // A page kept visible by focus emulation is not frozen: the emulation goes first.
      await this.cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
      await this.cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
      this.#frozen = true;
      const origins = [...this.#origins];
      this.#origins.clear();
      const [heap] = await Promise.all([
        this.cdp.send('Runtime.getHeapUsage'),
        this.cdp.send('Network.clearBrowserCookies'),
        ...origins.flatMap((origin) => [
          this.cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }),
          // Session storage lives in the tab, not in the origin's storage that the line above clears.
          this.cdp.send('DOMStorage.clear', { storageId: { securityOrigin: origin, isLocalStorage: false } }),
        ]),
      ]);
      this.#heapBaselineMb = heap.usedSize / (1024 * 1024);
      // The renderer of a reused tab collects its garbage lazily and grows by about 1.5 MB a page (145 MB
      // of PSS after 40 pages); a full collection every few pages keeps it near 75 MB for ~3 ms a page.
      // A page that left much garbage is collected at once, not charged to the next one.
      if (this.pagesLoaded % GC_EVERY_PAGES === 0 || this.#heapBaselineMb > this.#limits.pageMemoryMb / 4) {
        await this.cdp.send('HeapProfiler.collectGarbage');
        this.#heapBaselineMb = await this.#heapMb();
      }
      return true;
    })();
    const timeout = new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(false), RESET_TIMEOUT_MS).unref(),
    );
    return Promise.race([work.catch(() => false), timeout]);
  }

  async #heapMb(): Promise<number> {
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    return usedSize / (1024 * 1024);
  }

  /** Close the tab and its context; never throws, never waits long on a stuck renderer. */
  async close(): Promise<void> {
    this.end();
    const closing = this.#context.close().catch(() => undefined);
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, RESET_TIMEOUT_MS).unref())]);
  }

  #listen(): void {
    const { cdp } = this;
    cdp.on('Inspector.targetCrashed', () => this.#onCrash('Page crashed!'));
    // The tab's target went away under it (closed by the browser, or the browser itself going away).
    cdp.on('Inspector.detached', ({ reason }) => this.#onCrash(`the tab was detached: ${reason}`));
    cdp.on('Page.frameNavigated', ({ frame }) => this.#onFrameNavigated(frame));
    cdp.on('Page.navigatedWithinDocument', (event) => {
      if (event.frameId === this.#mainFrameId) this.#url = event.url;
    });
    cdp.on('Page.javascriptDialogOpening', (event) => {
      this.#load?.warn(`dialog dismissed: ${event.type} ${JSON.stringify(event.message.slice(0, 100))}`);
      // Dismissing beforeunload would cancel leaving the page (the reset); the others are dismissed.
      void cdp
        .send('Page.handleJavaScriptDialog', { accept: event.type === 'beforeunload' })
        .catch(() => undefined);
    });
    // Pop-up blocking refuses most `window.open` calls; a pop-up that opens anyway is a page target of
    // the tab's own context other than the tab.
    this.#context.on('targetcreated', (target: Target) => {
      if (target === this.#target || target.type() !== 'page') return;
      this.#load?.warn(`pop-up closed: ${target.url().slice(0, 200)}`);
      void target
        .createCDPSession()
        .then((session) => session.send('Page.close'))
        .catch(() => undefined);
    });
  }

  #onCrash(message: string): void {
    if (this.#crashed) return;
    // The renderer crashed (out of memory or a bug). A renderer busy in one long task cannot answer the
    // heap poll, so a crash after a high or unanswered reading is most likely memory.
    this.#crashed = true;
    const load = this.#load;
    if (!load) return;
    if (load.heapMb >= this.#limits.pageMemoryMb / 2 || load.heapPollStuck)
      load.fail(
        browserMemory(this.#url, Math.max(load.heapMb, this.#limits.pageMemoryMb), this.#limits.pageMemoryMb),
      );
    else load.fail(browserCrash(this.#url || 'the page', message));
  }

  #onFrameNavigated(frame: Protocol.Page.Frame): void {
    const { url } = frame;
    if (url.startsWith('http:') || url.startsWith('https:')) this.#origins.add(new URL(url).origin);
    if (frame.parentId !== undefined) return;
    this.#url = url + (frame.urlFragment ?? '');
    // The new document has replaced the frozen one: let it run and render. Freezing hid the page too,
    // and unfreezing does not show it again: a hidden page gets no frames (no paint, no LCP, no
    // requestAnimationFrame), so focus emulation makes it visible until the next reset.
    if (this.#frozen) {
      this.#frozen = false;
      void Promise.all([
        this.cdp.send('Page.setWebLifecycleState', { state: 'active' }),
        this.cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true }),
      ]).catch(() => undefined);
    }
  }
}

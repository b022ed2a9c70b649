import { browserCrash } from './browser-errors.js';
import { BrowserTab, type TabLimits } from './browser-tab.js';
import { launchChromium, type Chromium, type ChromiumOptions } from './chromium.js';
import type { HostVerdicts } from './request-filter.js';

/** Thrown to a waiter when its browser is being replaced: it asks the fetcher's current browser instead. */
export class BrowserRetired extends Error {
  constructor() {
    super('the browser is being replaced');
    this.name = 'BrowserRetired';
  }
}

interface Waiter {
  resolve(tab: BrowserTab): void;
  reject(reason: unknown): void;
}

/**
 * One Chromium process and its tabs: at most `tabs` open, handed out one page at a time, first come first
 * served. A retired instance takes no new pages and closes once its pages in flight are done; a browser
 * that went away fails its loads (retried by the crawl) and its waiters move to the next browser.
 */
export class BrowserInstance {
  readonly #chromium: Chromium;
  readonly #tabs: number;
  readonly #limits: TabLimits;
  readonly #verdicts: HostVerdicts;
  readonly #idle: BrowserTab[] = [];
  readonly #busy = new Set<BrowserTab>();
  readonly #waiters: Waiter[] = [];
  #opening = 0;
  #retired = false;
  #dead = false;
  #closing: Promise<void> | null = null;
  #onClosed!: () => void;
  /** Resolves once Chromium has exited (closed, retired and drained, or gone). */
  readonly closed = new Promise<void>((resolve) => {
    this.#onClosed = resolve;
  });
  pagesLoaded = 0;
  tabsReplaced = 0;

  private constructor(chromium: Chromium, tabs: number, limits: TabLimits, verdicts: HostVerdicts) {
    this.#chromium = chromium;
    this.#tabs = tabs;
    this.#limits = limits;
    this.#verdicts = verdicts;
    chromium.browser.on('disconnected', () => this.#onDisconnected());
  }

  static async launch(
    options: ChromiumOptions,
    tabs: number,
    limits: TabLimits,
    verdicts: HostVerdicts,
  ): Promise<BrowserInstance> {
    return new BrowserInstance(await launchChromium(options), tabs, limits, verdicts);
  }

  get pid(): number | null {
    return this.#chromium.pid;
  }

  /** Takes pages: neither retired nor gone. */
  get usable(): boolean {
    return !this.#retired && !this.#dead;
  }

  get dead(): boolean {
    return this.#dead;
  }

  /** A tab for one page; rejects with BrowserRetired when this browser stops taking pages meanwhile. */
  acquire(signal: AbortSignal): Promise<BrowserTab> {
    if (!this.usable) return Promise.reject(new BrowserRetired());
    signal.throwIfAborted();
    const idle = this.#idle.pop();
    if (idle) {
      this.#busy.add(idle);
      return Promise.resolve(idle);
    }
    if (this.#busy.size + this.#opening < this.#tabs) return this.#open();
    return new Promise<BrowserTab>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (tab) => {
          signal.removeEventListener('abort', onAbort);
          resolve(tab);
        },
        reject: (reason) => {
          signal.removeEventListener('abort', onAbort);
          reject(reason);
        },
      };
      const onAbort = () => {
        const at = this.#waiters.indexOf(waiter);
        if (at >= 0) this.#waiters.splice(at, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiters.push(waiter);
    });
  }

  /** Give a tab back after its page, reset (`healthy`) or to be replaced. */
  async release(tab: BrowserTab, healthy: boolean): Promise<void> {
    this.pagesLoaded += 1;
    // The tab stays counted as busy while it resets or closes: counting it free then would open more
    // tabs than the bound meanwhile.
    const fit = healthy && this.usable && (await tab.reset());
    if (!fit) {
      if (this.usable) this.tabsReplaced += 1;
      await tab.close();
    }
    this.#busy.delete(tab);
    if (!this.usable) {
      if (fit) await tab.close();
      this.#closeWhenDrained();
      return;
    }
    const waiter = this.#waiters.shift();
    if (fit) {
      if (waiter) {
        this.#busy.add(tab);
        waiter.resolve(tab);
      } else this.#idle.push(tab);
    } else if (waiter) {
      this.#open().then(waiter.resolve, waiter.reject);
    }
  }

  /** Take no new pages; close once the pages in flight are done. */
  retire(): void {
    if (this.#retired) return;
    this.#retired = true;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new BrowserRetired());
    this.#closeWhenDrained();
  }

  /** Close now: pages in flight fail (and are retried by the crawl). */
  close(): Promise<void> {
    this.#retired = true;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new BrowserRetired());
    this.#closing ??= (async () => {
      for (const tab of this.#busy) tab.abandon(browserCrash(tab.url, 'the browser was closed'));
      await this.#chromium.close();
      this.#onClosed();
    })();
    return this.#closing;
  }

  async #open(): Promise<BrowserTab> {
    this.#opening += 1;
    try {
      const tab = await BrowserTab.open(this.#chromium.browser, this.#verdicts, this.#limits);
      if (!this.usable) {
        await tab.close();
        throw new BrowserRetired();
      }
      this.#busy.add(tab);
      return tab;
    } catch (error) {
      if (error instanceof BrowserRetired || !this.usable) throw new BrowserRetired();
      throw browserCrash('a new tab', error instanceof Error ? error.message : String(error));
    } finally {
      this.#opening -= 1;
    }
  }

  #closeWhenDrained(): void {
    if (this.#busy.size === 0 && this.#opening === 0) {
      for (const tab of this.#idle.splice(0)) void tab.close();
      void this.close();
    }
  }

  #onDisconnected(): void {
    if (this.#dead) return;
    this.#dead = true;
    for (const tab of this.#busy) tab.abandon(browserCrash(tab.url, 'the browser process ended'));
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new BrowserRetired());
    void this.close();
  }
}

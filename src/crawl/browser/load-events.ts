import type { CDPSession, Protocol } from 'puppeteer-core';
import { SkipError } from '../../core/index.js';
import { isPrivateAddress } from '../address-guard.js';
import type { LoadState } from './load-state.js';

// Requests that may still change the document when they end (CDP resource types): the settle wait
// counts these only (an image or a font finishing late changes nothing the capture reads).
const SETTLE_TYPES = new Set(['Document', 'Script', 'XHR', 'Fetch']);

/**
 * A tab's CDP events, fed to the load in progress: the main document's hops (HTTP redirects and script
 * navigations, bounded, loops refused), its response, DOMContentLoaded and load, the requests in flight
 * for the settle wait, and, with the guard, the address each response came from.
 */
export class LoadEvents {
  readonly #mainFrameId: string;
  readonly #maxRedirects: number;
  /** Requests of the settle types not finished yet, by request id. */
  readonly #inflight = new Set<string>();
  /** The URLs each main-frame navigation request went through (HTTP redirects), by request id. */
  readonly #chains = new Map<string, string[]>();
  #load: LoadState | null = null;
  #guard = false;

  constructor(cdp: CDPSession, mainFrameId: string, maxRedirects: number) {
    this.#mainFrameId = mainFrameId;
    this.#maxRedirects = maxRedirects;
    cdp.on('Network.requestWillBeSent', (event) => this.#onRequest(event));
    cdp.on('Network.responseReceived', (event) => this.#onResponse(event));
    cdp.on('Network.loadingFinished', (event) => this.#onRequestDone(event.requestId));
    cdp.on('Network.loadingFailed', (event) => this.#onRequestDone(event.requestId));
    cdp.on('Page.domContentEventFired', () => this.#load?.reached('domcontentloaded'));
    cdp.on('Page.loadEventFired', () => this.#load?.reached('load'));
  }

  /** Feed `load` from now on; `guard` makes every response's server address checked too. */
  begin(load: LoadState, guard: boolean): void {
    this.#load = load;
    this.#guard = guard;
    this.#inflight.clear();
    this.#chains.clear();
  }

  end(): void {
    this.#load = null;
  }

  /**
   * Run `work`, a navigation of the tab's own (not the page's), without feeding its events to the load
   * in progress: its `load` event would otherwise count as the page's.
   */
  async aside(work: () => Promise<void>): Promise<void> {
    const load = this.#load;
    this.#load = null;
    try {
      await work();
    } finally {
      this.#load = load;
      this.#inflight.clear();
      this.#chains.clear();
    }
  }

  #isMainNavigation(event: {
    requestId: string;
    loaderId: string;
    type?: string;
    frameId?: string;
  }): boolean {
    return (
      event.type === 'Document' && event.requestId === event.loaderId && event.frameId === this.#mainFrameId
    );
  }

  #onRequest(event: Protocol.Network.RequestWillBeSentEvent): void {
    const load = this.#load;
    if (!load) return;
    // A redirect is a new request event under the same id: the hop before it has answered.
    if (event.redirectResponse) this.#checkAddress(event.redirectResponse, load);
    if (event.type !== undefined && SETTLE_TYPES.has(event.type)) {
      this.#inflight.add(event.requestId);
      load.inflight = this.#inflight.size;
      load.lastNetworkAt = performance.now();
    }
    if (!this.#isMainNavigation(event)) return;
    const url = event.request.url;
    const chain = (event.redirectResponse && this.#chains.get(event.requestId)) || [];
    // An HTTP redirect back to a URL of the same chain is a loop; script navigations may revisit a URL.
    if (chain.includes(url))
      load.fail(
        new SkipError(`${load.hops[0] ?? url}: redirect loop, ${url} was already visited`, {
          code: 'redirect-loop',
        }),
      );
    this.#chains.set(event.requestId, [...chain, url]);
    load.hops.push(url);
    load.navigating();
    if (load.hops.length - 1 > this.#maxRedirects)
      load.fail(
        new SkipError(
          `${load.hops[0]}: more than ${this.#maxRedirects} redirects and script navigations (GLEANER_MAX_REDIRECTS)`,
          { code: 'too-many-redirects' },
        ),
      );
  }

  #onRequestDone(requestId: string): void {
    const load = this.#load;
    if (!load || !this.#inflight.delete(requestId)) return;
    load.inflight = this.#inflight.size;
    load.lastNetworkAt = performance.now();
  }

  #onResponse(event: Protocol.Network.ResponseReceivedEvent): void {
    const load = this.#load;
    if (!load) return;
    if (this.#isMainNavigation(event)) {
      load.mainResponse = { status: event.response.status, headers: event.response.headers };
      load.ttfbMs = load.elapsedMs();
    }
    this.#checkAddress(event.response, load);
  }

  /**
   * The filter checked the host's DNS answer before the request; the address actually connected to is
   * checked here, so a host that re-resolves to a private address (DNS rebinding) still fails the page.
   */
  #checkAddress(response: Protocol.Network.Response, load: LoadState): void {
    const ip = response.remoteIPAddress;
    if (this.#guard && ip && isPrivateAddress(ip))
      load.fail(
        new SkipError(
          `refused ${response.url}: it was answered from the private address ${ip}. ` +
            'Set GLEANER_ALLOW_PRIVATE_ADDRESSES=true if crawling it is intended.',
          { code: 'private-address' },
        ),
      );
  }
}

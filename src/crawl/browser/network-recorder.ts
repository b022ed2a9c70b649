import type { CDPSession, Protocol } from 'puppeteer-core';
import type { NetworkEntry } from '../live-page.js';

interface Pending {
  url: string;
  type: string;
  startedAt: number;
  renderBlocking: boolean;
  status: number;
}

// A page that keeps requesting (polling, infinite scroll) must not grow the list without end.
const MAX_ENTRIES = 2000;

/**
 * Collects the responses a tab sees while a page loads, from the CDP Network domain of the session the
 * profiles use (enabled only when a profile asked for `Network`).
 */
export class NetworkRecorder {
  readonly #pending = new Map<string, Pending>();
  #entries: NetworkEntry[] = [];
  #recording = false;

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => this.#onRequest(e));
    cdp.on('Network.responseReceived', (e) => {
      const pending = this.#pending.get(e.requestId);
      if (pending) {
        pending.status = e.response.status;
        pending.type = e.type;
      }
    });
    cdp.on('Network.loadingFinished', (e) => this.#finish(e.requestId, e.timestamp, e.encodedDataLength));
    cdp.on('Network.loadingFailed', (e) => this.#finish(e.requestId, e.timestamp, 0));
  }

  /** Start a page: forget the previous one's entries. */
  start(): void {
    this.#pending.clear();
    this.#entries = [];
    this.#recording = true;
  }

  /** Stop recording and hand over what was seen (requests still in flight are left out). */
  stop(): NetworkEntry[] {
    this.#recording = false;
    this.#pending.clear();
    const entries = this.#entries;
    this.#entries = [];
    return entries;
  }

  #onRequest(event: Protocol.Network.RequestWillBeSentEvent): void {
    if (!this.#recording) return;
    // A redirect reuses the request id: the hop before it ends here, with the redirect's status.
    if (event.redirectResponse) {
      const hop = this.#pending.get(event.requestId);
      if (hop) {
        hop.status = event.redirectResponse.status;
        this.#push(hop, event.timestamp, event.redirectResponse.encodedDataLength);
      }
    }
    this.#pending.set(event.requestId, {
      url: event.request.url,
      type: event.type ?? 'Other',
      startedAt: event.timestamp,
      renderBlocking:
        event.renderBlockingBehavior === 'Blocking' ||
        event.renderBlockingBehavior === 'InBodyParserBlocking',
      status: 0,
    });
  }

  #finish(requestId: string, timestamp: number, bytes: number): void {
    const pending = this.#pending.get(requestId);
    if (!pending) return;
    this.#pending.delete(requestId);
    this.#push(pending, timestamp, bytes);
  }

  #push(pending: Pending, endedAt: number, bytes: number): void {
    if (this.#entries.length >= MAX_ENTRIES) return;
    this.#entries.push({
      url: pending.url,
      type: pending.type,
      status: pending.status,
      bytes,
      renderBlocking: pending.renderBlocking,
      // CDP timestamps are seconds on a monotonic clock.
      durationMs: Math.max(0, (endedAt - pending.startedAt) * 1000),
    });
  }
}

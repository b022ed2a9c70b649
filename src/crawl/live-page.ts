import type { CDPSession } from 'puppeteer-core';

/** Chrome DevTools Protocol domains a profile needs enabled on the page it gathers from. */
export type CdpDomain =
  'DOM' | 'CSS' | 'DOMSnapshot' | 'Accessibility' | 'Performance' | 'Network' | 'Runtime' | 'Page';

/** One network response the tab saw while loading the page. */
export interface NetworkEntry {
  url: string;
  /** The CDP resource type: Document, Stylesheet, Script, Image, Font, XHR, Fetch, Media, Other, … */
  type: string;
  status: number;
  /** Bytes received over the wire (encoded). */
  bytes: number;
  /** Whether it blocked the first render (a stylesheet or a synchronous script in the head). */
  renderBlocking: boolean;
  durationMs: number;
}

/**
 * A page loaded in a browser tab, handed to the profiles while the tab still holds it. The CDP domains
 * the job's profiles asked for were enabled on `cdp` before navigation, so their events cover the load.
 * Valid only inside the `visit` callback: the tab is reset and reused afterwards.
 */
export interface LivePage {
  /** The tab's CDP session: evaluate with `evaluateExpression(live.cdp, …)`. */
  cdp: CDPSession;
  /** The final URL after redirects and script navigation. */
  url: string;
  /** Responses seen during the load (when the `Network` domain was asked for, else empty). */
  network: NetworkEntry[];
  /** Navigation timings in ms from navigation start: ttfb, domContentLoaded, load, firstPaint, fcp. */
  timingsMs: Record<string, number>;
  /** The time left for gathering before the page's deadline. */
  signal: AbortSignal;
}

/**
 * A script the browser runs in an isolated world of every new document, before the page's own scripts:
 * the page cannot see it, and it costs no transfer per page (a profile's library, e.g. axe-core, is sent
 * to the tab once instead of with every page). Gathers reach it with `runInWorld(live, world, …)`.
 */
export interface PageScript {
  /** The isolated world's name; one script a world. @example 'gleaner-axe' */
  world: string;
  source: string;
}

/** What a fetch asks of the browser: domains to enable before the load and what to run on the live page. */
export interface LiveVisit {
  domains: readonly CdpDomain[];
  /** Scripts to have in every new document of the load (registered on the tab once, kept while asked). */
  scripts?: () => Promise<readonly PageScript[]>;
  /** Runs while the page is loaded; its failure is the visit's own, never the fetch's. */
  visit(live: LivePage): Promise<void>;
}

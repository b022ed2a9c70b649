import type { LiveVisit } from './live-page.js';

/** What the crawl asks a fetcher for. */
export interface PageRequest {
  url: string;
  /**
   * Let this request reach loopback, private, link-local and other non-public addresses.
   * Off for anything a remote user submitted: a crawler that follows links is an SSRF tool otherwise.
   */
  allowPrivateAddresses: boolean;
  /**
   * `html` (the default) refuses non-HTML and binary bodies of 2xx responses; `any` takes any text
   * body (robots.txt, sitemaps) and un-gzips a body that arrives gzipped without a content-encoding.
   * @default 'html'
   */
  accept?: 'html' | 'any';
  /** Browser fetchers only: CDP domains to enable and work to do on the live page (profiles). */
  live?: LiveVisit;
  /**
   * Browser fetchers only: CDP resource types not to load at all (`Image`, `Media`, `Font`, …), when
   * nothing asked of the page needs them: the page renders faster.
   */
  block?: readonly string[];
}

/** One fetched page, whatever its status: the caller decides what a 404 or a 429 means. */
export interface FetchedPage {
  /** The URL asked for. */
  url: string;
  /** The URL of the last hop, after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers of the last hop, names lowercased, repeated headers joined with ', '. */
  headers: Record<string, string>;
  contentType: string | null;
  /** The body decoded to text (named for the usual case; with `accept: 'any'` it is any text). */
  html: string;
  /** Decoded (decompressed) body size. */
  bytes: number;
  fetchedAt: Date;
  /**
   * `ttfb`: from the start of the fetch to the headers of the last hop, redirects included. The browser
   * adds `domContentLoaded` and `load` when the page reached them.
   */
  timingsMs: { total: number; ttfb: number; [milestone: string]: number };
  /** Every hop's URL, in order, excluding the first (the browser counts script navigations as hops). */
  redirects: string[];
  /**
   * What the browser met and bounded on the way without failing the page: dialogs dismissed, pop-ups
   * closed, a load cut at its cap, a network that never went quiet, profiles that failed.
   */
  warnings?: string[];
}

export interface Fetcher {
  readonly kind: 'static' | 'browser';
  fetch(request: PageRequest, signal: AbortSignal): Promise<FetchedPage>;
  close(): Promise<void>;
}

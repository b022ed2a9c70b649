import type { CDPSession } from 'puppeteer-core';
import type { Protocol } from 'puppeteer-core';
import { SkipError, describeError } from '../../core/index.js';
import { assertPublicHost } from '../address-guard.js';
import { isHtmlType, parseContentType } from '../content-sniff.js';
import { tooLarge } from '../body-reader.js';

/** What a tab lets through for one page: the private-address guard, and resource types not loaded at all. */
export interface FilterRules {
  guard: boolean;
  /** CDP resource types refused outright (Image, Media, Font, Stylesheet, …). */
  block: readonly string[];
}

/** What the filter reports to the load in progress. */
export interface FilterSink {
  /** The main document was refused: the load fails with this error. */
  refuse(error: SkipError): void;
  /** A subresource was refused by the guard (counted in the page's warnings). */
  refusedSubresource(url: string): void;
}

// Host verdicts are kept briefly: pages of one site ask for the same few hosts hundreds of times.
const HOST_VERDICT_TTL_MS = 30_000;
const MAX_HOST_VERDICTS = 4096;

// File extensions of the resource types a job may refuse. A request whose URL path ends with one is refused
// by Chromium's network stack itself (`Network.setBlockedURLs`), without the round trip to Node that a
// Fetch pause costs; the Fetch pattern still refuses the ones whose URL does not tell. On JSON-LD-only
// demo pages (about six images each) this took 10-12% off the CPU of a page.
const BLOCKED_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  Image: ['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'svg', 'ico', 'bmp'],
  Font: ['woff', 'woff2', 'ttf', 'otf', 'eot'],
  Media: ['mp4', 'webm', 'ogg', 'ogv', 'mp3', 'wav', 'm4a', 'mov'],
};

/** URL patterns (URLPattern syntax) of the blocked types' extensions, any case, with or without a query. */
export function blockedUrlPatterns(types: readonly string[]): Protocol.Network.BlockPattern[] {
  return types
    .flatMap((type) => BLOCKED_EXTENSIONS[type] ?? [])
    .flatMap((ext) => [ext, ext.toUpperCase()])
    .flatMap((ext) => [`*://*:*/*.${ext}`, `*://*:*/*.${ext}?*`])
    .map((urlPattern) => ({ urlPattern, block: true }));
}

/** Resolved-host verdicts shared by the tabs of a browser. */
export class HostVerdicts {
  readonly #verdicts = new Map<string, { at: number; check: Promise<SkipError | null> }>();

  check(hostname: string): Promise<SkipError | null> {
    const now = Date.now();
    const cached = this.#verdicts.get(hostname);
    if (cached && now - cached.at < HOST_VERDICT_TTL_MS) return cached.check;
    if (this.#verdicts.size >= MAX_HOST_VERDICTS) this.#verdicts.clear();
    const check = assertPublicHost(hostname).then(
      () => null,
      (error: unknown) =>
        error instanceof SkipError
          ? error
          : new SkipError(`refused to fetch ${hostname}: ${describeError(error)}`, { code: 'dns' }),
    );
    this.#verdicts.set(hostname, { at: now, check });
    return check;
  }
}

/**
 * The tab's request filter on the CDP Fetch domain. Main documents always pause once their headers are
 * in, so that a non-HTML or oversized answer is refused before Chromium downloads and renders it. With
 * the guard, every request pauses before it is sent and a private destination is refused (the guard of
 * the static fetcher, which the browser's own network stack would not apply); blocked resource types
 * are refused without a round trip to a server, most of them by their URL's extension in the network
 * stack, the rest when they pause.
 */
export class RequestFilter {
  readonly #cdp: CDPSession;
  readonly #mainFrameId: string;
  readonly #verdicts: HostVerdicts;
  readonly #maxPageBytes: number;
  #patternsKey = '';
  #rules: FilterRules = { guard: false, block: [] };
  #sink: FilterSink | null = null;

  constructor(cdp: CDPSession, mainFrameId: string, verdicts: HostVerdicts, maxPageBytes: number) {
    this.#cdp = cdp;
    this.#mainFrameId = mainFrameId;
    this.#verdicts = verdicts;
    this.#maxPageBytes = maxPageBytes;
    cdp.on('Fetch.requestPaused', (event) => void this.#onPaused(event));
  }

  /** Set the rules for the next load; the Fetch domain is re-enabled only when its patterns change. */
  async configure(rules: FilterRules, sink: FilterSink | null): Promise<void> {
    this.#rules = rules;
    this.#sink = sink;
    const patterns: Protocol.Fetch.RequestPattern[] = [
      { urlPattern: '*', resourceType: 'Document', requestStage: 'Response' },
    ];
    if (rules.guard) patterns.push({ urlPattern: '*', requestStage: 'Request' });
    else
      for (const type of rules.block)
        patterns.push({
          urlPattern: '*',
          resourceType: type as Protocol.Network.ResourceType,
          requestStage: 'Request',
        });
    const key = JSON.stringify(patterns);
    if (key === this.#patternsKey) return;
    await this.#cdp.send('Network.setBlockedURLs', { urlPatterns: blockedUrlPatterns(rules.block) });
    await this.#cdp.send('Fetch.enable', { patterns });
    this.#patternsKey = key;
  }

  async #onPaused(event: Protocol.Fetch.RequestPausedEvent): Promise<void> {
    const { requestId } = event;
    let refusal: Protocol.Network.ErrorReason | null = null;
    try {
      refusal =
        event.responseStatusCode !== undefined || event.responseErrorReason !== undefined
          ? this.#checkResponse(event)
          : await this.#checkRequest(event);
    } catch {
      refusal = 'Failed';
    }
    // Every paused request must be answered, or the page hangs on it until its deadline.
    const answer =
      refusal === null
        ? this.#cdp.send('Fetch.continueRequest', { requestId })
        : this.#cdp.send('Fetch.failRequest', { requestId, errorReason: refusal });
    await answer.catch(() => undefined);
  }

  async #checkRequest(
    event: Protocol.Fetch.RequestPausedEvent,
  ): Promise<Protocol.Network.ErrorReason | null> {
    if (this.#rules.block.includes(event.resourceType)) return 'BlockedByClient';
    if (!this.#rules.guard) return null;
    let url: URL;
    try {
      url = new URL(event.request.url);
    } catch {
      return 'Failed';
    }
    if (
      url.protocol !== 'http:' &&
      url.protocol !== 'https:' &&
      url.protocol !== 'ws:' &&
      url.protocol !== 'wss:'
    )
      return null;
    const refused = await this.#verdicts.check(url.hostname);
    if (!refused) return null;
    if (this.#isMainDocument(event)) this.#sink?.refuse(refused);
    else this.#sink?.refusedSubresource(event.request.url);
    return 'AddressUnreachable';
  }

  #checkResponse(event: Protocol.Fetch.RequestPausedEvent): Protocol.Network.ErrorReason | null {
    const status = event.responseStatusCode ?? 0;
    if (!this.#isMainDocument(event) || status < 200 || status >= 300) return null;
    const headers = new Map((event.responseHeaders ?? []).map((h) => [h.name.toLowerCase(), h.value]));
    const type = parseContentType(headers.get('content-type') ?? null);
    if (type !== null && !isHtmlType(type.mime)) {
      this.#sink?.refuse(
        new SkipError(`${event.request.url}: content-type ${type.mime} is not HTML`, { code: 'not-html' }),
      );
      return 'BlockedByResponse';
    }
    const length = Number(headers.get('content-length'));
    if (Number.isFinite(length) && length > this.#maxPageBytes) {
      this.#sink?.refuse(tooLarge(event.request.url, this.#maxPageBytes, `declared as ${length} bytes`));
      return 'BlockedByResponse';
    }
    return null;
  }

  #isMainDocument(event: Protocol.Fetch.RequestPausedEvent): boolean {
    return event.resourceType === 'Document' && event.frameId === this.#mainFrameId;
  }
}

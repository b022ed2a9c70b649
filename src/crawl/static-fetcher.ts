import { Agent, request, type Dispatcher } from 'undici';
import { FatalError, SkipError } from '../core/index.js';
import { assertPublicLiteral, createLookup } from './address-guard.js';
import { gunzipIfGzipped, readBody, tooLarge } from './body-reader.js';
import { decodeBody } from './charset.js';
import { Deadline } from './deadline.js';
import { isHtmlType, looksBinary, looksLikeHtml, parseContentType } from './content-sniff.js';
import { timeoutError, toFetchError } from './fetch-errors.js';
import type { FetchedPage, Fetcher, PageRequest } from './types.js';

export interface StaticFetcherOptions {
  /** Sent on every request. @example 'GleanerBot/0.1 (+https://example.com/bot)' */
  userAgent: string;
  /** For the whole fetch, redirects and body included. */
  requestTimeoutMs: number;
  /** Decoded body size beyond which the page is refused (`too-large`), not truncated. */
  maxPageBytes: number;
  maxRedirects: number;
  /**
   * Keep-alive connections kept per origin. Politeness bounds the requests in flight to a host; this
   * only has to be at least that bound.
   * @default 16
   */
  connectionsPerOrigin?: number;
}

const DEFAULT_CONNECTIONS_PER_ORIGIN = 16;
/** An idle keep-alive socket is closed after this long; servers commonly close theirs at 5-15 s. */
const KEEP_ALIVE_TIMEOUT_MS = 4_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
const ACCEPT_ENCODING = 'gzip, deflate, br';

function parseRequestUrl(url: string, context: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SkipError(`${context} "${url}" is not a valid URL`, { code: 'invalid-url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SkipError(`${context} "${url}" is not http(s); only web pages can be fetched`, {
      code: 'invalid-url',
    });
  }
  parsed.hash = '';
  return parsed;
}

function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Throw away a body we do not want, keeping the connection when it is small, dropping it otherwise. */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // A failed drain only costs the connection; the caller's outcome does not depend on it.
  }
}

/**
 * Fetches pages over HTTP with undici: redirects followed by hand (each hop recorded and guarded),
 * size and time limits, decompression, charset decoding, and the private-address guard at connect
 * time. Returns a page for any final status; throws SkipError or RetryableError for the rest.
 */
export class StaticFetcher implements Fetcher {
  readonly kind = 'static' as const;
  readonly #options: StaticFetcherOptions;
  /** Two pools, so that a request allowed private addresses never shares a socket with one that is not. */
  readonly #guarded: Agent;
  readonly #unguarded: Agent;
  #closed = false;

  constructor(options: StaticFetcherOptions) {
    this.#options = { ...options };
    const agentOptions = (guard: boolean): Agent.Options => ({
      connections: options.connectionsPerOrigin ?? DEFAULT_CONNECTIONS_PER_ORIGIN,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
      connect: { lookup: createLookup({ guard }), timeout: options.requestTimeoutMs },
    });
    this.#guarded = new Agent(agentOptions(true));
    this.#unguarded = new Agent(agentOptions(false));
  }

  async fetch(pageRequest: PageRequest, signal: AbortSignal): Promise<FetchedPage> {
    if (this.#closed) throw new FatalError('StaticFetcher.fetch() called after close()', { code: 'closed' });
    const first = parseRequestUrl(pageRequest.url, 'URL');
    signal.throwIfAborted();
    const startedAt = performance.now();
    const fetchedAt = new Date();
    const deadline = new Deadline(signal, this.#options.requestTimeoutMs);
    try {
      return await this.#follow(first, pageRequest, deadline, startedAt, fetchedAt);
    } catch (error) {
      if (deadline.callerAborted) throw signal.reason;
      if (deadline.timedOut) throw timeoutError(pageRequest.url, this.#options.requestTimeoutMs);
      throw toFetchError(error, pageRequest.url);
    } finally {
      deadline.dispose();
    }
  }

  async #follow(
    first: URL,
    pageRequest: PageRequest,
    deadline: Deadline,
    startedAt: number,
    fetchedAt: Date,
  ): Promise<FetchedPage> {
    const guard = !pageRequest.allowPrivateAddresses;
    const dispatcher = guard ? this.#guarded : this.#unguarded;
    const seen = new Set([first.href]);
    const redirects: string[] = [];
    let current = first;
    for (;;) {
      // Sockets to IP literals skip DNS, so the connect-time guard would never see them.
      if (guard) assertPublicLiteral(current.hostname);
      const response = await request(current, {
        method: 'GET',
        dispatcher,
        signal: deadline.signal,
        headers: {
          'user-agent': this.#options.userAgent,
          accept: ACCEPT,
          'accept-encoding': ACCEPT_ENCODING,
        },
      });
      const ttfb = performance.now() - startedAt;
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.statusCode) && typeof location === 'string' && location !== '') {
        await discard(response.body);
        const next = parseRequestUrl(new URL(location, current).href, `redirect from ${current.href} to`);
        if (seen.has(next.href)) {
          throw new SkipError(`${first.href}: redirect loop, ${next.href} was already visited`, {
            code: 'redirect-loop',
          });
        }
        if (redirects.length >= this.#options.maxRedirects) {
          throw new SkipError(
            `${first.href}: more than ${this.#options.maxRedirects} redirects (GLEANER_MAX_REDIRECTS)`,
            { code: 'too-many-redirects' },
          );
        }
        seen.add(next.href);
        redirects.push(next.href);
        current = next;
        continue;
      }
      const page = await this.#readPage(current, response, pageRequest.accept ?? 'html');
      return {
        url: pageRequest.url,
        finalUrl: current.href,
        redirects,
        fetchedAt,
        timingsMs: { total: performance.now() - startedAt, ttfb },
        ...page,
      };
    }
  }

  async #readPage(url: URL, response: Dispatcher.ResponseData, accept: 'html' | 'any') {
    const headers = flattenHeaders(response.headers);
    const contentType = headers['content-type'] ?? null;
    const type = parseContentType(contentType);
    const maxBytes = this.#options.maxPageBytes;
    const declaredLength = Number(headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      response.body.destroy();
      throw tooLarge(url.href, maxBytes, `declared as ${declaredLength} bytes`);
    }
    // Content checks apply to successful HTML fetches only: a 429 or 503 answered in text/plain must
    // still reach the caller with its status and Retry-After.
    const checkContent = accept === 'html' && response.statusCode >= 200 && response.statusCode < 300;
    if (checkContent && type !== null && !isHtmlType(type.mime)) {
      await discard(response.body);
      throw new SkipError(`${url.href}: content-type ${type.mime} is not HTML`, { code: 'not-html' });
    }
    const inspectHead = (head: Uint8Array): void => {
      if (looksBinary(head, type?.charset ?? null)) {
        throw new SkipError(`${url.href}: binary content served as ${type?.mime ?? 'no content-type'}`, {
          code: 'binary',
        });
      }
      if (type === null && !looksLikeHtml(head)) {
        throw new SkipError(`${url.href}: no content-type and the body does not look like HTML`, {
          code: 'not-html',
        });
      }
    };
    let bytes = await readBody(response.body, {
      url: url.href,
      encoding: headers['content-encoding'],
      maxBytes,
      ...(checkContent ? { inspectHead } : {}),
    });
    if (accept === 'any') bytes = gunzipIfGzipped(bytes, url.href, maxBytes);
    return {
      status: response.statusCode,
      headers,
      contentType,
      html: decodeBody(bytes, type?.charset ?? null),
      bytes: bytes.length,
    };
  }

  /** Idempotent; in-flight fetches fail once their sockets close. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([this.#guarded.close(), this.#unguarded.close()]);
  }
}

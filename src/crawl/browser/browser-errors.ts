import { GleanerError, RetryableError, SkipError } from '../../core/index.js';

/** The tab's renderer crashed, or the whole browser went away: a passing fault, the URL is tried again. */
export function browserCrash(url: string, detail: string): RetryableError {
  return new RetryableError(
    `${url}: the browser tab crashed while loading it (${detail}); it will be retried`,
    {
      code: 'browser-crash',
    },
  );
}

export function browserMemory(url: string, usedMb: number, boundMb: number): SkipError {
  return new SkipError(
    `${url}: the page's JavaScript heap reached ${usedMb.toFixed(0)} MB, over the bound of ${boundMb} MB (GLEANER_BROWSER_PAGE_MEMORY_MB)`,
    { code: 'browser-memory' },
  );
}

export function browserTimeout(url: string, timeoutMs: number): RetryableError {
  return new RetryableError(
    `${url}: no answer within ${timeoutMs} ms in the browser (GLEANER_BROWSER_PAGE_TIMEOUT_MS)`,
    { code: 'timeout' },
  );
}

/** Chromium's net error names (net::ERR_…) and what they mean for the crawl. */
const SKIP: Record<string, string> = {
  ERR_NAME_NOT_RESOLVED: 'dns',
  ERR_NAME_RESOLUTION_FAILED: 'dns',
  ERR_TOO_MANY_REDIRECTS: 'redirect-loop',
  ERR_UNSAFE_REDIRECT: 'invalid-url',
  ERR_INVALID_URL: 'invalid-url',
  ERR_DISALLOWED_URL_SCHEME: 'invalid-url',
  ERR_UNKNOWN_URL_SCHEME: 'invalid-url',
  ERR_INVALID_RESPONSE: 'bad-response',
  ERR_INVALID_HTTP_RESPONSE: 'bad-response',
  ERR_EMPTY_RESPONSE: 'bad-response',
  ERR_RESPONSE_HEADERS_TOO_BIG: 'bad-response',
  ERR_CONTENT_DECODING_FAILED: 'bad-encoding',
  ERR_CONTENT_LENGTH_MISMATCH: 'bad-response',
  ERR_FILE_TOO_BIG: 'too-large',
  ERR_BLOCKED_BY_RESPONSE: 'blocked',
  ERR_BLOCKED_BY_CLIENT: 'blocked',
};
const RETRY: Record<string, string> = {
  ERR_CONNECTION_REFUSED: 'network',
  ERR_CONNECTION_RESET: 'network',
  ERR_CONNECTION_CLOSED: 'network',
  ERR_CONNECTION_ABORTED: 'network',
  ERR_CONNECTION_FAILED: 'network',
  ERR_ADDRESS_UNREACHABLE: 'network',
  ERR_NETWORK_CHANGED: 'network',
  ERR_INTERNET_DISCONNECTED: 'network',
  ERR_SOCKET_NOT_CONNECTED: 'network',
  ERR_CONNECTION_TIMED_OUT: 'timeout',
  ERR_TIMED_OUT: 'timeout',
};

/**
 * Turn what a navigation threw into an error that carries its policy. Our own errors pass through; a
 * certificate error is a skip (`tls`); an unknown fault is retried, as in the static fetcher.
 */
export function toNavigationError(error: unknown, url: string): GleanerError {
  if (error instanceof GleanerError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const name = /net::(ERR_[A-Z_0-9]+)/.exec(message)?.[1] ?? '';
  const skip = SKIP[name];
  if (skip)
    return new SkipError(`${url}: the browser could not load it (${name})`, { code: skip, cause: error });
  if (name.startsWith('ERR_CERT') || name.startsWith('ERR_SSL'))
    return new SkipError(`${url}: TLS failed in the browser (${name})`, { code: 'tls', cause: error });
  const retry = RETRY[name];
  if (retry)
    return new RetryableError(`${url}: connection failed in the browser (${name})`, {
      code: retry,
      cause: error,
    });
  if (/Target closed|Session closed|Connection closed|detached|crash/i.test(message))
    return browserCrash(url, message);
  return new RetryableError(`${url}: the browser failed to load it (${name || message})`, {
    code: 'network',
    cause: error,
  });
}

import { GleanerError, RetryableError, SkipError } from '../core/index.js';

/** Socket-level faults that pass: the same request may well succeed in a moment. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function timeoutError(url: string, timeoutMs: number): RetryableError {
  return new RetryableError(
    `${url}: no complete answer within ${timeoutMs} ms (GLEANER_REQUEST_TIMEOUT_MS)`,
    { code: 'timeout' },
  );
}

/**
 * Turn whatever undici, net, tls or zlib threw into an error that carries its policy. Our own errors
 * pass through; an unknown fault is treated as passing (retry), since guessing "skip" would lose pages.
 */
export function toFetchError(error: unknown, url: string): GleanerError {
  if (error instanceof GleanerError) return error;
  const code = codeOf(error);
  const host = URL.canParse(url) ? new URL(url).hostname : url;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOTFOUND') {
    return new SkipError(`${url}: the host ${host} does not resolve (DNS: no such host)`, {
      code: 'dns',
      cause: error,
    });
  }
  if (code === 'EAI_AGAIN') {
    return new RetryableError(`${url}: DNS lookup of ${host} failed for now (${code})`, {
      code: 'dns',
      cause: error,
    });
  }
  if (TIMEOUT_CODES.has(code))
    return new RetryableError(`${url}: timed out (${code})`, { code: 'timeout', cause: error });
  if (NETWORK_CODES.has(code)) {
    return new RetryableError(`${url}: connection failed (${code}: ${detail})`, {
      code: 'network',
      cause: error,
    });
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new SkipError(`${url}: TLS failed (${code}: ${detail})`, { code: 'tls', cause: error });
  }
  if (code.startsWith('HPE_')) {
    return new SkipError(`${url}: the server's answer is not valid HTTP (${code})`, {
      code: 'bad-response',
      cause: error,
    });
  }
  if (code.startsWith('Z_') || code.startsWith('ERR__ERROR_FORMAT') || code.startsWith('ERR_BROTLI')) {
    return new SkipError(`${url}: compressed body could not be decoded (${code})`, {
      code: 'bad-encoding',
      cause: error,
    });
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    return new SkipError(`${url}: cannot be requested (${detail})`, { code: 'invalid-url', cause: error });
  }
  return new RetryableError(`${url}: fetch failed (${code || 'unknown'}: ${detail})`, {
    code: 'network',
    cause: error,
  });
}

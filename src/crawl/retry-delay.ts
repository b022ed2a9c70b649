/**
 * The longest wait before a retry, Retry-After included. A server asking for longer gets this; a
 * caller that must honour more should give the page up instead of holding a worker for it.
 */
export const MAX_RETRY_DELAY_MS = 120_000;

/**
 * Delay before retry number `attempt` (1 for the first retry): exponential from `baseMs` with "equal
 * jitter" (half fixed, half random, so that retries of many pages spread out yet never come back at
 * once), never less than the server's Retry-After, capped at MAX_RETRY_DELAY_MS.
 *
 * @example retryDelayMs(3, 500) // between 1000 and 2000
 */
export function retryDelayMs(attempt: number, baseMs: number, retryAfterMs?: number): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, Math.max(0, baseMs) * 2 ** exponent);
  const jittered = ceiling / 2 + Math.random() * (ceiling / 2);
  const wanted = retryAfterMs !== undefined && retryAfterMs > 0 ? Math.max(retryAfterMs, jittered) : jittered;
  return Math.round(Math.min(MAX_RETRY_DELAY_MS, wanted));
}

/**
 * A Retry-After header (seconds, or an HTTP date) in milliseconds from `now`; undefined when absent
 * or unreadable.
 */
export function parseRetryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

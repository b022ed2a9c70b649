import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, parseRetryAfterMs, retryDelayMs } from '../../src/crawl/index.js';

describe('retryDelayMs', () => {
  it('grows exponentially with jitter in [half, full] of the step', () => {
    for (const [attempt, ceiling] of [
      [1, 500],
      [2, 1000],
      [3, 2000],
      [5, 8000],
    ] as const) {
      for (let i = 0; i < 50; i += 1) {
        const delay = retryDelayMs(attempt, 500);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('honours Retry-After, and caps everything', () => {
    expect(retryDelayMs(1, 500, 7_000)).toBe(7_000);
    expect(retryDelayMs(1, 500, 10)).toBeGreaterThanOrEqual(250);
    expect(retryDelayMs(50, 500)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1, 500, 3_600_000)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs('Wed, 01 May 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});

import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HostPoliteness } from '../../src/crawl/index.js';

const never = (): AbortSignal => new AbortController().signal;

/** Whether `promise` has settled once the event loop has had a turn. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await nextTurn();
  return done;
}

describe('HostPoliteness', () => {
  it('serializes a host at concurrency 1, first come first served, and leaves other hosts alone', async () => {
    const polite = new HostPoliteness({ perHostConcurrency: 1, perHostDelayMs: 0 });
    const order: string[] = [];
    const releaseA = await polite.acquire('a.example', never());
    const second = polite.acquire('a.example', never()).then((release) => (order.push('second'), release));
    const third = polite.acquire('a.example', never()).then((release) => (order.push('third'), release));
    expect(await settled(second)).toBe(false);
    const other = await polite.acquire('b.example', never());
    other();
    releaseA();
    releaseA(); // a second call must not free a second slot
    const releaseSecond = await second;
    expect(await settled(third)).toBe(false);
    releaseSecond();
    (await third)();
    expect(order).toEqual(['second', 'third']);
  });

  it('lets up to perHostConcurrency requests run at once', async () => {
    const polite = new HostPoliteness({ perHostConcurrency: 3, perHostDelayMs: 0 });
    const held = await Promise.all([1, 2, 3].map(() => polite.acquire('a.example', never())));
    const fourth = polite.acquire('a.example', never());
    expect(await settled(fourth)).toBe(false);
    held[0]!();
    (await fourth)();
    for (const release of held.slice(1)) release();
  });

  it('spaces request starts by the delay, or by a longer crawl delay', async () => {
    for (const [options, crawlDelayMs] of [
      [{ perHostConcurrency: 4, perHostDelayMs: 80 }, 0],
      [{ perHostConcurrency: 4, perHostDelayMs: 10 }, 80],
    ] as const) {
      const polite = new HostPoliteness(options);
      if (crawlDelayMs > 0) polite.setCrawlDelay('a.example', crawlDelayMs);
      // Lower bounds only, measured from before the first request: a busy machine may delay when a
      // grant is observed, never make it come early.
      const before = performance.now();
      const starts: number[] = [];
      await Promise.all(
        [1, 2, 3].map(async () => {
          const release = await polite.acquire('a.example', never());
          starts.push(performance.now() - before);
          release();
        }),
      );
      expect(starts[1]).toBeGreaterThanOrEqual(78);
      expect(starts[2]).toBeGreaterThanOrEqual(158);
    }
  });

  it('pauses a host on backoff', async () => {
    const polite = new HostPoliteness({ perHostConcurrency: 4, perHostDelayMs: 0 });
    const started = performance.now();
    polite.backoff('a.example', 100);
    polite.backoff('a.example', 10); // a shorter pause does not cut the longer one
    const paused = polite.acquire('a.example', never());
    const other = polite.acquire('b.example', never());
    expect(await settled(other)).toBe(true);
    expect(await settled(paused)).toBe(false);
    (await other)();
    (await paused)();
    expect(performance.now() - started).toBeGreaterThanOrEqual(98);
  });

  it('drops a waiter whose signal aborts, and serves the next one', async () => {
    const polite = new HostPoliteness({ perHostConcurrency: 1, perHostDelayMs: 0 });
    const release = await polite.acquire('a.example', never());
    const controller = new AbortController();
    const abandoned = polite.acquire('a.example', controller.signal);
    const next = polite.acquire('a.example', never());
    const reason = new Error('cancelled');
    controller.abort(reason);
    await expect(abandoned).rejects.toBe(reason);
    release();
    (await next)();
    const aborted = AbortSignal.abort(reason);
    await expect(polite.acquire('a.example', aborted)).rejects.toBe(reason);
  });
});

import { once } from 'node:events';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoBadPage, type DemoSite } from '../../src/demo/index.js';

const SLOW_MS = 300;

describe('the demo site bad pages', () => {
  let site: DemoSite;
  const bad = (kind: DemoBadPage['kind']): DemoBadPage => site.truth.badPages.find((b) => b.kind === kind)!;

  beforeAll(async () => {
    site = await startDemoSite({ products: 60, articles: 5, slowPageDelayMs: SLOW_MS });
  });
  afterAll(() => site.close());

  it('declares one of each kind', () => {
    expect(new Set(site.truth.badPages.map((b) => b.kind))).toEqual(
      new Set(['not-found', 'server-error', 'slow', 'redirect-loop', 'huge', 'binary', 'redirect']),
    );
  });

  it('answers 404 and 500 with HTML error pages', async () => {
    for (const kind of ['not-found', 'server-error'] as const) {
      const response = await fetch(site.url + bad(kind).path);
      expect(response.status).toBe(bad(kind).expectedStatus);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<html lang="en">');
    }
  });

  it('answers the slow page only after the delay', async () => {
    const started = performance.now();
    const response = await fetch(site.url + bad('slow').path);
    expect(response.status).toBe(200);
    await response.text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_MS - 5);
  });

  it('redirects in a loop between two paths, and a following client never ends', async () => {
    const first = await fetch(site.url + bad('redirect-loop').path, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const second = await fetch(new URL(first.headers.get('location')!, site.url), { redirect: 'manual' });
    expect(second.status).toBe(302);
    expect(new URL(second.headers.get('location')!, site.url).pathname).toBe(bad('redirect-loop').path);
    expect(bad('redirect-loop').expectedStatus).toBeNull();
    await expect(fetch(site.url + bad('redirect-loop').path)).rejects.toThrow();
  });

  it('moves permanently to a real product page', async () => {
    const moved = bad('redirect');
    const first = await fetch(site.url + moved.path, { redirect: 'manual' });
    expect(first.status).toBe(301);
    expect(first.headers.get('location')).toBe(site.url + moved.redirectsTo);
    expect(site.truth.products.some((p) => p.path === moved.redirectsTo)).toBe(true);
    const followed = await fetch(site.url + moved.path);
    expect(followed.status).toBe(moved.expectedStatus);
    expect(new URL(followed.url).pathname).toBe(moved.redirectsTo);
  });

  it('streams a 10 MB page with an exact content-length', async () => {
    const head = await fetch(site.url + bad('huge').path, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(10 * 1024 * 1024));
    const response = await fetch(site.url + bad('huge').path);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(10 * 1024 * 1024);
    expect(bytes.subarray(0, 15).toString()).toBe('<!DOCTYPE html>');
    expect(bytes.subarray(-8).toString()).toBe('</html>\n');
  });

  it('survives a client that drops the huge page half-way', async () => {
    const controller = new AbortController();
    const response = await fetch(site.url + bad('huge').path, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    expect((await fetch(`${site.url}/about`)).status).toBe(200);
  });

  it('serves binary bytes labelled as HTML', async () => {
    const response = await fetch(site.url + bad('binary').path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(Number(response.headers.get('content-length')));
    expect(bytes.includes(0)).toBe(true);
  });

  it('answers unknown paths 404 and other methods 405', async () => {
    expect((await fetch(`${site.url}/no/such/page`)).status).toBe(404);
    const post = await fetch(`${site.url}/contact`, { method: 'POST', body: 'name=x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('closes promptly while a slow answer is pending, and twice without error', async () => {
    const own = await startDemoSite({ products: 10, articles: 1, slowPageDelayMs: 60_000 });
    // Wait until the request is on the wire (an event, not a sleep), then close under it.
    const request = get(`${own.url}/bad/slow`);
    const failed = once(request, 'error');
    await once(request, 'finish');
    const started = performance.now();
    await Promise.all([own.close(), own.close()]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await failed)[0]).toBeInstanceOf(Error);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/index.js';
import { InvalidInputError } from '../../src/core/index.js';
import { evaluateExpression } from '../../src/crawl/index.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { BUILTIN_PROFILES, listProfiles, registerProfile, type Profile } from '../../src/profiles/index.js';
import { getPage, listPageProfiles, listPages, type PageRow } from '../../src/store/index.js';
import { BACKENDS } from '../harness/databases.js';
import { startTestGleaner, waitForFinalJob, type TestGleaner } from '../harness/gleaner.js';
import { startServer, type LocalServer } from '../crawl/local-server.js';

/** Test-only profiles, one needing the live page, one not, one that fails on some pages. */
const liveProfile: Profile<{ title: string; metrics: number; documents: number; fcp: number | null }> = {
  name: 'test-live-page',
  description: 'reads the live page (test only)',
  needsBrowser: true,
  cdpDomains: ['Performance', 'Network'],
  attributes: [{ name: 'title', type: 'string', description: 'document.title of the live page' }],
  qualityRule: '80 with a title, else 20',
  async gather({ live }) {
    const { metrics } = await live!.cdp.send('Performance.getMetrics');
    return {
      title: (await evaluateExpression(live!.cdp, 'document.title')) as string,
      metrics: metrics.length,
      documents: live!.network.filter((e) => e.type === 'Document').length,
      fcp: live!.timingsMs.fcp ?? null,
    };
  },
  toAttributes: (raw, page) => ({ ...raw, jsonLdBlocks: page.facts.jsonLd.length }),
  quality: (attributes) => (attributes.title ? 80 : 20),
};
const factsProfile: Profile<{ live: boolean }> = {
  name: 'test-facts',
  description: 'reads the extraction only (test only)',
  needsBrowser: false,
  cdpDomains: ['DOM'],
  attributes: [{ name: 'words', type: 'number', description: 'words of the page' }],
  qualityRule: 'words / 10, at most 100',
  gather: async ({ live }) => ({ live: live !== null }),
  toAttributes: (raw, page) => ({ live: raw.live, words: page.facts.wordCount }),
  quality: (attributes) => Math.min(100, Number(attributes.words) / 10),
};
const brokenProfile: Profile = {
  name: 'test-broken',
  description: 'fails on the brand pages (test only)',
  needsBrowser: false,
  cdpDomains: [],
  attributes: [],
  qualityRule: 'always 50',
  gather: async ({ url }) => {
    if (url.includes('/brand')) throw new Error('cannot read brand pages');
    return null;
  },
  toAttributes: () => ({}),
  quality: () => 50,
};
for (const profile of [liveProfile, factsProfile, brokenProfile]) registerProfile(profile as Profile);

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const layout = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>app site</title></head><body>${body}</body></html>`;

/** A small site: a server-rendered home and article, and a client-rendered product page. */
function appSite(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? '/').split('?')[0];
  const prose = 'Words of a server-rendered article about kettles and how to choose one. '.repeat(20);
  if (path === '/')
    return void response
      .writeHead(200, HTML)
      .end(layout(`<h1>Home</h1><p>${prose}</p><a href="/app">app</a> <a href="/article">article</a>`));
  if (path === '/article')
    return void response
      .writeHead(200, HTML)
      .end(layout(`<h1>Article</h1><p>${prose}</p><a href="/">home</a>`));
  if (path === '/app')
    return void response
      .writeHead(200, HTML)
      .end(
        layout(
          '<div id="root"></div><script src="/app.js"></script><noscript>Please enable JavaScript.</noscript>',
        ),
      );
  if (path === '/app.js')
    return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(`
      fetch('/api/item').then((r) => r.json()).then((item) => {
        document.getElementById('root').innerHTML = '<h1>' + item.name + '</h1><a href="/article">read more</a>';
        const ld = document.createElement('script');
        ld.type = 'application/ld+json';
        ld.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: item.name, sku: item.sku });
        document.head.append(ld);
      });`);
  if (path === '/api/item')
    return void response
      .writeHead(200, { 'content-type': 'application/json' })
      .end('{"name":"Client Kettle","sku":"CK-9"}');
  response.writeHead(404, HTML).end(layout('<h1>Not found</h1>'));
}

/** The Chromium processes this test process started (their profile folder names them). */
function ourChromiums(): number[] {
  return readdirSync('/proc')
    .map(Number)
    .filter((pid) => {
      if (!Number.isInteger(pid)) return false;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return (
          ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('gleaner-chromium-')
        );
      } catch {
        return false;
      }
    });
}

const pathOf = (url: string) => new URL(url).pathname;

describe.each(BACKENDS)('browser mining on %s', (backend) => {
  let site: DemoSite;
  let app: LocalServer;
  let t: TestGleaner;
  let api: FastifyInstance;

  beforeAll(async () => {
    site = await startDemoSite({ products: 12, articles: 3 });
    app = await startServer(appSite);
    t = await startTestGleaner(backend, { browserConcurrency: 2 });
    api = buildApi(t.gleaner, { apiKeys: ['k'], version: 'test' });
  });
  afterAll(async () => {
    await api?.close();
    await t?.close();
    await app?.close();
    await site?.close();
  });

  it('--render browser: one load feeds every profile, results stored per page and profile', async () => {
    const job = await t.gleaner.mining.submit(
      {
        topic: 'browser',
        startUrls: [`${site.url}/`],
        render: 'browser',
        maxPages: 30,
        profiles: ['test-live-page', 'test-facts', 'test-broken'],
      },
      { allowPrivateAddresses: true },
    );
    const report = await waitForFinalJob(t.gleaner, job.id, 90_000);
    expect(report.status).toBe('completed');
    const pages = await listPages(t.gleaner.db, { jobId: job.id, limit: 100, offset: 0 });
    const good = pages.filter((p) => p.error === null);
    expect(good.length).toBeGreaterThanOrEqual(25);

    // The rendered HTML is extracted: a JSON-LD product page has its product.
    const product = site.truth.products.find(
      (p) => p.markup === 'json-ld' && good.some((g) => pathOf(g.url) === p.path),
    );
    expect(product).toBeDefined();
    const row = good.find((p) => pathOf(p.url) === product!.path)!;
    const stored = (await getPage(t.gleaner.db, row.id))!.extraction as {
      jsonLd: { '@type'?: string; sku?: string }[];
      render: { mode: string };
    };
    expect(stored.render.mode).toBe('browser');
    expect(stored.jsonLd.find((b) => b['@type'] === 'Product')?.sku).toBe(product!.sku);

    // Every good page has one row per profile; a profile's failure is its own.
    const results = await listPageProfiles(t.gleaner.db, row.id);
    expect(results.map((r) => r.profile)).toEqual(['test-broken', 'test-facts', 'test-live-page']);
    const live = results.find((r) => r.profile === 'test-live-page')!;
    expect(live).toMatchObject({ quality: 80, error: null });
    expect(live.attributes).toMatchObject({
      title: expect.stringContaining('Gleaner Demo Shop'),
      documents: 1,
    });
    expect(live.attributes.jsonLdBlocks).toBeGreaterThanOrEqual(1);
    expect(live.attributes.metrics).toBeGreaterThan(10);
    expect(results.find((r) => r.profile === 'test-facts')!.attributes).toMatchObject({ live: true });
    const summary = new Map(report.profiles.map((p) => [p.profile, p]));
    expect(summary.get('test-live-page')).toMatchObject({ pages: good.length, failed: 0, meanQuality: 80 });
    const brandPages = good.filter((p) => pathOf(p.url).startsWith('/brand')).length;
    expect(summary.get('test-broken')).toMatchObject({ pages: good.length, failed: brandPages });
    const brand = good.find((p) => pathOf(p.url).startsWith('/brand'));
    if (brand) {
      const broken = (await listPageProfiles(t.gleaner.db, brand.id)).find(
        (r) => r.profile === 'test-broken',
      )!;
      expect(broken).toMatchObject({
        quality: null,
        error: expect.stringContaining('cannot read brand pages'),
      });
    }

    // The API shows them per job, per profile and per page.
    const overview = await api.inject({
      method: 'GET',
      url: `/api/mining-jobs/${job.id}/profiles`,
      headers: { 'x-api-key': 'k' },
    });
    expect(overview.json().summary).toHaveLength(3);
    const byProfile = await api.inject({
      method: 'GET',
      url: `/api/mining-jobs/${job.id}/profiles?profile=test-live-page&limit=5`,
      headers: { 'x-api-key': 'k' },
    });
    expect(byProfile.json().items).toHaveLength(5);
    expect(byProfile.json().items[0]).toMatchObject({
      profile: 'test-live-page',
      quality: 80,
      url: expect.any(String),
    });
    const pageView = await api.inject({
      method: 'GET',
      url: `/api/pages/${row.id}`,
      headers: { 'x-api-key': 'k' },
    });
    expect(pageView.json().profiles).toHaveLength(3);
  });

  it('--profile all: every shipped profile stores all its attributes and a quality for every page, from one load', async () => {
    const names = [...BUILTIN_PROFILES.map((p) => p.name), 'product'].sort();
    const paths = [
      ...site.truth.lab.paths,
      ...site.truth.products.slice(0, 6).map((p) => p.path),
      ...site.truth.articles.slice(0, 2).map((a) => a.path),
    ];
    const job = await t.gleaner.mining.submit(
      {
        topic: 'every-profile',
        startUrls: paths.map((path) => `${site.url}${path}`),
        render: 'browser',
        maxDepth: 0,
        useSitemaps: false,
        profiles: names,
      },
      { allowPrivateAddresses: true },
    );
    const report = await waitForFinalJob(t.gleaner, job.id, 90_000);
    expect(report).toMatchObject({ status: 'completed', pagesStored: paths.length, pagesFailed: 0 });
    for (const summary of report.profiles) expect(summary).toMatchObject({ pages: paths.length, failed: 0 });
    const declared = new Map(listProfiles().map((p) => [p.name, p.attributes.map((a) => a.name)]));
    for (const page of await listPages(t.gleaner.db, { jobId: job.id, limit: 100, offset: 0 })) {
      const results = await listPageProfiles(t.gleaner.db, page.id);
      expect(results.map((r) => r.profile).sort()).toEqual(names);
      for (const result of results) {
        expect(result.error, `${result.profile} on ${page.url}`).toBeNull();
        expect(result.quality).toBeGreaterThanOrEqual(0);
        expect(result.quality).toBeLessThanOrEqual(100);
        // `product` stores the record it makes: the attributes found, each {value, confidence, source}.
        if (result.profile === 'product') {
          expect(Object.keys(result.attributes).sort()).toEqual([
            'isProductPage',
            'issues',
            'markup',
            'product',
          ]);
          const found = Object.keys(result.attributes.product as object);
          expect(declared.get('product')).toEqual(expect.arrayContaining(found));
          if (result.attributes.isProductPage)
            expect(found).toEqual(expect.arrayContaining(['name', 'price']));
        } else
          expect(Object.keys(result.attributes), `${result.profile} on ${page.url}`).toEqual(
            expect.arrayContaining(declared.get(result.profile)!),
          );
      }
      // Paint entries are queued only when a frame is presented: each page is read after its first
      // contentful paint (reading after one animation frame left them empty on 15-25% of pages).
      const performance = results.find((r) => r.profile === 'performance_optimizer')!.attributes;
      expect(performance.first_contentful_paint_ms, page.url).toBeGreaterThan(0);
      expect(performance.largest_contentful_paint_ms, page.url).toBeGreaterThan(0);
    }
  });

  it('--render auto: the browser only for pages whose HTML needs scripts', async () => {
    const job = await t.gleaner.mining.submit(
      {
        topic: 'auto',
        startUrls: [app.url('/')],
        render: 'auto',
        useSitemaps: false,
        profiles: ['test-facts'],
      },
      { allowPrivateAddresses: true },
    );
    const report = await waitForFinalJob(t.gleaner, job.id, 60_000);
    expect(report.status).toBe('completed');
    const pages = await listPages(t.gleaner.db, { jobId: job.id, limit: 10, offset: 0 });
    const byPath = new Map(pages.map((p) => [pathOf(p.url), p]));
    expect([...byPath.keys()].sort()).toEqual(['/', '/app', '/article']);
    const extraction = async (path: string) =>
      (await getPage(t.gleaner.db, byPath.get(path)!.id))!.extraction as {
        render: { mode: string; reason?: string };
        jsonLd: { sku?: string }[];
      };
    const rendered = await extraction('/app');
    expect(rendered.render).toEqual({ mode: 'browser', reason: 'empty app root' });
    expect(rendered.jsonLd[0]?.sku).toBe('CK-9');
    expect((await extraction('/')).render).toEqual({ mode: 'static' });
    // The profile gathered from the live page where there was one, and statically elsewhere.
    const facts = async (path: string) =>
      (await listPageProfiles(t.gleaner.db, byPath.get(path)!.id))[0]!.attributes;
    expect(await facts('/app')).toMatchObject({ live: true });
    expect(await facts('/article')).toMatchObject({ live: false });
  });

  it('refuses a profile that needs the browser in a static job, saying what to use', async () => {
    const submit = t.gleaner.mining.submit(
      { topic: 'x', startUrls: [app.url('/')], profiles: ['test-live-page'] },
      { allowPrivateAddresses: true },
    );
    await expect(submit).rejects.toThrow(InvalidInputError);
    await expect(submit).rejects.toThrow(
      /test-live-page reads the rendered page.*--render browser \(or auto\)/,
    );
  });

  it.runIf(backend === 'pglite')('loses no page when the browser dies mid-job', async () => {
    const job = await t.gleaner.mining.submit(
      { topic: 'crash', startUrls: [`${site.url}/`], render: 'browser', maxPages: 24, useSitemaps: true },
      { allowPrivateAddresses: true },
    );
    // Once some pages are stored, kill every Chromium of this process: the pages in flight are retried.
    let killed = 0;
    for (;;) {
      const view = await t.gleaner.mining.get(job.id);
      if (view.pagesStored >= 4 || view.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const pid of ourChromiums()) {
      process.kill(pid, 'SIGKILL');
      killed += 1;
    }
    expect(killed).toBeGreaterThan(0);
    const report = await waitForFinalJob(t.gleaner, job.id, 90_000);
    expect(report.status).toBe('completed');
    const pages: PageRow[] = await listPages(t.gleaner.db, { jobId: job.id, limit: 100, offset: 0 });
    expect(pages.length).toBe(24);
    expect(pages.filter((p) => p.errorCode === 'browser-crash')).toEqual([]);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
  });
});

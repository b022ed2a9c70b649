import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { backlinks, listPages, listUnfetched, getPage, type PageRow } from '../../src/store/index.js';
import { startTestGleaner, waitForFinalJob, type TestGleaner } from '../harness/gleaner.js';

// A smaller demo site keeps the suite quick; the generator is the same at any size.
const SITE = { products: 120, articles: 30, slowPageDelayMs: 300 };

describe.each(['pglite', 'postgres'] as const)('mining the demo site on %s', (backend) => {
  let site: DemoSite;
  let t: TestGleaner;
  let jobId: number;
  let pages: PageRow[];

  beforeAll(async () => {
    site = await startDemoSite(SITE);
    t = await startTestGleaner(backend, { maxPageBytes: 2 * 1024 * 1024 });
    const job = await t.gleaner.mining.submit(
      { topic: 'demo', startUrls: [`${site.url}/`], maxPages: 5000, selectors: { price: '.price' } },
      { allowPrivateAddresses: true },
    );
    jobId = job.id;
    await waitForFinalJob(t.gleaner, jobId, 120_000);
    pages = await listPages(t.gleaner.db, { jobId, limit: 100_000, offset: 0 });
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    await site?.close();
  });

  it('stores every reachable page once, with its extraction', async () => {
    const job = await t.gleaner.mining.get(jobId);
    expect(job.status).toBe('completed');
    const good = new Map(
      pages.filter((p) => p.error === null).map((p) => [new URL(p.url).pathname + new URL(p.url).search, p]),
    );
    const missing = site.truth.reachablePaths.filter((path) => !good.has(path));
    expect(missing).toEqual([]);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
    expect(job.pagesStored).toBe(pages.filter((p) => p.error === null).length);
  });

  it('reports each bad page with its reason and goes on', async () => {
    const byPath = new Map(pages.map((p) => [new URL(p.url).pathname, p]));
    const expectations: Record<string, RegExp> = {
      'not-found': /^http-404$/,
      'server-error': /^http-500$/,
      'redirect-loop': /^redirect-loop$/,
      huge: /^too-large$/,
      binary: /^binary$/,
    };
    for (const bad of site.truth.badPages) {
      const page = byPath.get(bad.path);
      const pattern = expectations[bad.kind];
      if (pattern) {
        expect(page, bad.path).toBeDefined();
        expect(page!.errorCode, bad.path).toMatch(pattern);
      }
      if (bad.kind === 'slow') expect(page?.error, bad.path).toBeNull();
      if (bad.kind === 'redirect') {
        expect(page?.error).toBeNull();
        expect(page?.redirects.length).toBeGreaterThan(0);
      }
    }
  });

  it('respects robots.txt and records what it skipped', async () => {
    const skipped = await listUnfetched(t.gleaner.db, jobId, 1000);
    for (const path of site.truth.disallowedPaths) {
      expect(pages.some((p) => new URL(p.url).pathname === path)).toBe(false);
      expect(skipped.find((s) => new URL(s.url).pathname === path)?.reason).toBe('robots-disallowed');
    }
  });

  it('keeps product facts and the link graph', async () => {
    const product = site.truth.products.find((p) => p.markup === 'json-ld')!;
    const row = pages.find((p) => new URL(p.url).pathname === product.path)!;
    const stored = (await getPage(t.gleaner.db, row.id))!.extraction as {
      jsonLd: { '@type'?: string; sku?: string }[];
      selected: { price: string[] };
    };
    expect(stored.jsonLd.find((b) => b['@type'] === 'Product')?.sku).toBe(product.sku);
    expect(stored.selected.price.length).toBeGreaterThan(0);
    const links = await backlinks(t.gleaner.db, jobId, row.url);
    expect(links.length).toBeGreaterThan(0);
  });
});

import { Parser } from 'htmlparser2';
import robotsParserModule from 'robots-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';

type RobotsParser = typeof robotsParserModule.default;
// robots-parser is CommonJS typed as an ES module: Node hands the function itself to a default import,
// while its types promise `{ default }`. Take whichever is there.
const robotsParser = ((robotsParserModule as { default?: RobotsParser }).default ??
  robotsParserModule) as unknown as RobotsParser;

interface CrawlResult {
  /** Paths that answered 200 with an HTML content type. */
  htmlPages: Map<string, string>;
  /** Same-site links not followed because robots.txt disallows them. */
  disallowed: Set<string>;
  /** Same-site links to the declared bad pages, not fetched here (bad-pages.test.ts fetches them). */
  badLinks: Set<string>;
  /** Other same-site answers: path → content type. */
  nonHtml: Map<string, string>;
  external: Set<string>;
}

function linksOf(html: string): string[] {
  const hrefs: string[] = [];
  const parser = new Parser({
    onopentag: (name, attributes) => {
      if (name === 'a' && attributes['href'] !== undefined) hrefs.push(attributes['href']);
    },
  });
  parser.write(html);
  parser.end();
  return hrefs;
}

/** A small breadth-first crawler, independent of the site's code: the test's own view of reachability. */
async function crawl(site: DemoSite, concurrency = 16): Promise<CrawlResult> {
  const robots = robotsParser(`${site.url}/robots.txt`, await (await fetch(`${site.url}/robots.txt`)).text());
  const badPaths = new Set(site.truth.badPages.map((b) => b.path));
  const result: CrawlResult = {
    htmlPages: new Map(),
    disallowed: new Set(),
    badLinks: new Set(),
    nonHtml: new Map(),
    external: new Set(),
  };
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const origin = new URL(site.url).origin;

  const visit = async (path: string): Promise<void> => {
    const response = await fetch(site.url + path, { redirect: 'manual' });
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !type.startsWith('text/html')) {
      result.nonHtml.set(path, `${response.status} ${type}`);
      await response.arrayBuffer();
      return;
    }
    const html = await response.text();
    result.htmlPages.set(path, html);
    for (const href of linksOf(html)) {
      const url = new URL(href, site.url + path);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      if (url.origin !== origin) {
        result.external.add(url.href);
        continue;
      }
      const next = url.pathname + url.search;
      if (seen.has(next)) continue;
      seen.add(next);
      if (badPaths.has(next)) result.badLinks.add(next);
      else if (!robots.isAllowed(url.href, 'GleanerTest')) result.disallowed.add(next);
      else queue.push(next);
    }
  };

  let active = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    // Workers take from the shared queue until it is empty and nobody can add more.
    while (queue.length > 0 || active > 0) {
      const path = queue.shift();
      if (path === undefined) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      active++;
      try {
        await visit(path);
      } finally {
        active--;
      }
    }
  });
  await Promise.all(workers);
  return result;
}

describe('the demo site, crawled by links', () => {
  let site: DemoSite;
  let result: CrawlResult;

  beforeAll(async () => {
    site = await startDemoSite({ slowPageDelayMs: 50 });
    result = await crawl(site);
  });
  afterAll(() => site.close());

  it('reaches at least 1,000 HTML pages, exactly the declared reachable paths', () => {
    expect(result.htmlPages.size).toBeGreaterThanOrEqual(1000);
    expect([...result.htmlPages.keys()].sort()).toEqual(site.truth.reachablePaths);
  });

  it('links every product, article and bad page, and the disallowed private pages', () => {
    for (const product of site.truth.products) expect(result.htmlPages.has(product.path)).toBe(true);
    for (const article of site.truth.articles) expect(result.htmlPages.has(article.path)).toBe(true);
    expect([...result.badLinks].sort()).toEqual(site.truth.badPages.map((b) => b.path).sort());
    expect([...result.disallowed].sort()).toEqual(site.truth.disallowedPaths);
    expect(site.truth.disallowedPaths.length).toBeGreaterThan(0);
  });

  it('links a few non-HTML files, served with their own types', () => {
    expect(result.nonHtml.get('/files/catalog.pdf')).toBe('200 application/pdf');
    expect(result.nonHtml.get('/sitemap.xml')).toMatch(/^200 application\/xml/);
    expect(
      [...result.nonHtml].filter(([path, type]) => path.startsWith('/images/') && type === '200 image/jpeg')
        .length,
    ).toBeGreaterThan(1);
    expect([...result.nonHtml.values()].every((type) => type.startsWith('200 '))).toBe(true);
  });

  it('has external links a same-site crawler must not follow', () => {
    expect(result.external.size).toBeGreaterThan(3);
    expect([...result.external].every((url) => url.startsWith('https://example.org/'))).toBe(true);
  });

  it('serves full HTML5 documents with title, description, canonical, OpenGraph and viewport', () => {
    for (const [path, html] of result.htmlPages) {
      // The accessibility lab page leaves out its language on purpose.
      const lang = path === site.truth.lab.accessibility.path ? '' : ' lang="en"';
      expect(html.startsWith(`<!DOCTYPE html>\n<html${lang}>`)).toBe(true);
      expect(html).toMatch(/<title>[^<]+<\/title>/);
      expect(html).toMatch(/<meta name="description" content="[^"]+">/);
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html).toContain(`<link rel="canonical" href="${site.url}${path}">`);
      expect(html).toContain(`<meta property="og:url" content="${site.url}${path}">`);
      expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(html.trimEnd().endsWith('</html>')).toBe(true);
    }
  });

  it('marks elements with data-product-id, data-category-id and data-user-id', () => {
    const all = [...result.htmlPages.values()].join('\n');
    expect(all).toMatch(/data-product-id="\d+"/);
    expect(all).toMatch(/data-category-id="c\d+"/);
    expect(all).toMatch(/data-user-id="u\d+"/);
  });

  it('serves the same pages, byte for byte, from another server with the same seed', async () => {
    const twin = await startDemoSite({ slowPageDelayMs: 50 });
    try {
      for (const path of site.truth.reachablePaths.filter((_, i) => i % 97 === 0)) {
        const html = await (await fetch(twin.url + path)).text();
        expect(html.replaceAll(twin.url, 'ORIGIN')).toBe(
          result.htmlPages.get(path)!.replaceAll(site.url, 'ORIGIN'),
        );
      }
    } finally {
      await twin.close();
    }
  });
});

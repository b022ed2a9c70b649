import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSitemap, readSitemap, StaticFetcher } from '../../src/crawl/index.js';
import { startServer, type LocalServer, testFetcher } from './local-server.js';

const urlset = (urls: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((url) => `  <url><loc>${url}</loc><lastmod>2024-01-01</lastmod></url>`)
    .join('\n')}\n</urlset>`;
const index = (urls: string[]): string =>
  `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls
    .map((url) => `<sitemap><loc>${url}</loc></sitemap>`)
    .join('')}</sitemapindex>`;

describe('parseSitemap', () => {
  it('reads <loc> loosely: entities, CDATA, prefixes, whitespace; text sitemaps', () => {
    const xml = `<urlset><url><loc>
      https://shop.example/a?x=1&amp;y=2
    </loc></url><url><loc><![CDATA[https://shop.example/b]]></loc></url>
    <url><sm:loc>https://shop.example/c#frag</sm:loc></url><url><loc>ftp://nope</loc></url></urlset>`;
    expect(parseSitemap(xml, 'https://shop.example/sitemap.xml')).toEqual({
      kind: 'urlset',
      locations: ['https://shop.example/a?x=1&y=2', 'https://shop.example/b', 'https://shop.example/c'],
    });
    expect(parseSitemap(index(['https://shop.example/s1.xml']), 'https://shop.example/').kind).toBe('index');
    expect(
      parseSitemap('https://shop.example/a\r\nhttps://shop.example/b\n\n', 'https://shop.example/').locations,
    ).toEqual(['https://shop.example/a', 'https://shop.example/b']);
  });
});

describe('readSitemap', () => {
  let server: LocalServer;
  let fetcher: StaticFetcher;
  const files: Record<string, { body: string | Buffer; type?: string; encoding?: string; status?: number }> =
    {};

  beforeAll(async () => {
    server = await startServer((req, res) => {
      const file = files[req.url ?? ''];
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(file.status ?? 200, {
        'content-type': file.type ?? 'application/xml',
        ...(file.encoding ? { 'content-encoding': file.encoding } : {}),
      });
      res.end(file.body);
    });
    fetcher = testFetcher();
    const page = (i: number): string => server.url(`/page-${i}`);
    files['/sitemap.xml'] = { body: urlset([page(1), page(2), page(2)]) };
    files['/index.xml'] = {
      body: index([
        server.url('/part-1.xml'),
        server.url('/part-2.xml.gz'),
        server.url('/missing.xml'),
        server.url('/nested.xml'),
        server.url('/index.xml'),
      ]),
    };
    files['/part-1.xml'] = { body: urlset([page(1), page(2)]) };
    // Served as a gzip file, no content-encoding: the usual way of .xml.gz.
    files['/part-2.xml.gz'] = { body: zlib.gzipSync(urlset([page(3)])), type: 'application/x-gzip' };
    files['/nested.xml'] = { body: index([server.url('/part-3.xml')]) };
    files['/part-3.xml'] = { body: urlset([page(4)]), encoding: 'gzip' };
    files['/part-3.xml'].body = zlib.gzipSync(files['/part-3.xml'].body);
    files['/big.xml'] = { body: urlset(Array.from({ length: 100 }, (_, i) => page(i))) };
  });

  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });

  const options = { allowPrivateAddresses: true, maxUrls: 1000 };

  it('returns the page URLs of a urlset, once each', async () => {
    expect(await readSitemap(fetcher, server.url('/sitemap.xml'), options)).toEqual([
      server.url('/page-1'),
      server.url('/page-2'),
    ]);
  });

  it('follows an index into gzipped and nested children, skipping a missing child and the loop back', async () => {
    const urls = await readSitemap(fetcher, server.url('/index.xml'), options);
    expect(urls.sort()).toEqual([1, 2, 3, 4].map((i) => server.url(`/page-${i}`)));
  });

  it('stops at maxUrls', async () => {
    expect(await readSitemap(fetcher, server.url('/big.xml'), { ...options, maxUrls: 10 })).toHaveLength(10);
  });

  it('throws when the sitemap asked for is unavailable', async () => {
    await expect(readSitemap(fetcher, server.url('/missing.xml'), options)).rejects.toMatchObject({
      name: 'SkipError',
      code: 'sitemap-unavailable',
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RobotsCache, StaticFetcher } from '../../src/crawl/index.js';
import { startServer, type LocalServer, testFetcher } from './local-server.js';

const ROBOTS = `
User-agent: *
Disallow: /private/
Crawl-delay: 2

User-agent: GleanerBot
Disallow: /no-gleaner/
Allow: /no-gleaner/but-this
Crawl-delay: 0.5

Sitemap: https://shop.example/sitemap.xml
Sitemap: https://shop.example/sitemap-news.xml.gz
`;

describe('RobotsCache', () => {
  let fetcher: StaticFetcher;
  const servers: LocalServer[] = [];
  let robotsFetches = 0;

  async function serve(status: number, body = ''): Promise<LocalServer> {
    const server = await startServer((req, res) => {
      if (req.url === '/robots.txt') robotsFetches += 1;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
    });
    servers.push(server);
    return server;
  }

  beforeAll(() => {
    fetcher = testFetcher();
  });

  afterAll(async () => {
    await fetcher.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('applies the group of our product token, its crawl delay and the sitemaps', async () => {
    const site = await serve(200, ROBOTS);
    const robots = new RobotsCache(fetcher, {
      userAgent: 'GleanerBot/0.1 (+https://gleaner.example)',
      allowPrivateAddresses: true,
    });
    expect(await robots.check(site.url('/no-gleaner/page'))).toEqual({ allowed: false, crawlDelayMs: 500 });
    expect(await robots.check(site.url('/no-gleaner/but-this'))).toEqual({
      allowed: true,
      crawlDelayMs: 500,
    });
    // Our group replaces `*`: /private/ is not disallowed for us.
    expect((await robots.check(site.url('/private/x'))).allowed).toBe(true);
    expect(await robots.sitemaps(site.url('/'))).toEqual([
      'https://shop.example/sitemap.xml',
      'https://shop.example/sitemap-news.xml.gz',
    ]);

    const other = new RobotsCache(fetcher, { userAgent: 'OtherBot/2', allowPrivateAddresses: true });
    expect(await other.check(site.url('/private/x'))).toEqual({ allowed: false, crawlDelayMs: 2000 });
    expect(await other.check(site.url('/no-gleaner/page'))).toEqual({ allowed: true, crawlDelayMs: 2000 });
  });

  it('fetches robots.txt once per origin, however many callers ask at once', async () => {
    const site = await serve(200, ROBOTS);
    const robots = new RobotsCache(fetcher, { userAgent: 'GleanerBot/0.1', allowPrivateAddresses: true });
    robotsFetches = 0;
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => robots.check(site.url(`/p${i}`))),
    );
    expect(verdicts.every((verdict) => verdict.allowed)).toBe(true);
    await robots.check(site.url('/later'));
    expect(robotsFetches).toBe(1);
  });

  it('allows everything when robots.txt is missing (4xx) or unreachable (5xx, network), and says which', async () => {
    const missing = await serve(404);
    const broken = await serve(503);
    const gone = await startServer(() => {});
    const goneUrl = gone.url('/');
    await gone.close();
    const robots = new RobotsCache(fetcher, { userAgent: 'GleanerBot/0.1', allowPrivateAddresses: true });
    for (const url of [missing.url('/a'), broken.url('/a'), goneUrl]) {
      expect(await robots.check(url)).toEqual({ allowed: true, crawlDelayMs: null });
    }
    expect(await robots.describe(missing.url('/'))).toMatchObject({ outcome: 'absent', reason: 'HTTP 404' });
    expect(await robots.describe(broken.url('/'))).toMatchObject({
      outcome: 'unreachable',
      reason: 'HTTP 503',
    });
    expect(await robots.describe(goneUrl)).toMatchObject({
      outcome: 'unreachable',
      reason: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('goes through the private-address guard like any fetch', async () => {
    const site = await serve(200, 'User-agent: *\nDisallow: /\n');
    const robots = new RobotsCache(fetcher, { userAgent: 'GleanerBot/0.1', allowPrivateAddresses: false });
    expect(await robots.check(site.url('/a'))).toEqual({ allowed: true, crawlDelayMs: null });
    expect(await robots.describe(site.url('/'))).toMatchObject({
      outcome: 'unreachable',
      reason: expect.stringContaining('private'),
    });
  });
});

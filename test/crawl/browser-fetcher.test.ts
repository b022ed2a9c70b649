import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_CANDIDATES, GleanerError, defaultChromePath } from '../../src/core/index.js';
import {
  BrowserFetcher,
  evaluateExpression,
  processTree,
  type BrowserFetcherOptions,
  type FetchedPage,
  type LivePage,
  type PageRequest,
} from '../../src/crawl/index.js';
import { extractPage } from '../../src/extract/index.js';
import { evaluateInWorld } from '../../src/profiles/in-page.js';
import { browserPages, type BrowserPages } from './browser-pages.js';
import { startServer, type LocalServer } from './local-server.js';

const CHROME = defaultChromePath();

/** Small bounds, so that every bad page is bounded quickly. */
function fetcher(overrides: Partial<BrowserFetcherOptions> = {}): BrowserFetcher {
  return new BrowserFetcher({
    executablePath: CHROME,
    userAgent: 'GleanerTest/1',
    tabs: 2,
    pageTimeoutMs: 5_000,
    loadTimeoutMs: 1_200,
    settleMs: 600,
    pageMemoryMb: 48,
    maxPageBytes: 2 * 1024 * 1024,
    maxRedirects: 4,
    maxDomNodes: 50_000,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<GleanerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GleanerError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

function renderersOf(browserPid: number): number[] {
  return processTree(browserPid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

describe('the browser fetcher', () => {
  let server: LocalServer;
  let pages: BrowserPages;
  let browser: BrowserFetcher;
  const get = (path: string, extra: Partial<PageRequest> = {}): Promise<FetchedPage> =>
    browser.fetch(
      { url: server.url(path), allowPrivateAddresses: true, ...extra },
      new AbortController().signal,
    );

  beforeAll(async () => {
    pages = browserPages();
    server = await startServer(pages.handler);
    browser = fetcher();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders script-built content, whose JSON-LD extraction then finds', async () => {
    const page = await get('/app');
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.html).toContain('<h1>Rendered Kettle</h1>');
    const facts = extractPage(page.html, { url: page.finalUrl });
    expect(facts.jsonLd).toContainEqual(expect.objectContaining({ '@type': 'Product', sku: 'RK-1' }));
    expect(page.timingsMs.load).toBeGreaterThan(0);
  });

  it('renders with each installed system Chromium: the headless shell (the default) and the desktop build', async () => {
    const installed = CHROME_CANDIDATES.filter((path) => existsSync(path));
    expect(installed[0]).toBe(CHROME);
    for (const executablePath of installed) {
      const other = fetcher({ executablePath, tabs: 1 });
      try {
        for (let i = 0; i < 2; i += 1) {
          const page = await other.fetch(
            { url: server.url('/app'), allowPrivateAddresses: true },
            new AbortController().signal,
          );
          expect(page.html, executablePath).toContain('<h1>Rendered Kettle</h1>');
        }
        expect(other.stats.launches).toBe(1);
      } finally {
        await other.close();
      }
      expect(other.pids).toEqual([]);
    }
  });

  it('reuses its tabs and resets them: cookies and storage of one page are gone on the next', async () => {
    const one = fetcher({ tabs: 1 });
    try {
      const signal = new AbortController().signal;
      await one.fetch({ url: server.url('/set-state'), allowPrivateAddresses: true }, signal);
      const read = await one.fetch({ url: server.url('/read-state'), allowPrivateAddresses: true }, signal);
      expect(read.html).toContain('cookie=;local=null;session=null');
      expect(one.stats).toMatchObject({ launches: 1, pagesLoaded: 2, tabsReplaced: 0 });
    } finally {
      await one.close();
    }
  });

  it('keeps a reset tab from writing state late, and still renders the next page (frames, requestAnimationFrame)', async () => {
    const one = fetcher({ tabs: 1 });
    try {
      const signal = new AbortController().signal;
      await one.fetch({ url: server.url('/late-state'), allowPrivateAddresses: true }, signal);
      await new Promise((resolve) => setTimeout(resolve, 400));
      let frame: unknown = null;
      let visibility: unknown = null;
      const read = await one.fetch(
        {
          url: server.url('/read-state'),
          allowPrivateAddresses: true,
          live: {
            domains: [],
            visit: async (live) => {
              visibility = await evaluateExpression(live.cdp, 'document.visibilityState');
              frame = await evaluateExpression(
                live.cdp,
                'new Promise((done) => { requestAnimationFrame(() => done("frame")); setTimeout(() => done("no frame"), 1000); })',
              );
            },
          },
        },
        signal,
      );
      expect(read.html).toContain('cookie=;local=null;session=null');
      expect(visibility).toBe('visible');
      expect(frame).toBe('frame');
    } finally {
      await one.close();
    }
  });

  it('shows pages the full viewport at a device pixel ratio of 1, and they paint, though the output image is scaled down', async () => {
    let seen: unknown = null;
    await get('/plain', {
      live: {
        domains: [],
        visit: async (live) => {
          seen = await evaluateExpression(
            live.cdp,
            `new Promise((done) => {
              const read = () => ({
                width: innerWidth, height: innerHeight, dpr: devicePixelRatio, zoom: visualViewport.scale,
                wide: matchMedia('(min-width: 1300px)').matches,
                fcp: performance.getEntriesByName('first-contentful-paint').length,
              });
              if (read().fcp) return done(read());
              new PerformanceObserver(() => done(read())).observe({ type: 'paint' });
              setTimeout(() => done(read()), 2000);
            })`,
          );
        },
      },
    });
    expect(seen).toEqual({ width: 1366, height: 900, dpr: 1, zoom: 1, wide: true, fcp: 1 });
  });

  it('sets up a reused tab for pages that need more, then fewer, then more CDP domains (CSS on a frozen tab)', async () => {
    // CSS.enable never answers on the frozen document a reset leaves: a job that followed one without CSS
    // on the same tab hung on it, page after page.
    const one = fetcher({ tabs: 1 });
    try {
      const signal = new AbortController().signal;
      const withCss = async () => {
        let properties = -1;
        let visibility: unknown = null;
        const page = await one.fetch(
          {
            url: server.url('/plain'),
            allowPrivateAddresses: true,
            live: {
              domains: ['DOM', 'CSS'],
              visit: async (live) => {
                const { root } = await live.cdp.send('DOM.getDocument', { depth: 0 });
                const { nodeId } = await live.cdp.send('DOM.querySelector', {
                  nodeId: root.nodeId,
                  selector: 'body',
                });
                const styles = await live.cdp.send('CSS.getComputedStyleForNode', { nodeId });
                properties = styles.computedStyle.length;
                visibility = await evaluateExpression(live.cdp, 'document.visibilityState');
              },
            },
          },
          signal,
        );
        expect(page.html).toContain('Server-rendered text.');
        expect(properties).toBeGreaterThan(100);
        expect(visibility).toBe('visible');
      };
      const plain = async () =>
        expect(
          (await one.fetch({ url: server.url('/plain'), allowPrivateAddresses: true }, signal)).status,
        ).toBe(200);
      await plain();
      await withCss();
      await plain();
      await withCss();
      expect(one.stats.tabsReplaced).toBe(0);
    } finally {
      await one.close();
    }
  });

  it('runs page scripts in an isolated world of every new document, unseen by the page', async () => {
    const one = fetcher({ tabs: 1 });
    try {
      const signal = new AbortController().signal;
      const scripts = async () => [{ world: 'gleaner-test', source: 'window.gleanerMark = document.URL;' }];
      const seen: unknown[] = [];
      for (const path of ['/plain', '/read-state']) {
        await one.fetch(
          {
            url: server.url(path),
            allowPrivateAddresses: true,
            live: {
              domains: [],
              scripts,
              visit: async (live) => {
                seen.push(await evaluateInWorld(live, 'gleaner-test', 'window.gleanerMark'));
                seen.push(await evaluateExpression(live.cdp, 'typeof window.gleanerMark'));
              },
            },
          },
          signal,
        );
      }
      expect(seen).toEqual([server.url('/plain'), 'undefined', server.url('/read-state'), 'undefined']);
      // Not asked for any more: the next document does not get it.
      await one.fetch(
        {
          url: server.url('/plain'),
          allowPrivateAddresses: true,
          live: {
            domains: [],
            visit: async (live) => {
              seen.push(await evaluateInWorld(live, 'gleaner-test', 'typeof window.gleanerMark'));
            },
          },
        },
        signal,
      );
      expect(seen.at(-1)).toBe('undefined');
    } finally {
      await one.close();
    }
  });

  it('does not load blocked resource types, whether or not their URL tells the type', async () => {
    // By extension in the network stack (any case, with a query), and by type at the Fetch pause.
    const images = ['/img/b.png', '/img/c.JPG', '/img/d'];
    const before = images.map((path) => pages.hits(path));
    const blocked = await get('/images', { block: ['Image'] });
    expect(blocked.html).toContain('<h1>Images</h1>');
    expect(images.map((path) => pages.hits(path))).toEqual(before);
    // The next page of the same tab, without the block, loads them all again.
    await get('/images');
    expect(images.map((path) => pages.hits(path))).toEqual(before.map((n) => n + 1));
  });

  it('takes what loaded when load never comes, even before DOMContentLoaded', async () => {
    const slow = await get('/never-loads');
    expect(slow.html).toContain('The text is here.');
    expect(slow.warnings?.join()).toMatch(/load not finished after 1200 ms/);
    const blocked = await get('/parser-blocked');
    expect(blocked.html).toContain('<h1>Start</h1>');
    expect(blocked.warnings?.join()).toMatch(/before DOMContentLoaded/);
  });

  it('stops waiting for a page that keeps loading more (infinite scroll)', async () => {
    const started = performance.now();
    const page = await get('/infinite-scroll');
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(page.html).toContain('<li>item</li>');
    expect(page.warnings?.join()).toMatch(/network still busy/);
  });

  it('dismisses dialogs and blocks pop-ups', async () => {
    const page = await get('/dialogs');
    expect(page.html).toContain('confirm=false;prompt=null');
    expect(page.warnings?.join()).toMatch(/dialog dismissed: alert "hello"/);
    const popup = await get('/popup');
    expect(popup.status).toBe(200);
    // The tab that met the dialogs and the pop-ups serves the next page as usual.
    expect((await get('/landing')).html).toContain('Landed');
  });

  it('closes a pop-up that gets past the blocker, and says so', async () => {
    let left: number | null = null;
    const page = await get('/plain', {
      live: {
        domains: [],
        async visit(live: LivePage) {
          // A user gesture lets window.open past Chromium's pop-up blocker.
          const { frameTree } = await live.cdp.send('Page.getFrameTree');
          await live.cdp.send('Runtime.evaluate', {
            expression: "window.open('/landing', '_blank'); true",
            userGesture: true,
          });
          for (let waited = 0; waited < 3_000; waited += 50) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            const { targetInfos } = await live.cdp.send('Target.getTargets');
            // Pages this tab opened (its main frame's id is its target's).
            left = targetInfos.filter((t) => t.type === 'page' && t.openerId === frameTree.frame.id).length;
            if (waited > 200 && left === 0) break;
          }
        },
      },
    });
    expect(page.warnings?.join()).toMatch(/pop-up closed/);
    expect(left).toBe(0);
  });

  it('follows redirects and script navigations, and bounds them', async () => {
    const moved = await get('/moved');
    expect(new URL(moved.finalUrl).pathname).toBe('/landing');
    expect(moved.redirects.map((u) => new URL(u).pathname)).toEqual(['/landing']);
    const scripted = await get('/script-navigate');
    expect(new URL(scripted.finalUrl).pathname).toBe('/landing');
    expect(scripted.html).toContain('Landed');
    expect((await failure(get('/navigate-forever'))).code).toBe('too-many-redirects');
    expect((await failure(get('/loop-a'))).code).toBe('redirect-loop');
  });

  it('refuses huge DOMs, heap hogs, non-HTML and pages that never answer, each with its reason', async () => {
    const huge = await failure(get('/huge-dom'));
    expect(huge).toMatchObject({ code: 'too-large', policy: 'skip' });
    expect(huge.message).toMatch(/elements, over the bound of 50000/);
    const hog = await failure(get('/memory-hog'));
    expect(hog).toMatchObject({ code: 'browser-memory', policy: 'skip' });
    expect(await failure(get('/file.pdf'))).toMatchObject({ code: 'not-html' });
    const quick = fetcher({ tabs: 1, pageTimeoutMs: 1_500, loadTimeoutMs: 1_000 });
    try {
      const silent = await failure(
        quick.fetch(
          { url: server.url('/never-answers'), allowPrivateAddresses: true },
          new AbortController().signal,
        ),
      );
      expect(silent).toMatchObject({ code: 'timeout', policy: 'retry' });
    } finally {
      await quick.close();
    }
    // The pool is still healthy after all of them.
    expect((await get('/plain')).html).toContain('Server-rendered text.');
  });

  it('keeps the private-address guard: literal and resolved private hosts are refused', async () => {
    const guarded = (url: string) =>
      browser.fetch({ url, allowPrivateAddresses: false }, new AbortController().signal);
    expect(await failure(guarded(server.url('/plain')))).toMatchObject({ code: 'private-address' });
    const byName = await failure(guarded(`http://localhost:${server.port}/plain`));
    expect(byName).toMatchObject({ code: 'private-address', policy: 'skip' });
    expect(byName.message).toMatch(/GLEANER_ALLOW_PRIVATE_ADDRESSES/);
  });

  it('hands the live page to a visit, with the asked-for domains enabled, before the tab is reset', async () => {
    let seen: {
      url: string;
      network: number;
      documents: number;
      metrics: number;
      title: string;
      fcp: unknown;
    } | null = null;
    const page = await get('/plain', {
      live: {
        domains: ['Network', 'Performance'],
        async visit(live: LivePage) {
          const { metrics } = await live.cdp.send('Performance.getMetrics');
          seen = {
            url: live.url,
            network: live.network.length,
            documents: live.network.filter((e) => e.type === 'Document').length,
            metrics: metrics.length,
            title: (await evaluateExpression(live.cdp, 'document.title')) as string,
            fcp: live.timingsMs.fcp,
          };
        },
      },
    });
    expect(page.status).toBe(200);
    expect(seen).toMatchObject({ url: server.url('/plain'), documents: 1, title: 'test' });
    expect(seen!.network).toBeGreaterThanOrEqual(2);
    expect(seen!.metrics).toBeGreaterThan(10);
    const failed = await get('/plain', {
      live: {
        domains: [],
        visit: () => Promise.reject(new Error('profile bug')),
      },
    });
    expect(failed.status).toBe(200);
    expect(failed.warnings?.join()).toMatch(/live visit cut short: profile bug/);
  });

  it('replaces a tab whose renderer crashed, and reports the page as a passing fault', async () => {
    const one = fetcher({ tabs: 1, loadTimeoutMs: 4_000 });
    try {
      const hitsBefore = pages.hits('/hang/img.png');
      const loading = one.fetch(
        { url: server.url('/never-loads'), allowPrivateAddresses: true },
        new AbortController().signal,
      );
      // The page has committed once its image is asked for: its renderer is the one to kill.
      while (pages.hits('/hang/img.png') === hitsBefore) await new Promise((r) => setTimeout(r, 20));
      for (const pid of renderersOf(one.pids[0]!)) process.kill(pid, 'SIGKILL');
      expect(await failure(loading)).toMatchObject({ code: 'browser-crash', policy: 'retry' });
      const next = await one.fetch(
        { url: server.url('/plain'), allowPrivateAddresses: true },
        new AbortController().signal,
      );
      expect(next.html).toContain('Server-rendered text.');
      expect(one.stats.tabsReplaced).toBe(1);
      expect(one.stats.launches).toBe(1);
    } finally {
      await one.close();
    }
  });

  it('restarts a browser that died, failing only the page in flight (to be retried)', async () => {
    const one = fetcher({ tabs: 1, loadTimeoutMs: 4_000 });
    try {
      const hitsBefore = pages.hits('/hang/img.png');
      const loading = one.fetch(
        { url: server.url('/never-loads'), allowPrivateAddresses: true },
        new AbortController().signal,
      );
      while (pages.hits('/hang/img.png') === hitsBefore) await new Promise((r) => setTimeout(r, 20));
      const pid = one.pids[0]!;
      process.kill(pid, 'SIGKILL');
      expect(await failure(loading)).toMatchObject({ code: 'browser-crash', policy: 'retry' });
      const next = await one.fetch(
        { url: server.url('/plain'), allowPrivateAddresses: true },
        new AbortController().signal,
      );
      expect(next.html).toContain('Server-rendered text.');
      expect(one.stats.launches).toBe(2);
      expect(one.pids).not.toContain(pid);
    } finally {
      await one.close();
    }
  });

  it('restarts the browser after a number of pages, without failing any', async () => {
    const young = fetcher({ tabs: 2, restartAfterPages: 2 });
    try {
      const signal = new AbortController().signal;
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          young.fetch({ url: server.url('/plain'), allowPrivateAddresses: true }, signal),
        ),
      );
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(young.stats.launches).toBeGreaterThanOrEqual(2);
    } finally {
      await young.close();
    }
    expect(young.pids).toEqual([]);
  });
});

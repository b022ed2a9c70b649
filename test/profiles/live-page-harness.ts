import { afterAll, beforeAll } from 'vitest';
import { defaultChromePath } from '../../src/core/index.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import type { CdpDomain, LivePage, NetworkEntry } from '../../src/crawl/index.js';
import { extractPage, type PageFacts } from '../../src/extract/index.js';
import type { Attributes, Profile } from '../../src/profiles/index.js';

/**
 * A small stand-in for the browser fetcher's tab pool, for the profile tests: one Chromium, a fresh tab
 * per load, the profiles' CDP domains enabled before navigation, a `LivePage` built as the fetcher
 * builds it, then each profile's gather, the page's extraction, `toAttributes` and `quality`.
 */

export interface ProfileRun {
  raw: unknown;
  attributes: Attributes;
  quality: number;
  gatherMs: number;
}

export interface PageRun {
  url: string;
  html: string;
  facts: PageFacts;
  live: Pick<LivePage, 'network' | 'timingsMs'>;
  profiles: Map<string, ProfileRun>;
}

const CHROMIUM = defaultChromePath();
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// DOM before CSS: the CSS domain refuses to enable without it.
const DOMAIN_ORDER: readonly CdpDomain[] = [
  'DOM',
  'CSS',
  'DOMSnapshot',
  'Accessibility',
  'Performance',
  'Network',
  'Runtime',
  'Page',
];
const GATHER_TIMEOUT_MS = 15_000;

export class LivePageHarness {
  readonly #browser: Browser;

  private constructor(browser: Browser) {
    this.#browser = browser;
  }

  static async launch(): Promise<LivePageHarness> {
    return new LivePageHarness(
      await puppeteer.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true }),
    );
  }

  /** Load `url` once and run every profile on that load, one after another (as the fetcher's visit does). */
  async load(url: string, profiles: readonly Profile[]): Promise<PageRun> {
    const page = await this.#browser.newPage();
    try {
      const cdp = await page.createCDPSession();
      const wanted = new Set(profiles.flatMap((p) => p.cdpDomains));
      for (const domain of DOMAIN_ORDER) if (wanted.has(domain)) await cdp.send(`${domain}.enable`);
      const network = wanted.has('Network') ? recordNetwork(cdp) : null;
      await page.goto(url, { waitUntil: 'load', timeout: GATHER_TIMEOUT_MS });
      const live: LivePage = {
        cdp,
        url: page.url(),
        network: network?.entries() ?? [],
        timingsMs: await navigationTimings(page),
        signal: AbortSignal.timeout(GATHER_TIMEOUT_MS),
      };
      const raws = new Map<string, { raw: unknown; gatherMs: number }>();
      for (const profile of profiles) {
        const started = performance.now();
        const raw = await profile.gather({ url: live.url, live });
        raws.set(profile.name, { raw, gatherMs: Math.round((performance.now() - started) * 10) / 10 });
      }
      const html = await page.content();
      return { url: live.url, html, live, ...finish(live.url, html, profiles, raws) };
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.#browser.close();
  }
}

/** Static mode: the fetched HTML only, `live` null, as a static mining job runs a profile. */
export async function loadStatic(url: string, profiles: readonly Profile[]): Promise<Omit<PageRun, 'live'>> {
  const html = await (await fetch(url)).text();
  const raws = new Map<string, { raw: unknown; gatherMs: number }>();
  for (const profile of profiles) {
    const started = performance.now();
    raws.set(profile.name, {
      raw: await profile.gather({ url, live: null }),
      gatherMs: performance.now() - started,
    });
  }
  return { url, html, ...finish(url, html, profiles, raws) };
}

function finish(
  url: string,
  html: string,
  profiles: readonly Profile[],
  raws: Map<string, { raw: unknown; gatherMs: number }>,
): { facts: PageFacts; profiles: Map<string, ProfileRun> } {
  const facts = extractPage(html, { url });
  const runs = new Map<string, ProfileRun>();
  for (const profile of profiles) {
    const { raw, gatherMs } = raws.get(profile.name)!;
    const attributes = profile.toAttributes(raw, { url, html, facts });
    runs.set(profile.name, { raw, attributes, quality: profile.quality(attributes), gatherMs });
  }
  return { facts, profiles: runs };
}

async function navigationTimings(page: Page): Promise<Record<string, number>> {
  return page.evaluate<[], () => Record<string, number>>(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const out = {};
    if (nav) {
      out.ttfb = nav.responseStart;
      out.domContentLoaded = nav.domContentLoadedEventEnd;
      out.load = nav.loadEventEnd || nav.loadEventStart;
    }
    if (paint['first-paint'] !== undefined) out.firstPaint = paint['first-paint'];
    if (paint['first-contentful-paint'] !== undefined) out.fcp = paint['first-contentful-paint'];
    return out;
  })()`);
}

/** Responses of the load from the Network domain's events, as the fetcher reports them. */
function recordNetwork(cdp: CDPSession): { entries(): NetworkEntry[] } {
  const requests = new Map<
    string,
    { url: string; type: string; status: number; start: number; blocking: boolean; entry?: NetworkEntry }
  >();
  const done: NetworkEntry[] = [];
  cdp.on('Network.requestWillBeSent', (event) => {
    requests.set(event.requestId, {
      url: event.request.url,
      type: event.type ?? 'Other',
      status: 0,
      start: event.timestamp,
      blocking: event.renderBlockingBehavior === 'Blocking',
    });
  });
  cdp.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId);
    if (request) {
      request.status = event.response.status;
      request.type = event.type;
    }
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (!request) return;
    done.push({
      url: request.url,
      type: request.type,
      status: request.status,
      bytes: event.encodedDataLength,
      renderBlocking: request.blocking,
      durationMs: Math.round((event.timestamp - request.start) * 1000),
    });
  });
  return { entries: () => [...done] };
}

/**
 * One demo site and one browser for a test file, started before its tests and closed after them:
 * `lab.site` and `lab.browser` are set inside tests, and `lab.run(path, profile)` loads a page of the
 * site with one profile and gives that profile's run.
 */
export function labSuite(): {
  readonly site: DemoSite;
  readonly browser: LivePageHarness;
  run(path: string, profile: Profile): Promise<ProfileRun>;
} {
  let site: DemoSite | undefined;
  let browser: LivePageHarness | undefined;
  beforeAll(async () => {
    site = await startDemoSite({ products: 40, articles: 5 });
    browser = await LivePageHarness.launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get site() {
      return site!;
    },
    get browser() {
      return browser!;
    },
    async run(path, profile) {
      return (await browser!.load(site!.url + path, [profile])).profiles.get(profile.name)!;
    },
  };
}

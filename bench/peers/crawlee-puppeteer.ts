// Peer for bench/browser-mining.ts: Crawlee's PuppeteerCrawler on the same Chromium (puppeteer-core as its
// launcher), loading the given URLs and reading their JSON-LD, with the same resources blocked as Gleaner's
// JSON-LD-only mining (images, media, fonts). Prints {"pages","seconds",...} as one JSON line.
// Usage: node --import tsx bench/peers/crawlee-puppeteer.ts <urls.json> [--concurrency N] [--autoscale]
import { readFileSync } from 'node:fs';
import { Configuration, log, LogLevel, PuppeteerCrawler, puppeteerUtils } from '@crawlee/puppeteer';
import puppeteer from 'puppeteer-core';
import { treeCpuByKind, treeCpuSeconds } from '../lib/process-cpu.js';

const args = process.argv.slice(2);
const urlsFile = args.find((a) => !a.startsWith('--'));
if (urlsFile === undefined) throw new Error('usage: crawlee-puppeteer.ts <urls.json> [--concurrency N]');
const urls = JSON.parse(readFileSync(urlsFile, 'utf8')) as string[];
const at = args.indexOf('--concurrency');
// Gleaner keeps twice its tabs (one per core) in flight; Crawlee gets the same number of pages at once,
// pinned (min = max), which is its best throughput here. --autoscale leaves Crawlee's defaults: it
// starts at one page and scales up with the CPU load it measures.
const concurrency = at >= 0 ? Number(args[at + 1]) : 4;
const autoscale = args.includes('--autoscale');

log.setLevel(LogLevel.WARNING);
const config = new Configuration({ persistStorage: false, purgeOnStart: true });

let handled = 0;
let failed = 0;
let jsonLdBlocks = 0;
let lastKinds = new Map<string, number>();
/** At the last page, the CPU of each process kind (Chromium's are gone once the crawler closes it). */
const finishedOne = (): void => {
  if (handled + failed >= urls.length) lastKinds = treeCpuByKind();
};
const crawler = new PuppeteerCrawler(
  {
    launchContext: {
      launcher: puppeteer,
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        // The flags of DESIGN.md, as Gleaner launches its Chromium with.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    },
    ...(autoscale ? {} : { minConcurrency: concurrency, maxConcurrency: concurrency }),
    maxRequestsPerCrawl: urls.length,
    preNavigationHooks: [
      async ({ page }) => {
        await puppeteerUtils.blockRequests(page, {
          urlPatterns: [
            '.jpg',
            '.jpeg',
            '.png',
            '.gif',
            '.webp',
            '.svg',
            '.woff',
            '.woff2',
            '.ttf',
            '.otf',
            '.mp4',
            '.webm',
          ],
        });
      },
    ],
    async requestHandler({ page }) {
      // Text, not a function: this project's Node build has no DOM types.
      const blocks = (await page.evaluate(
        `[...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent || '')`,
      )) as string[];
      for (const block of blocks) {
        try {
          JSON.parse(block);
          jsonLdBlocks += 1;
        } catch {
          // an invalid block is skipped, as Gleaner does
        }
      }
      handled += 1;
      finishedOne();
    },
    failedRequestHandler() {
      failed += 1;
      finishedOne();
    },
  },
  config,
);

const started = performance.now();
const cpuBefore = treeCpuSeconds();
const kindsBefore = treeCpuByKind();
await crawler.run(urls);
const seconds = (performance.now() - started) / 1000;
const crawlCpuSeconds = treeCpuSeconds() - cpuBefore;
// CPU per page by process kind, as the Gleaner child reports it (read at the last page, before the close).
// Crawlee closes each page, so most renderers have exited by then: their CPU is in the crawl's total but
// in no live process, and is reported as `exited` (the total less the live kinds).
const cpuMsPerPageByKind: Record<string, number> = Object.fromEntries(
  [...lastKinds].map(([kind, seconds]) => [
    kind,
    Math.round((1000 * (seconds - (kindsBefore.get(kind) ?? 0))) / urls.length),
  ]),
);
const live = Object.values(cpuMsPerPageByKind).reduce((sum, ms) => sum + ms, 0);
cpuMsPerPageByKind.exited = Math.max(0, Math.round((1000 * crawlCpuSeconds) / urls.length - live));
process.stdout.write(
  `${JSON.stringify({ pages: handled + failed, pagesOk: handled, pagesFailed: failed, seconds, crawlCpuSeconds, cpuMsPerPageByKind, jsonLdBlocks, concurrency: autoscale ? 'autoscaled' : concurrency })}\n`,
);
process.exit(0);

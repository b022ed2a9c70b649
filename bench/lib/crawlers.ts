// The three crawlers of bench/mining-static.ts, each run as a child process against the same demo site.
// Each reports the pages it fetched and its crawl-only seconds; measure() adds wall time, CPU and peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoSiteProcess } from './demo-site.js';
import { measure } from './measure.js';
import type { ServerStats } from './request-log.js';

export type CrawlerName = 'gleaner' | 'crawlee' | 'scrapy';

export interface CrawlerRun {
  crawler: CrawlerName;
  /** URLs fetched to an outcome (stored, or failed after retries); robots-disallowed ones are not fetched. */
  pages: number;
  /** From the crawler's own clock: the crawl, without process start-up and database set-up. */
  crawlSeconds: number;
  /** The whole child process, start-up (and Gleaner's PGlite creation) included. */
  wallSeconds: number;
  peakRssMb: number;
  cpuSeconds: number;
  /** CPU the demo site spent serving this crawler, to show the server was not the limit. */
  serverCpuSeconds: number;
  /** What the demo site saw: the same clock for every crawler. */
  server: ServerStats;
  command: string;
  /** Epoch ms when the child was spawned, to place the job inside a CPU profile. */
  spawnedAt: number;
  /** The crawler's own JSON result, for the results file. */
  detail: Record<string, unknown>;
}

export interface CrawlerOptions {
  repo: string;
  /** Extra node flags for the Gleaner child, e.g. --cpu-prof. */
  gleanerNodeFlags: string[];
  /** Extra environment for the Gleaner child (the SQL timer's output file). */
  gleanerEnv?: Record<string, string>;
}

interface Spec {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Pages and crawl-only seconds from the child's JSON result. */
  read(result: Record<string, unknown>): { pages: number; crawlSeconds: number };
}

/** Gleaner's config comes from GLEANER_* and DATABASE_URL; none may leak in from the caller's shell. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('GLEANER_') && key !== 'DATABASE_URL'),
  );
}

function gleaner(siteUrl: string, dataDir: string, options: CrawlerOptions): Spec {
  return {
    command: process.execPath,
    args: [
      ...options.gleanerNodeFlags,
      'bin/gleaner.js',
      '--json',
      '--log-level',
      'warn',
      '--data-dir',
      dataDir,
      'mine',
      `${siteUrl}/`,
      '--topic',
      'bench',
      '--allow-private',
      '--max-pages',
      '5000',
    ],
    // 16 fetches at a time to the one host, like the peers (Gleaner's per-host default is 8).
    env: {
      ...cleanEnv(),
      GLEANER_CRAWL_CONCURRENCY: '16',
      GLEANER_PER_HOST_CONCURRENCY: '16',
      // Mining only, as the peers: the topic model a finished job queues (its product records need
      // training data) would otherwise train before `gleaner mine` exits; bench/attribute-model.ts times it.
      GLEANER_AUTO_TRAIN: 'false',
      ...options.gleanerEnv,
    },
    read: (r) => ({
      pages: Number(r.pagesStored) + Number(r.pagesFailed),
      // The job's own start and finish: excludes node start-up, PGlite creation and migrations.
      crawlSeconds: (Date.parse(String(r.finishedAt)) - Date.parse(String(r.startedAt))) / 1000,
    }),
  };
}

function crawlee(siteUrl: string): Spec {
  return {
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/peers/crawlee-cheerio.ts', `${siteUrl}/`],
    read: (r) => ({ pages: Number(r.pages), crawlSeconds: Number(r.seconds) }),
  };
}

function scrapy(siteUrl: string): Spec {
  return {
    // Debian's python has Scrapy (python3-scrapy); a pyenv python3 on PATH may not.
    command: '/usr/bin/python3',
    args: ['bench/peers/scrapy_spider.py', `${siteUrl}/`],
    read: (r) => ({ pages: Number(r.pages), crawlSeconds: Number(r.seconds) }),
  };
}

export async function runCrawler(
  crawler: CrawlerName,
  site: DemoSiteProcess,
  options: CrawlerOptions,
): Promise<CrawlerRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gleaner-bench-data-'));
  try {
    const siteUrl = site.url;
    const spec =
      crawler === 'gleaner'
        ? gleaner(siteUrl, dataDir, options)
        : crawler === 'crawlee'
          ? crawlee(siteUrl)
          : scrapy(siteUrl);
    await site.takeStats(); // drop anything seen before this crawler
    const cpuBefore = site.cpuSeconds();
    const spawnedAt = Date.now();
    const measured = await measure(spec.command, spec.args, {
      cwd: options.repo,
      ...(spec.env === undefined ? {} : { env: spec.env }),
    });
    return {
      crawler,
      ...spec.read(measured.result),
      wallSeconds: measured.wallSeconds,
      peakRssMb: measured.peakRssMb,
      cpuSeconds: measured.cpuSeconds,
      serverCpuSeconds: site.cpuSeconds() - cpuBefore,
      server: await site.takeStats(),
      command: [spec.command === process.execPath ? 'node' : spec.command, ...spec.args]
        .join(' ')
        .replace(dataDir, '<fresh tmp dir>'),
      spawnedAt,
      detail: measured.result,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

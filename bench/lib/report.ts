// Figures and tables for bench/mining-static.ts: the machine, per-run and median rows, the ratios
// against the targets, and a markdown block to paste into BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { CrawlerName, CrawlerRun } from './crawlers.js';

export interface Machine {
  date: string;
  nproc: number;
  cpuModel: string;
  node: string;
  crawlee: string;
  scrapy: string;
}

export function describeMachine(repo: string): Machine {
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const crawleePackage = JSON.parse(
    readFileSync(`${repo}/node_modules/@crawlee/cheerio/package.json`, 'utf8'),
  ) as { version: string };
  const scrapy = execFileSync('/usr/bin/python3', ['-c', 'import scrapy; print(scrapy.__version__)'], {
    encoding: 'utf8',
  }).trim();
  return {
    date: new Date().toISOString().slice(0, 10),
    nproc: availableParallelism(),
    cpuModel,
    node: process.version,
    crawlee: crawleePackage.version,
    scrapy,
  };
}

/**
 * Three clocks, three rates. `crawl`: the crawler's own count over its own clock, start to finish (the
 * issue's figure). `server`: the site's good pages over the time the server took to hand them all out,
 * the same clock for every crawler, blind to how each one ends (retry back-off, /bad/slow). `wall`: the
 * crawler's pages over its whole process, start-up included.
 */
export type Clock = 'crawl' | 'server' | 'wall';
export const CLOCKS: Clock[] = ['crawl', 'server', 'wall'];

export function rate(run: CrawlerRun, clock: Clock = 'crawl'): number {
  if (clock === 'server') return run.server.goodPages / run.server.goodSpanSeconds;
  return run.pages / (clock === 'crawl' ? run.crawlSeconds : run.wallSeconds);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One crawler over all runs: the median of each figure (a rate is the median of the per-run rates). */
export interface Summary {
  crawler: CrawlerName;
  runs: number;
  pages: number;
  requests: number;
  goodPages: number;
  crawlSeconds: number;
  serverSeconds: number;
  wallSeconds: number;
  rates: Record<Clock, number>;
  ratesEachRun: Record<Clock, number[]>;
  peakRssMb: number;
  cpuSeconds: number;
  serverCpuSeconds: number;
}

export function summarise(crawler: CrawlerName, runs: CrawlerRun[]): Summary {
  const of = (f: (r: CrawlerRun) => number): number => median(runs.map(f));
  const each = (clock: Clock) => runs.map((r) => rate(r, clock));
  return {
    crawler,
    runs: runs.length,
    pages: of((r) => r.pages),
    requests: of((r) => r.server.requests),
    goodPages: of((r) => r.server.goodPages),
    crawlSeconds: of((r) => r.crawlSeconds),
    serverSeconds: of((r) => r.server.goodSpanSeconds),
    wallSeconds: of((r) => r.wallSeconds),
    rates: { crawl: median(each('crawl')), server: median(each('server')), wall: median(each('wall')) },
    ratesEachRun: { crawl: each('crawl'), server: each('server'), wall: each('wall') },
    peakRssMb: of((r) => r.peakRssMb),
    cpuSeconds: of((r) => r.cpuSeconds),
    serverCpuSeconds: of((r) => r.serverCpuSeconds),
  };
}

/** What each crawler fetches, so that the page counts can be read side by side. */
export const FETCHES: Record<CrawlerName, string> = {
  gleaner:
    'robots.txt, sitemap.xml (seeds every product and article), then HTML links; links with image/PDF/CSS/JS ' +
    'extensions are not fetched; /bad/huge refused on its Content-Length; /bad/server-error retried 3× with ' +
    'exponential back-off; full extraction and storage in PGlite',
  crawlee:
    'robots.txt (respectRobotsTxtFile), then every same-hostname <a href>: the linked JPEGs and the PDF are ' +
    'fetched and fail as not HTML; /bad/huge (10 MB) downloaded and parsed; failures retried 3× at once; no extraction',
  scrapy:
    "robots.txt, then every same-host link except Scrapy's ignored extensions (images, PDF, CSS, JS); /bad/huge " +
    'downloaded; /bad/server-error retried 2× at once; no extraction',
};

const f1 = (n: number): string => n.toFixed(1);
const f0 = (n: number): string => n.toFixed(0);
const f2 = (n: number): string => n.toFixed(2);

export function markdownTable(rows: Summary[]): string[] {
  const lines = [
    '| crawler | pages fetched | crawl s | pages/s (crawl) | good pages served | server s | pages/s (server) | end-to-end s | pages/s (end-to-end) | requests served | CPU s | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of rows) {
    lines.push(
      `| ${s.crawler} | ${f0(s.pages)} | ${f1(s.crawlSeconds)} | **${f0(s.rates.crawl)}** | ${f0(s.goodPages)} | ${f2(s.serverSeconds)} | **${f0(s.rates.server)}** | ${f1(s.wallSeconds)} | ${f0(s.rates.wall)} | ${f0(s.requests)} | ${f1(s.cpuSeconds)} | ${f0(s.peakRssMb)} |`,
    );
  }
  return lines;
}

export function runTable(runs: CrawlerRun[]): string[] {
  const lines = [
    '| run | crawler | pages | crawl s | pages/s (crawl) | server s | pages/s (server) | end-to-end s | CPU s | peak RSS MB | site CPU s |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  runs.forEach((r, i) => {
    lines.push(
      `| ${i + 1} | ${r.crawler} | ${r.pages} | ${f2(r.crawlSeconds)} | ${f0(rate(r, 'crawl'))} | ${f2(r.server.goodSpanSeconds)} | ${f0(rate(r, 'server'))} | ${f1(r.wallSeconds)} | ${f1(r.cpuSeconds)} | ${f0(r.peakRssMb)} | ${f1(r.serverCpuSeconds)} |`,
    );
  });
  return lines;
}

export interface Ratio {
  peer: CrawlerName;
  clock: Clock;
  value: number;
  target: number;
  /** The ratio in each run (same round), to show its spread. */
  eachRun: number[];
}

export function ratios(byName: Map<CrawlerName, Summary>): Ratio[] {
  const out: Ratio[] = [];
  const g = byName.get('gleaner');
  for (const [peer, target] of [
    ['crawlee', 0.8],
    ['scrapy', 1.5],
  ] as const) {
    const p = byName.get(peer);
    if (g === undefined || p === undefined) continue;
    for (const clock of CLOCKS) {
      out.push({
        peer,
        clock,
        value: g.rates[clock] / p.rates[clock],
        target,
        eachRun: g.ratesEachRun[clock].map((v, i) => v / p.ratesEachRun[clock][i]!),
      });
    }
  }
  return out;
}

export function ratioLines(list: Ratio[], gleaner: Summary | undefined, nproc: number): string[] {
  const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');
  const lines: string[] = [];
  if (gleaner !== undefined) {
    for (const clock of CLOCKS) {
      const r = gleaner.rates[clock];
      lines.push(
        `- Gleaner, ${clock} clock: ${f0(r)} pages/s on ${nproc} cores (target ≥ 100 on 2 cores): ${verdict(r >= 100)}`,
      );
    }
  }
  for (const r of list) {
    const name = r.peer === 'crawlee' ? 'Crawlee' : 'Scrapy';
    const spread = r.eachRun.map((v) => v.toFixed(2)).join(', ');
    lines.push(
      `- Gleaner/${name}, ${r.clock} clock: ${r.value.toFixed(2)}× (target ≥ ${r.target}×; each run: ${spread}): ${verdict(r.value >= r.target)}`,
    );
  }
  return lines;
}

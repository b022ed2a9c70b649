// Browser mining of demo pages, two figures (issue #4):
//  (a) every registered profile at once on N demo pages (default 200): pages per minute, and the peak
//      memory (PSS) of the Chromium process tree (and of the whole tree, Node included);
//  (b) JSON-LD-only browser mining of the same pages (no profiles: Gleaner's full extraction and storage)
//      beside Crawlee's PuppeteerCrawler reading the pages' JSON-LD, on the same Chromium.
// Each run is a child process of its own, sampled for PSS; the demo site runs in another child.
//
//   node --import tsx bench/browser-mining.ts [--runs 1] [--pages 200] [--only all-profiles,jsonld,crawlee]
//     [--crawlee-autoscale]   (Crawlee's default concurrency instead of pinning it to Gleaner's pages in flight)
//
// Results: a table on stdout, bench/results/browser-mining.json, and a markdown block for BENCHMARKS.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultChromePath } from '../src/core/index.js';
import { startDemoSiteProcess } from './lib/demo-site.js';
import { ProcessSampler, type MemoryPeaks } from './lib/process-sampler.js';
import { median } from './lib/report.js';

const REPO = resolve(import.meta.dirname, '..');
/** One browser for both crawlers: Gleaner's default unless CHROME_PATH says otherwise. */
const CHROME = process.env.CHROME_PATH ?? defaultChromePath();
const RESULTS = join(REPO, 'bench', 'results');
type Scenario = 'all-profiles' | 'jsonld' | 'crawlee';
const ALL: Scenario[] = ['all-profiles', 'jsonld', 'crawlee'];
const TARGET_PAGES_PER_MINUTE = 300;
const TARGET_PSS_MB = 600;
const TARGET_RATIO = 3;
const GNU_TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    pages: { type: 'string' },
    only: { type: 'string' },
    'crawlee-autoscale': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs ?? 1);
const pageCount = Number(values.pages ?? 200);
const scenarios = (values.only?.split(',') ?? ALL) as Scenario[];
for (const s of scenarios)
  if (!ALL.includes(s)) throw new Error(`--only: unknown ${s}; known: ${ALL.join(', ')}`);

interface Run {
  scenario: Scenario;
  pages: number;
  pagesFailed: number;
  seconds: number;
  wallSeconds: number;
  /** CPU of the whole child tree (Node and Chromium, user + system), from GNU time. */
  cpuSeconds: number;
  memory: MemoryPeaks;
  /** One-minute load average when the run started and ended: how much the machine was shared. */
  load: [number, number];
  detail: Record<string, unknown>;
}

const site = await startDemoSiteProcess(REPO);
const work = mkdtempSync(join(tmpdir(), 'gleaner-bench-urls-'));
const results: Run[] = [];
let registered: string[] = [];
try {
  const urls = await pickPages(site.url, pageCount);
  const urlsFile = join(work, 'urls.json');
  writeFileSync(urlsFile, JSON.stringify(urls));
  console.log(
    `demo site ${site.url}: ${urls.length} pages (product, article, category, brand pages, evenly picked); ${availableParallelism()} cores`,
  );
  for (let round = 0; round < runs; round += 1) {
    for (const scenario of scenarios) {
      const args =
        scenario === 'crawlee'
          ? [
              '--import',
              'tsx',
              'bench/peers/crawlee-puppeteer.ts',
              urlsFile,
              '--concurrency',
              String(2 * availableParallelism()),
              ...(values['crawlee-autoscale'] ? ['--autoscale'] : []),
            ]
          : [
              '--import',
              'tsx',
              'bench/lib/browser-gleaner-child.ts',
              urlsFile,
              scenario === 'all-profiles' ? 'all' : 'none',
            ];
      const run = await runChild(scenario, args);
      results.push(run);
      if (scenario === 'all-profiles')
        registered = (run.detail.profilesRegistered as string[] | undefined) ?? [];
      console.log(
        `run ${round + 1}/${runs} ${scenario}: ${run.pages} pages (${run.pagesFailed} failed) in ${run.seconds.toFixed(1)} s = ` +
          `${(run.pages / run.seconds).toFixed(2)} pages/s, ${((60 * run.pages) / run.seconds).toFixed(0)} pages/min; ` +
          `CPU ${((1000 * run.cpuSeconds) / run.pages).toFixed(0)} ms/page (whole process, start-up included); ` +
          `crawl CPU ${((1000 * Number(run.detail.crawlCpuSeconds)) / run.pages).toFixed(0)} ms/page; load average ${run.load[0].toFixed(1)} → ${run.load[1].toFixed(1)}; ` +
          `peak PSS Chromium ${run.memory.chromiumPssMb.toFixed(0)} MB (${run.memory.chromiumProcesses} processes), whole tree ${run.memory.treePssMb.toFixed(0)} MB; wall ${run.wallSeconds.toFixed(1)} s`,
      );
      const byKind = run.detail.cpuMsPerPageByKind as Record<string, number> | undefined;
      if (byKind)
        console.log(
          `  crawl CPU ms/page by process: ${Object.entries(byKind)
            .filter(([, ms]) => ms > 0)
            .map(([kind, ms]) => `${kind} ${ms}`)
            .join(', ')}`,
        );
    }
  }
} finally {
  await site.stop();
  rmSync(work, { recursive: true, force: true });
}

const summary = scenarios.map((scenario) => {
  const of = results.filter((r) => r.scenario === scenario);
  return {
    scenario,
    runs: of.length,
    pages: median(of.map((r) => r.pages)),
    failed: median(of.map((r) => r.pagesFailed)),
    seconds: median(of.map((r) => r.seconds)),
    pagesPerSecond: median(of.map((r) => r.pages / r.seconds)),
    pagesPerMinute: median(of.map((r) => (60 * r.pages) / r.seconds)),
    chromiumPssMb: median(of.map((r) => r.memory.chromiumPssMb)),
    treePssMb: median(of.map((r) => r.memory.treePssMb)),
    cpuMsPerPage: median(of.map((r) => (1000 * r.cpuSeconds) / r.pages)),
    crawlCpuMsPerPage: median(of.map((r) => (1000 * Number(r.detail.crawlCpuSeconds)) / r.pages)),
    load: of.map((r) => `${r.load[0].toFixed(1)}→${r.load[1].toFixed(1)}`).join(', '),
  };
});
const by = new Map(summary.map((s) => [s.scenario, s]));
const lines: string[] = [];
const all = by.get('all-profiles');
if (all) {
  const meets = (ok: boolean) => (ok ? 'met' : '**missed**');
  lines.push(
    `- all profiles (${registered.length ? registered.join(', ') : 'none registered'}): ${all.pagesPerMinute.toFixed(0)} pages/min on ${availableParallelism()} cores (target ≥ ${TARGET_PAGES_PER_MINUTE}): ${meets(all.pagesPerMinute >= TARGET_PAGES_PER_MINUTE)}; ` +
      `peak PSS of the Chromium tree ${all.chromiumPssMb.toFixed(0)} MB (target < ${TARGET_PSS_MB}): ${meets(all.chromiumPssMb < TARGET_PSS_MB)}; whole tree with Node ${all.treePssMb.toFixed(0)} MB`,
  );
  const perProfile = results.filter((r) => r.scenario === 'all-profiles').at(-1)?.detail.profiles as
    { profile: string; meanDurationMs: number; meanQuality: number | null; failed: number }[] | undefined;
  if (perProfile && perProfile.length > 0)
    lines.push(
      `- all profiles, mean time a page per profile (gather on the live page, run together, + toAttributes and quality), ms: ` +
        [...perProfile]
          .sort((a, b) => b.meanDurationMs - a.meanDurationMs)
          .map((p) => `${p.profile} ${p.meanDurationMs}${p.failed > 0 ? ` (${p.failed} failed)` : ''}`)
          .join(', '),
    );
  // What the crawl's CPU per page allows when the cores are the crawl's alone (the machine is shared).
  const bound = (60 * 1000 * availableParallelism()) / all.crawlCpuMsPerPage;
  lines.push(
    `- all profiles, CPU-bound estimate: ${all.crawlCpuMsPerPage.toFixed(0)} ms of CPU a page in the crawl → at most ${bound.toFixed(0)} pages/min if the ${availableParallelism()} cores were the crawl's alone (an estimate, not a measurement; load average ${loadavg()[0]!.toFixed(1)} at the end)`,
  );
}
const ours = by.get('jsonld');
const peer = by.get('crawlee');
if (ours && peer) {
  const each = results
    .filter((r) => r.scenario === 'jsonld')
    .map((r, i) => {
      const p = results.filter((x) => x.scenario === 'crawlee')[i];
      return p ? (r.pages / r.seconds / (p.pages / p.seconds)).toFixed(2) : '–';
    });
  const ratio = ours.pagesPerSecond / peer.pagesPerSecond;
  const cpuRatio = peer.crawlCpuMsPerPage / ours.crawlCpuMsPerPage;
  const cpuWords = cpuRatio >= 1 ? `${cpuRatio.toFixed(2)}× less` : `${(1 / cpuRatio).toFixed(2)}× more`;
  lines.push(
    `- JSON-LD-only: Gleaner ${ours.pagesPerSecond.toFixed(2)} pages/s, Crawlee PuppeteerCrawler ${peer.pagesPerSecond.toFixed(2)} pages/s: ` +
      `${ratio.toFixed(2)}× (target ≥ ${TARGET_RATIO}×; each run: ${each.join(', ')}): ${ratio >= TARGET_RATIO ? 'met' : '**missed**'}; ` +
      `CPU per page in the crawl (Node and Chromium): ${ours.crawlCpuMsPerPage.toFixed(0)} ms against ${peer.crawlCpuMsPerPage.toFixed(0)} ms, ${cpuWords}`,
  );
}

const command = `node --import tsx bench/browser-mining.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
const markdown = [
  `### Browser mining of demo pages (${new Date().toISOString().slice(0, 10)})`,
  '',
  `${availableParallelism()} cores (${cpuModel()}), Node ${process.version}, ${chromiumVersion()}, Crawlee ${crawleeVersion()}; ` +
    `${pageCount} demo pages (the sitemap's products and articles, evenly picked) given as start URLs at depth 0; medians of ${runs} run(s). ` +
    "\"s\": the crawler's own clock (for Gleaner the job's startedAt→finishedAt). PSS: peaks sampled every 250 ms from /proc/<pid>/smaps_rollup over the child's process tree. " +
    `Command: \`${command}\``,
  '',
  '| run | pages | failed | s | pages/s | pages/min | CPU ms/page, crawl | CPU ms/page, whole process | peak PSS Chromium MB | peak PSS whole tree MB | load average |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...summary.map(
    (s) =>
      `| ${s.scenario} | ${s.pages} | ${s.failed} | ${s.seconds.toFixed(1)} | **${s.pagesPerSecond.toFixed(2)}** | ${s.pagesPerMinute.toFixed(0)} | ${s.crawlCpuMsPerPage.toFixed(0)} | ${s.cpuMsPerPage.toFixed(0)} | ${s.chromiumPssMb.toFixed(0)} | ${s.treePssMb.toFixed(0)} | ${s.load} |`,
  ),
  '',
  ...lines,
];
console.log(`\nFor BENCHMARKS.md:\n\n${markdown.join('\n')}\n`);
mkdirSync(RESULTS, { recursive: true });
const file = join(RESULTS, 'browser-mining.json');
writeFileSync(file, `${JSON.stringify({ command, registered, summary, runs: results }, null, 2)}\n`);
console.log(`results: ${file}`);

/** `count` pages of the demo site, evenly spaced over its sitemap (products and articles) and its listings. */
async function pickPages(origin: string, count: number): Promise<string[]> {
  const sitemap = await (await fetch(`${origin}/sitemap.xml`)).text();
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  const home = await (await fetch(`${origin}/`)).text();
  const listings = [...home.matchAll(/href="(\/(?:category|brand)[^"#]*)"/g)].map((m) => origin + m[1]!);
  const pool = [...new Set([...listings, ...listed])];
  const step = pool.length / count;
  return Array.from({ length: Math.min(count, pool.length) }, (_, i) => pool[Math.floor(i * step)]!);
}

async function runChild(scenario: Scenario, args: string[]): Promise<Run> {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const timeFile = join(work, `time-${scenario}`);
  // GNU time reports the CPU of the child and of every descendant it reaped (Chromium's processes).
  const child = spawn(GNU_TIME, ['-o', timeFile, '-f', '%U %S', process.execPath, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnv(),
  });
  const sampler = new ProcessSampler(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('close', done);
  });
  const memory = sampler.stop();
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{'))
    throw new Error(`${scenario}: node ${args.join(' ')} exited ${String(code)}\n${stderr.slice(-4000)}`);
  const detail = JSON.parse(line) as Record<string, unknown>;
  const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return {
    cpuSeconds: user! + system!,
    scenario,
    pages: Number(detail.pages),
    pagesFailed: Number(detail.pagesFailed),
    seconds: Number(detail.seconds),
    wallSeconds: (performance.now() - started) / 1000,
    memory,
    load: [loadBefore, loadavg()[0]!],
    detail,
  };
}

function cleanEnv(): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('GLEANER_') && key !== 'DATABASE_URL'),
    ),
    CHROME_PATH: CHROME,
  };
}

function cpuModel(): string {
  return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
}

function crawleeVersion(): string {
  return (
    JSON.parse(readFileSync(join(REPO, 'node_modules/@crawlee/puppeteer/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

function chromiumVersion(): string {
  try {
    const version = execFileSync(CHROME, ['--version'], { encoding: 'utf8' }).trim();
    return `${version} (${CHROME}, for both crawlers)`;
  } catch {
    return `Chromium (${CHROME})`;
  }
}

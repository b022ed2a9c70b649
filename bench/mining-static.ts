// Static mining of the demo site (1,000+ pages): Gleaner (crawl + extraction + storage) against bare
// Crawlee CheerioCrawler and Scrapy (crawl only), in one run, on the same pages. Each crawler is its own
// child process (so its peak RSS is its own), and all meet one demo-site server in another child.
//
//   node --import tsx bench/mining-static.ts [--runs 3] [--only gleaner,crawlee,scrapy] [--cpu-prof]
//
// --cpu-prof runs Gleaner alone under `node --cpu-prof` with a PGlite SQL timer preloaded, and prints
// where its time goes, phase by phase (files in bench/results/profiles; figures slightly slowed).
// Results: a table on stdout, bench/results/mining-static.json, and a markdown block for BENCHMARKS.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuild } from './lib/build.js';
import { runCrawler, type CrawlerName, type CrawlerRun } from './lib/crawlers.js';
import { startDemoSiteProcess } from './lib/demo-site.js';
import { checkGnuTime } from './lib/measure.js';
import { printProfile, profilingFlags } from './lib/profile-report.js';
import {
  describeMachine,
  FETCHES,
  markdownTable,
  median,
  rate,
  ratioLines,
  ratios,
  runTable,
  summarise,
} from './lib/report.js';

const REPO = resolve(import.meta.dirname, '..');
const RESULTS = join(REPO, 'bench', 'results');
const PROFILES = join(RESULTS, 'profiles');
const SQL_TIMINGS = join(PROFILES, 'sql-timings.json');
const ALL: CrawlerName[] = ['gleaner', 'crawlee', 'scrapy'];

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    only: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const cpuProf = values['cpu-prof'];
const runs = Number(values.runs ?? (cpuProf ? 1 : 3));
const crawlers = cpuProf
  ? (['gleaner'] as CrawlerName[])
  : ((values.only?.split(',') ?? ALL) as CrawlerName[]);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
for (const c of crawlers)
  if (!ALL.includes(c)) throw new Error(`--only: unknown crawler ${c}; known: ${ALL.join(', ')}`);

checkGnuTime();
ensureBuild(REPO);
if (cpuProf) mkdirSync(PROFILES, { recursive: true });
const machine = describeMachine(REPO);
const site = await startDemoSiteProcess(REPO);
console.log(
  `demo site ${site.url}: ${site.reachablePages} reachable HTML pages; ${machine.nproc} cores, ${machine.cpuModel}`,
);

const results: CrawlerRun[] = [];
try {
  for (let round = 0; round < runs; round += 1) {
    // Rotate the order so that no crawler always goes first (cold server) or last.
    const order = crawlers.map((_, i) => crawlers[(i + round) % crawlers.length]!);
    for (const crawler of order) {
      const run = await runCrawler(crawler, site, {
        repo: REPO,
        gleanerNodeFlags: cpuProf ? profilingFlags(PROFILES) : [],
        gleanerEnv: cpuProf ? { BENCH_SQL_TIMINGS: SQL_TIMINGS } : {},
      });
      results.push(run);
      console.log(
        `run ${round + 1}/${runs} ${crawler}: ${run.pages} pages in ${run.crawlSeconds.toFixed(2)} s = ${rate(run).toFixed(0)} pages/s; server clock ${run.server.goodPages} pages in ${run.server.goodSpanSeconds.toFixed(2)} s = ${rate(run, 'server').toFixed(0)} pages/s (end-to-end ${run.wallSeconds.toFixed(1)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB)`,
      );
    }
  }
} finally {
  await site.stop();
}

const summaries = crawlers.map((c) =>
  summarise(
    c,
    results.filter((r) => r.crawler === c),
  ),
);
const byName = new Map(summaries.map((s) => [s.crawler, s]));
const ratioList = ratios(byName);

// Gleaner's start-up: spawn to the job's start, mostly creating the PGlite database in the fresh data dir.
const gleanerRuns = results.filter((r) => r.crawler === 'gleaner');
const startup =
  gleanerRuns.length === 0
    ? NaN
    : median(gleanerRuns.map((r) => Date.parse(String(r.detail.startedAt)) - r.spawnedAt)) / 1000;

const command = `node --import tsx bench/mining-static.ts${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
const markdown = [
  `### Static mining of the demo site (${machine.date})`,
  '',
  `${machine.nproc} cores (${machine.cpuModel}), Node ${machine.node}, Crawlee ${machine.crawlee}, Scrapy ${machine.scrapy}; ` +
    `demo site with ${site.reachablePages} reachable pages in its own process; 16 concurrent requests each; medians of ${runs} run(s). ` +
    '"crawl": the crawler\'s own count and clock, start to finish (for Gleaner the job\'s startedAt→finishedAt, ' +
    `without its start-up: spawn → job started took ${startup.toFixed(1)} s, mostly creating PGlite in a fresh data dir). ` +
    '"server": distinct 200 HTML pages outside /bad/ over the time from the first ' +
    'request to the last of them, as the demo site saw it: one clock for all, blind to how each crawler ends ' +
    '(retry back-off on /bad/server-error, /bad/slow). "end-to-end": the whole process. Command: `' +
    command +
    '`',
  '',
  ...markdownTable(summaries),
  '',
  ...ratioLines(ratioList, byName.get('gleaner'), machine.nproc),
  '',
  'What each fetched:',
  ...crawlers.map((c) => `- ${c}: ${FETCHES[c]}`),
];

console.log(`\nEach run:\n${runTable(results).join('\n')}`);
console.log(`\nFor BENCHMARKS.md:\n\n${markdown.join('\n')}\n`);

mkdirSync(RESULTS, { recursive: true });
const resultsFile = join(RESULTS, cpuProf ? 'mining-static-profiled.json' : 'mining-static.json');
writeFileSync(
  resultsFile,
  `${JSON.stringify({ machine, command, profiled: cpuProf, summaries, ratios: ratioList, runs: results }, null, 2)}\n`,
);
console.log(`results: ${resultsFile}`);

if (cpuProf)
  printProfile(
    results.find((r) => r.crawler === 'gleaner')!,
    PROFILES,
    SQL_TIMINGS,
  );

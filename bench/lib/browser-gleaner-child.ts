// One Gleaner browser-mining run for bench/browser-mining.ts, in a process of its own (so that its memory
// is its own): an embedded Gleaner in a fresh data folder mines the given URLs (depth 0, no sitemaps) with
// --render browser and the given profiles, then prints {"pages","seconds",...} as one JSON line.
// Usage: node --import tsx bench/lib/browser-gleaner-child.ts <urls.json> <profiles: all|none|a,b>
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/index.js';
import { listProfiles } from '../../src/profiles/index.js';
import { startGleaner } from '../../src/runtime/index.js';
import { treeCpuByKind, treeCpuSeconds } from './process-cpu.js';

const [urlsFile, profilesArg = 'none'] = process.argv.slice(2);
if (urlsFile === undefined) throw new Error('usage: browser-gleaner-child.ts <urls.json> <all|none|a,b>');
const urls = JSON.parse(readFileSync(urlsFile, 'utf8')) as string[];
const profiles = profilesArg === 'none' ? [] : profilesArg.split(',');

const dataDir = mkdtempSync(join(tmpdir(), 'gleaner-bench-browser-'));
// Only what the benchmark sets: no GLEANER_* of the caller's shell leaks in.
const config = resolveConfig({
  options: {
    dataDir,
    logLevel: 'warn',
    crawlConcurrency: 16,
    perHostConcurrency: 16,
    ...(process.env.CHROME_PATH ? { chromePath: process.env.CHROME_PATH } : {}),
    ...(process.env.BENCH_TABS ? { browserConcurrency: Number(process.env.BENCH_TABS) } : {}),
  },
  env: {},
});
const gleaner = await startGleaner({ config });
try {
  const cpuBefore = treeCpuSeconds();
  const kindsBefore = treeCpuByKind();
  const nodeBefore = process.cpuUsage();
  const job = await gleaner.mining.submit(
    {
      topic: 'bench',
      startUrls: urls,
      render: 'browser',
      profiles,
      maxDepth: 0,
      maxPages: urls.length,
      useSitemaps: false,
    },
    { allowPrivateAddresses: true },
  );
  const done = new Promise<void>((resolve) =>
    gleaner.mining.on('slice', ({ jobId, status }) => {
      if (jobId === job.id && status !== null) resolve();
    }),
  );
  await done;
  const crawlCpuSeconds = treeCpuSeconds() - cpuBefore;
  // CPU per page by process kind (Node, Chromium's browser, renderers, GPU, network service), ms.
  const cpuMsPerPageByKind = Object.fromEntries(
    [...treeCpuByKind()].map(([kind, seconds]) => [
      kind,
      Math.round((1000 * (seconds - (kindsBefore.get(kind) ?? 0))) / urls.length),
    ]),
  );
  const nodeUsage = process.cpuUsage(nodeBefore);
  const nodeCpuSeconds = (nodeUsage.user + nodeUsage.system) / 1e6;
  const report = await gleaner.mining.report(job.id);
  const seconds = (report.finishedAt!.getTime() - report.startedAt!.getTime()) / 1000;
  process.stdout.write(
    `${JSON.stringify({
      pages: report.pagesStored + report.pagesFailed,
      pagesOk: report.pagesStored,
      pagesFailed: report.pagesFailed,
      seconds,
      crawlCpuSeconds,
      cpuMsPerPageByKind,
      nodeCpuSeconds,
      status: report.status,
      profilesAsked: profiles,
      profilesRegistered: listProfiles().map((p) => p.name),
      profiles: report.profiles,
      errors: report.errors,
      tabs: config.browserConcurrency || 'cores',
    })}\n`,
  );
} finally {
  await gleaner.close();
  rmSync(dataDir, { recursive: true, force: true });
}

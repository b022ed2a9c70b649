// `bench/mining-static.ts --cpu-prof`: where Gleaner's time goes, phase by phase, from its V8 CPU profile
// and the SQL timer's records.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatSummary, summariseProfile } from './cpuprofile.js';
import type { CrawlerRun } from './crawlers.js';
import { rate } from './report.js';
import { formatSql, sumSql } from './sql-timings.js';

/** Node flags for the Gleaner child: the CPU profile, and the SQL timer preloaded through tsx. */
export function profilingFlags(profilesDir: string): string[] {
  return [
    '--cpu-prof',
    '--cpu-prof-dir',
    profilesDir,
    '--import',
    'tsx',
    // The SQL timer on the main thread only: worker threads inherit these flags, and the extraction
    // workers cannot load a TypeScript file this early (they would fail to start).
    `--import=data:text/javascript,import{isMainThread}from'node:worker_threads';if(isMainThread)await import(${JSON.stringify(
      new URL('./pglite-sql-timer.ts', import.meta.url).href,
    )})`,
  ];
}

/**
 * Phases are placed by wall clock from the spawn (the profiler starts a few tens of ms after it):
 * start-up until the job starts, fetching until the demo site served the last good page, the tail
 * until the job finished, shut-down. The newest main-thread profile in the folder is this run's.
 */
export function printProfile(run: CrawlerRun, profilesDir: string, sqlFile: string): void {
  const newest = readdirSync(profilesDir)
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread; tsx's loader
    // hooks run on another thread, which writes a profile of its own.
    .filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f))
    .map((f) => join(profilesDir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest === undefined) throw new Error(`no .cpuprofile in ${profilesDir}`);
  const at = (epochMs: number) => epochMs - run.spawnedAt;
  const started = at(Date.parse(String(run.detail.startedAt)));
  const lastGood = at(run.server.lastGoodPageAt);
  const finished = at(Date.parse(String(run.detail.finishedAt)));
  const phases: [string, number, number, boolean][] = [
    ['start-up (spawn → job started)', 0, started, false],
    ['fetching (job started → last good page served)', started, lastGood, true],
    ['tail (last good page → job finished)', lastGood, finished, false],
    ['shut-down (job finished → exit)', finished, Infinity, false],
  ];
  console.log(`\nprofile ${newest} (${rate(run).toFixed(0)} pages/s while profiled)`);
  for (const [title, fromMs, toMs, detailed] of phases) {
    console.log(
      formatSummary(title, summariseProfile(newest, { fromMs, toMs }, detailed ? 25 : 8), detailed).join(
        '\n',
      ),
    );
    const sql = sumSql(sqlFile, run.spawnedAt + fromMs, run.spawnedAt + toMs);
    console.log(formatSql(`  SQL in ${title.split(' ')[0]}`, sql, detailed ? 15 : 5).join('\n  '));
  }
}

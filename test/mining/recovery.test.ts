import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/index.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { startGleaner } from '../../src/runtime/index.js';
import { listPages } from '../../src/store/index.js';
import { createPostgresDatabase } from '../harness/databases.js';
import { TEST_CONFIG, waitForFinalJob } from '../harness/gleaner.js';
import { spawnGleaner, type Spawned } from '../harness/processes.js';

// Workers that crawl slowly (one request at a time, 100 ms apart), so a kill lands mid-job.
const SLOW_WORKER_ENV = {
  GLEANER_LOG_LEVEL: 'debug',
  GLEANER_PER_HOST_CONCURRENCY: '1',
  GLEANER_PER_HOST_DELAY_MS: '100',
  GLEANER_SLICE_SECONDS: '2',
};
const FAST_WORKER_ENV = { GLEANER_LOG_LEVEL: 'info', GLEANER_SLICE_SECONDS: '2' };
const MAX_PAGES = 150;

const storedAtLeast = (n: number) => (line: Record<string, unknown>) =>
  line.msg === 'mining slice done' && Number(line.pagesStored) >= n;
const sliceStarted = (line: Record<string, unknown>) => line.msg === 'mining slice started';

/** Kill a worker in the middle of a slice: its queue message is then active, held by a dead process. */
async function killMidSlice(worker: Spawned): Promise<Record<string, unknown>> {
  const progress = await worker.waitForLog(storedAtLeast(10));
  await worker.waitForLog(sliceStarted);
  await new Promise((r) => setTimeout(r, 500));
  worker.child.kill('SIGKILL');
  await worker.exited;
  return progress;
}

describe('recovery from killed workers', () => {
  let site: DemoSite;
  const children: Spawned[] = [];
  beforeAll(async () => {
    site = await startDemoSite({ products: 200, articles: 20, slowPageDelayMs: 200 });
  });
  afterAll(async () => {
    for (const c of children) c.child.kill('SIGKILL');
    await site?.close();
  });

  it('on PostgreSQL, a job whose worker is SIGKILLed comes back and completes within 30 s', async () => {
    const databaseUrl = await createPostgresDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'gleaner-recovery-'));
    const api = await startGleaner({
      config: resolveConfig({ options: { ...TEST_CONFIG, dataDir, databaseUrl }, env: {} }),
      workers: 0,
    });
    try {
      const first = spawnGleaner(['worker', '--database-url', databaseUrl], SLOW_WORKER_ENV);
      children.push(first);
      const job = await api.mining.submit(
        { topic: 'recovery', startUrls: [`${site.url}/`], maxPages: MAX_PAGES },
        { allowPrivateAddresses: true },
      );
      await killMidSlice(first);
      const killedAt = Date.now();
      const before = await api.mining.get(job.id);
      expect(before.status).toBe('running');
      expect(before.pagesStored + before.pagesFailed).toBeLessThan(MAX_PAGES);

      const second = spawnGleaner(['worker', '--database-url', databaseUrl], FAST_WORKER_ENV);
      children.push(second);
      const done = await waitForFinalJob(api, job.id, 45_000);
      expect(done.status).toBe('completed');
      const recoveryMs = done.finishedAt!.getTime() - killedAt;
      console.info(`killed worker's job completed ${recoveryMs} ms after the kill`);
      expect(recoveryMs).toBeLessThan(30_000);
      const pages = await listPages(api.db, { jobId: job.id, limit: 10_000, offset: 0 });
      expect(pages.length).toBe(MAX_PAGES);
      expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('embedded, a mining process killed mid-job loses no stored page and the job resumes where it stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gleaner-resume-'));
    try {
      const miner = spawnGleaner(
        [
          '--data-dir',
          dataDir,
          'mine',
          `${site.url}/`,
          '--topic',
          'resume',
          '--allow-private',
          '--max-pages',
          String(MAX_PAGES),
        ],
        SLOW_WORKER_ENV,
      );
      children.push(miner);
      const progress = await killMidSlice(miner);

      const config = resolveConfig({ options: { ...TEST_CONFIG, dataDir }, env: {} });
      const jobId = Number(progress.jobId);
      const inspect = await startGleaner({ config, workers: 0 });
      const kept = await listPages(inspect.db, { jobId, limit: 10_000, offset: 0 }).finally(() =>
        inspect.close(),
      );
      expect(kept.length).toBeGreaterThanOrEqual(Number(progress.pagesStored));

      // A new process on the same folder takes over the dead one's lock and resumes its job at once.
      const resumedAt = Date.now();
      const gleaner = await startGleaner({ config, workers: 2 });
      try {
        const done = await waitForFinalJob(gleaner, jobId, 60_000);
        expect(done.status).toBe('completed');
        expect(Date.now() - resumedAt).toBeLessThan(config.jobExpireSeconds * 1000);
        const pages = await listPages(gleaner.db, { jobId, limit: 10_000, offset: 0 });
        expect(pages.length).toBe(MAX_PAGES);
        expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
        // What was stored before the kill was not fetched again: same rows, same fetch times.
        const after = new Map(pages.map((p) => [p.url, p]));
        for (const page of kept) {
          expect(after.get(page.url)?.id).toBe(page.id);
          expect(after.get(page.url)?.fetchedAt.getTime()).toBe(page.fetchedAt.getTime());
        }
      } finally {
        await gleaner.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

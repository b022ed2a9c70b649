import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type GleanerConfigOptions } from '../../src/core/index.js';
import { startGleaner, type Gleaner } from '../../src/runtime/index.js';
import { createPostgresDatabase, type Backend } from './databases.js';

/** Settings that keep tests quick: short backoffs and slices, quiet logs. */
export const TEST_CONFIG: GleanerConfigOptions = {
  logLevel: 'silent',
  retryBaseDelayMs: 20,
  maxRetries: 2,
  sliceSeconds: 2,
  maintenanceIntervalSeconds: 1,
};

export interface TestGleaner {
  gleaner: Gleaner;
  dataDir: string;
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

/** A Gleaner on a fresh database of the given backend, with `workers` mining workers in this process. */
export async function startTestGleaner(
  backend: Backend,
  options: GleanerConfigOptions & { workers?: number } = {},
): Promise<TestGleaner> {
  const { workers, ...overrides } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'gleaner-test-'));
  const databaseUrl = backend === 'postgres' ? await createPostgresDatabase() : undefined;
  const config = resolveConfig({ options: { ...TEST_CONFIG, dataDir, databaseUrl, ...overrides }, env: {} });
  const gleaner = await startGleaner({ config, ...(workers === undefined ? {} : { workers }) });
  return {
    gleaner,
    dataDir,
    databaseUrl,
    async close() {
      await gleaner.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Wait until a mining job is final (or `timeoutMs` passes), polling its row like a client would. */
export async function waitForFinalJob(
  gleaner: Gleaner,
  jobId: number,
  timeoutMs = 60_000,
): Promise<Awaited<ReturnType<Gleaner['mining']['report']>>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await gleaner.mining.report(jobId);
    if (!['queued', 'running'].includes(job.status)) return job;
    if (Date.now() > until)
      throw new Error(
        `job ${jobId} still ${job.status} after ${timeoutMs} ms: ${JSON.stringify({ stored: job.pagesStored, frontier: job.frontier })}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

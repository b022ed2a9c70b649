import { DEFAULT_TOPIC_RULES } from '../../src/datasets/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, resolveConfig } from '../../src/core/index.js';
import { ExtractionPool } from '../../src/extract/index.js';
import { JobRuntimes, parseMiningJob, SliceRunner } from '../../src/mining/index.js';
import { insertMiningJob, type Database } from '../../src/store/index.js';
import { openTestDatabase } from '../harness/databases.js';

const config = resolveConfig({ options: { logLevel: 'silent' }, env: {} });

describe('a slice that finds the job leased', () => {
  let db: Database;
  let runner: SliceRunner;
  const pool = new ExtractionPool({ workers: 1, timeoutMs: 1000, maxMemoryMb: 256 });
  const spec = parseMiningJob({ topic: 't', startUrls: ['http://127.0.0.1:9/'] }, config, true);

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    runner = new SliceRunner(
      db,
      new JobRuntimes(config, pool, null, async () => DEFAULT_TOPIC_RULES),
      config,
      createLogger({ level: 'silent' }),
    );
  });
  afterAll(async () => {
    await pool.close();
    await db?.close();
  });

  async function leasedJob(remainingSeconds: number): Promise<number> {
    const job = await insertMiningJob(db, { topic: 't', renderMode: 'static', spec });
    await db.query(
      `UPDATE mining_jobs SET status = 'running', lease_owner = 'other', lease_until = now() + make_interval(secs => $2) WHERE id = $1`,
      [job.id, remainingSeconds],
    );
    return job.id;
  }

  it('leaves the job to a holder that renewed its lease lately', async () => {
    expect(await runner.run(await leasedJob(runner.leaseSeconds - 1), spec)).toEqual({
      next: 'done',
      status: 'busy',
    });
  });

  it('asks for a slice after a stale lease lapses: its holder is presumed dead', async () => {
    const result = await runner.run(await leasedJob(6), spec);
    expect(result.next).toBe('continue');
    // Just after the lease lapses: 6 s left, plus a second.
    expect(result.next === 'continue' && result.delayMs).toBeGreaterThan(6000);
    expect(result.next === 'continue' && result.delayMs).toBeLessThanOrEqual(7000);
  });

  it('does nothing for a finished job', async () => {
    const id = await leasedJob(1);
    await db.query(`UPDATE mining_jobs SET status = 'completed' WHERE id = $1`, [id]);
    expect(await runner.run(id, spec)).toEqual({ next: 'done', status: 'busy' });
  });
});

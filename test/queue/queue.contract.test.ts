import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/index.js';
import { JobQueue, QUEUES } from '../../src/queue/index.js';
import { insertMiningJob, type Database } from '../../src/store/index.js';
import { BACKENDS, openTestDatabase } from '../harness/databases.js';

const settings = {
  jobExpireSeconds: 15,
  trainJobExpireSeconds: 60,
  maintenanceIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
};

describe.each(BACKENDS)('job queue on %s', (backend) => {
  let db: Database;
  let queue: JobQueue;
  const seen: { id: number; retryCount: number }[] = [];
  const waiters: { id: number; retryCount: number; resolve: () => void }[] = [];
  let failFirst = new Set<number>();

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    queue = new JobQueue(db, settings, createLogger({ level: 'silent' }));
    queue.on('error', () => undefined);
    await queue.work(QUEUES.mine, 2, async ({ miningJobId }, { retryCount }) => {
      seen.push({ id: miningJobId, retryCount });
      for (const w of waiters.filter((w) => w.id === miningJobId && w.retryCount === retryCount)) w.resolve();
      if (failFirst.has(miningJobId)) {
        failFirst.delete(miningJobId);
        throw new Error('first attempt fails');
      }
    });
  });
  afterAll(async () => {
    await queue?.stop();
    await db?.close();
  });

  // Resolves when the message has been handled, also when that happened before the wait began (a worker
  // may poll between the send and this call).
  const handled = (id: number, retryCount = 0) =>
    new Promise<void>((resolve) => {
      if (seen.some((s) => s.id === id && s.retryCount === retryCount)) resolve();
      else waiters.push({ id, retryCount, resolve });
    });

  it('delivers a message sent in a committed transaction, not one rolled back', async () => {
    const kept = await db.transaction(async (tx) => {
      const job = await insertMiningJob(tx, { topic: 't', renderMode: 'static', spec: {} });
      await queue.send(QUEUES.mine, { miningJobId: job.id }, { tx });
      return job.id;
    });
    await expect(
      db.transaction(async (tx) => {
        await queue.send(QUEUES.mine, { miningJobId: 999_999 }, { tx });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await handled(kept);
    const other = await queue.send(QUEUES.mine, { miningJobId: 424_242 });
    expect(other).toBeTruthy();
    await handled(424_242);
    expect(seen.some((s) => s.id === 999_999)).toBe(false);
  });

  it('retries a message whose handler threw', async () => {
    failFirst = new Set([777]);
    await queue.send(QUEUES.mine, { miningJobId: 777 });
    await handled(777, 1);
    expect(seen.filter((s) => s.id === 777).map((s) => s.retryCount)).toEqual([0, 1]);
  });

  it('refuses a malformed payload at send', async () => {
    await expect(queue.send(QUEUES.mine, { miningJobId: 'x' })).rejects.toThrow(/queue mine/);
  });
});

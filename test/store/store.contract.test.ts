import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  migrate,
  insertMiningJob,
  getMiningJob,
  acquireLease,
  renewLease,
  releaseLease,
  finishMiningJob,
  enqueueUrls,
  nextPending,
  settleUrls,
  deferUrl,
  frontierCounts,
  upsertPages,
  listPages,
  backlinks,
  addJobCounts,
  type Database,
  type PageWrite,
} from '../../src/store/index.js';
import { BACKENDS, openTestDatabase } from '../harness/databases.js';

function page(url: string, links: string[], extra: Partial<PageWrite> = {}): PageWrite {
  return {
    url,
    finalUrl: url,
    depth: 0,
    httpStatus: 200,
    contentHash: 'h',
    contentType: 'text/html',
    bytes: 10,
    fetchedAt: new Date(),
    timings: { total: 1 },
    redirects: [],
    error: null,
    errorCode: null,
    extraction: { title: url },
    links: links.map((toUrl) => ({ toUrl, anchorText: `to ${toUrl}`, rel: '', internal: true })),
    ...extra,
  };
}

describe.each(BACKENDS)('store on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('applies migrations once and refuses an edited one', async () => {
    expect((await migrate(db)).applied).toEqual([]);
    await db.query(`UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`);
    await expect(migrate(db)).rejects.toThrow(/must never be edited/);
    const { rows } = await db.query<{ checksum: string }>(
      'SELECT checksum FROM schema_migrations WHERE version = 1',
    );
    expect(rows[0]!.checksum).toBe('edited');
    await db.query(`DELETE FROM schema_migrations WHERE version = 1`);
    await db.query(`INSERT INTO schema_migrations (version, name, checksum) SELECT 1, 'mining', $1`, [
      (await import('../../src/core/index.js')).contentHash(
        (await import('../../src/store/index.js')).MIGRATIONS[0]!.sql,
      ),
    ]);
    expect((await migrate(db)).applied).toEqual([]);
  });

  it('gives one worker the lease at a time and lets a lapsed lease go', async () => {
    const job = await insertMiningJob(db, {
      topic: 't',
      renderMode: 'static',
      spec: { startUrls: ['http://a.test/'] },
    });
    expect(job.status).toBe('queued');
    const first = await acquireLease(db, job.id, 'w1', 30);
    expect(first?.status).toBe('running');
    expect(await acquireLease(db, job.id, 'w2', 30)).toBeNull();
    expect(await renewLease(db, job.id, 'w1', 30)).toBe('running');
    await releaseLease(db, job.id, 'w1');
    expect(await acquireLease(db, job.id, 'w2', 0)).not.toBeNull();
    // w2's zero-second lease has lapsed: w3 may take over from a dead worker.
    expect(await acquireLease(db, job.id, 'w3', 30)).not.toBeNull();
    expect(await finishMiningJob(db, job.id, 'cancelled')).toBe(true);
    expect(await finishMiningJob(db, job.id, 'completed')).toBe(false);
    expect((await getMiningJob(db, job.id))?.status).toBe('cancelled');
    expect(await acquireLease(db, job.id, 'w4', 30)).toBeNull();
  });

  it('keeps the frontier unique, ordered by depth, and defers retries', async () => {
    const job = await insertMiningJob(db, { topic: 't', renderMode: 'static', spec: {} });
    expect(
      await enqueueUrls(db, job.id, [
        { url: 'http://a.test/2', depth: 1 },
        { url: 'http://a.test/', depth: 0 },
      ]),
    ).toBe(2);
    expect(
      await enqueueUrls(db, job.id, [
        { url: 'http://a.test/', depth: 0 },
        { url: 'http://a.test/3', depth: 2 },
      ]),
    ).toBe(1);
    expect((await nextPending(db, job.id, 10, [])).map((e) => e.url)).toEqual([
      'http://a.test/',
      'http://a.test/2',
      'http://a.test/3',
    ]);
    expect((await nextPending(db, job.id, 10, ['http://a.test/'])).map((e) => e.url)).toEqual([
      'http://a.test/2',
      'http://a.test/3',
    ]);
    await deferUrl(db, job.id, 'http://a.test/2', 60_000, 'HTTP 503');
    await settleUrls(db, job.id, [
      { url: 'http://a.test/', state: 'done', reason: null },
      { url: 'http://a.test/3', state: 'skipped', reason: 'robots-disallowed' },
    ]);
    const counts = await frontierCounts(db, job.id);
    expect(counts).toMatchObject({ pending: 1, due: 0, done: 1, skipped: 1, failed: 0 });
    expect(counts.nextDueInMs).toBeGreaterThan(50_000);
  });

  it('replaces a page and its links on re-run, and answers backlinks', async () => {
    const job = await insertMiningJob(db, { topic: 't', renderMode: 'static', spec: {} });
    await upsertPages(db, job.id, [
      page('http://a.test/', ['http://a.test/x', 'http://a.test/y']),
      page('http://a.test/x', ['http://a.test/y']),
    ]);
    await upsertPages(db, job.id, [page('http://a.test/', ['http://a.test/y'], { httpStatus: 203 })]);
    const pages = await listPages(db, { jobId: job.id, limit: 10, offset: 0 });
    expect(pages).toHaveLength(2);
    expect(pages.find((p) => p.url === 'http://a.test/')?.httpStatus).toBe(203);
    expect((await backlinks(db, job.id, 'http://a.test/y')).map((b) => b.fromUrl).sort()).toEqual([
      'http://a.test/',
      'http://a.test/x',
    ]);
    expect(await backlinks(db, job.id, 'http://a.test/x')).toEqual([]);
  });

  it('rolls a failed transaction back whole', async () => {
    const job = await insertMiningJob(db, { topic: 't', renderMode: 'static', spec: {} });
    await expect(
      db.transaction(async (tx) => {
        await addJobCounts(tx, job.id, { pagesStored: 5 });
        await upsertPages(tx, job.id, [page('http://a.test/p', [])]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await getMiningJob(db, job.id))?.pagesStored).toBe(0);
    expect(await listPages(db, { jobId: job.id, limit: 10, offset: 0 })).toEqual([]);
  });
});

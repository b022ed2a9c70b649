import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/index.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { startTestGleaner, waitForFinalJob, type TestGleaner } from '../harness/gleaner.js';

const KEY = 'records-key';

describe('records, topics and training jobs over HTTP', () => {
  let t: TestGleaner;
  let app: FastifyInstance;
  let site: DemoSite;
  const headers = { 'x-api-key': KEY };

  beforeAll(async () => {
    site = await startDemoSite({ products: 40, articles: 5, slowPageDelayMs: 100 });
    // Training is asked for by hand here and no worker runs it, so the queued job stays to be looked at.
    t = await startTestGleaner('pglite', { autoTrain: false, trainWorkers: 0 });
    app = buildApi(t.gleaner, { apiKeys: [KEY], version: 'test' });
    const job = await t.gleaner.mining.submit(
      { topic: 'api-shop', startUrls: [`${site.url}/`], maxPages: 400 },
      { allowPrivateAddresses: true },
    );
    await waitForFinalJob(t.gleaner, job.id, 120_000);
  }, 150_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
    await site?.close();
  });

  it('lists and filters records, and shows one', async () => {
    const all = (
      await app.inject({ method: 'GET', url: '/api/records?topic=api-shop&limit=1000', headers })
    ).json();
    expect(all.items.length).toBe(site.truth.products.length);
    const flagged = (
      await app.inject({
        method: 'GET',
        url: '/api/records?topic=api-shop&needsTrainingData=true&limit=1000',
        headers,
      })
    ).json();
    expect(flagged.items.length).toBeGreaterThan(0);
    expect(flagged.items.every((r: { needsTrainingData: boolean }) => r.needsTrainingData)).toBe(true);
    const good = (
      await app.inject({ method: 'GET', url: '/api/records?minQuality=80&limit=1000', headers })
    ).json();
    expect(good.items.every((r: { quality: number }) => r.quality >= 80)).toBe(true);
    const one = await app.inject({ method: 'GET', url: `/api/records/${all.items[0].id}`, headers });
    expect(one.json().attributes.name.value).toEqual(expect.any(String));
    expect((await app.inject({ method: 'GET', url: '/api/records/999999', headers })).statusCode).toBe(404);
    const bad = await app.inject({ method: 'GET', url: '/api/records?minQuality=200', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/minQuality/);
  });

  it('nearest products of a record', async () => {
    const [record] = (
      await app.inject({ method: 'GET', url: '/api/records?topic=api-shop&limit=1', headers })
    ).json().items;
    const similar = (
      await app.inject({ method: 'GET', url: `/api/records/${record.id}/similar?k=3`, headers })
    ).json();
    expect(similar.items).toHaveLength(3);
    expect(similar.items[0].similarity).toBeLessThanOrEqual(1);
    expect(similar.items.map((s: { id: number }) => s.id)).not.toContain(record.id);
  });

  it("a topic's rules are set, shown and validated", async () => {
    const set = await app.inject({
      method: 'POST',
      url: '/api/topics/api-shop/settings',
      headers,
      payload: { requiredFields: ['name', 'price'], minConfidence: 0.7 },
    });
    expect(set.statusCode).toBe(200);
    const topic = (await app.inject({ method: 'GET', url: '/api/topics/api-shop', headers })).json();
    expect(topic.rules).toMatchObject({ requiredFields: ['name', 'price'], minConfidence: 0.7 });
    expect(topic.records.records).toBe(site.truth.products.length);
    expect(topic.model).toBeNull();
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/topics/api-shop/settings',
      headers,
      payload: { requiredFields: ['name', 'pr ice'] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('requiredFields.1');
  });

  it('queues a training job, which coalesces, and reports it', async () => {
    const first = await app.inject({ method: 'POST', url: '/api/topics/api-shop/train', headers });
    expect(first.statusCode).toBe(202);
    const second = (await app.inject({ method: 'POST', url: '/api/topics/api-shop/train', headers })).json();
    expect(second.job.id).toBe(first.json().job.id);
    const job = (
      await app.inject({ method: 'GET', url: `/api/training-jobs/${first.json().job.id}`, headers })
    ).json();
    expect(job).toMatchObject({ kind: 'attribute-model', topic: 'api-shop' });
    const list = (
      await app.inject({ method: 'GET', url: '/api/training-jobs?topic=api-shop', headers })
    ).json();
    expect(list.items.length).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/index.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { startTestGleaner, waitForFinalJob, type TestGleaner } from '../harness/gleaner.js';

const KEY = 'test-key-1';

describe('HTTP API', () => {
  let t: TestGleaner;
  let app: FastifyInstance;
  let site: DemoSite;
  const auth = { 'x-api-key': KEY };

  beforeAll(async () => {
    site = await startDemoSite({ products: 30, articles: 5, slowPageDelayMs: 100 });
    t = await startTestGleaner('pglite');
    app = buildApi(t.gleaner, { apiKeys: [KEY, 'second-key'], version: 'test' });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    await site?.close();
  });

  it('answers health and the OpenAPI document without a key', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/mining-jobs', '/api/mining-jobs/{id}', '/api/mining-jobs/{id}/cancel']),
    );
    expect(
      doc.paths['/api/mining-jobs'].post.requestBody.content['application/json'].schema.properties.startUrls,
    ).toBeDefined();
  });

  it('refuses requests without a valid key', async () => {
    const none = await app.inject({ method: 'GET', url: '/api/mining-jobs' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.message).toMatch(/x-api-key/);
    expect(
      (await app.inject({ method: 'GET', url: '/api/mining-jobs', headers: { 'x-api-key': 'nope' } }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/mining-jobs',
          headers: { authorization: 'Bearer second-key' },
        })
      ).statusCode,
    ).toBe(200);
  });

  it.each([
    [{ startUrls: ['https://shop.example/'] }, 'topic'],
    [{ topic: 't', startUrls: ['not a url'] }, 'startUrls.0'],
    [{ topic: 't', startUrls: ['ftp://shop.example/'] }, 'startUrls.0'],
    [{ topic: 't', startUrls: ['https://shop.example/'], selectors: { price: 'div[' } }, 'selectors.price'],
    [{ topic: 't', startUrls: ['https://shop.example/'], profiles: ['no_such_profile'] }, 'profiles.0'],
    [{ topic: 't', startUrls: ['https://shop.example/'], include: ['[unclosed'] }, 'include'],
    [{ topic: 't', startUrls: ['https://shop.example/'], maxPages: 0 }, 'maxPages'],
    [{ topic: 't', startUrls: ['https://shop.example/'], colour: 'red' }, 'body'],
    [{ topic: 't', startUrls: ['http://127.0.0.1:8080/'] }, 'startUrls.0'],
    [{ topic: 't', startUrls: ['http://[::1]/'] }, 'startUrls.0'],
    [{ topic: 't', startUrls: ['http://localhost/'] }, 'startUrls.0'],
  ])('answers 400 with the field at fault for %j', async (body, field) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/mining-jobs',
      headers: auth,
      payload: body,
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.field ?? 'body').toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('answers 400 to malformed JSON and 404 to unknown jobs and routes', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/mining-jobs',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"topic": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await app.inject({ method: 'GET', url: '/api/mining-jobs/987654', headers: auth })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: '/api/mining-jobs/abc', headers: auth })).json().error.field,
    ).toBe('id');
    expect((await app.inject({ method: 'GET', url: '/api/nothing-here', headers: auth })).statusCode).toBe(
      404,
    );
  });

  it('runs a job submitted through the API when the operator allows private addresses', async () => {
    const privateApp = buildApi(
      { ...t.gleaner, config: { ...t.gleaner.config, allowPrivateAddresses: true } },
      { apiKeys: [KEY], version: 'test' },
    );
    const created = await privateApp.inject({
      method: 'POST',
      url: '/api/mining-jobs',
      headers: auth,
      payload: { topic: 'api', startUrls: [`${site.url}/`] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    await waitForFinalJob(t.gleaner, id);
    const job = (await app.inject({ method: 'GET', url: `/api/mining-jobs/${id}`, headers: auth })).json();
    expect(job).toMatchObject({ id, status: 'completed', progressPercent: 100 });
    expect(job.pagesStored).toBeGreaterThan(30);
    expect(job.errors.map((e: { errorCode: string }) => e.errorCode)).toEqual(
      expect.arrayContaining(['http-404', 'redirect-loop']),
    );
    const list = (
      await app.inject({ method: 'GET', url: '/api/mining-jobs?status=completed', headers: auth })
    ).json();
    expect(list.items.map((j: { id: number }) => j.id)).toContain(id);
    const bad = (
      await app.inject({ method: 'GET', url: `/api/mining-jobs/${id}/pages?errors=true`, headers: auth })
    ).json();
    expect(bad.items.every((p: { error: string | null }) => p.error !== null)).toBe(true);
    const page = (
      await app.inject({ method: 'GET', url: `/api/pages/${bad.items[0].id}`, headers: auth })
    ).json();
    expect(page.errorCode).toBeTruthy();
    await privateApp.close();
  });

  it('cancels a job', async () => {
    const privateApp = buildApi(
      { ...t.gleaner, config: { ...t.gleaner.config, allowPrivateAddresses: true } },
      { apiKeys: [KEY], version: 'test' },
    );
    const created = (
      await privateApp.inject({
        method: 'POST',
        url: '/api/mining-jobs',
        headers: auth,
        payload: { topic: 'c', startUrls: [`${site.url}/`] },
      })
    ).json();
    const cancelled = await app.inject({
      method: 'POST',
      url: `/api/mining-jobs/${created.id}/cancel`,
      headers: auth,
    });
    expect(cancelled.json().status).toBe('cancelled');
    const final = await waitForFinalJob(t.gleaner, created.id);
    expect(final.status).toBe('cancelled');
    await privateApp.close();
  });
});

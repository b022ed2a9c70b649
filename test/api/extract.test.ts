import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/index.js';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { startTestGleaner, type TestGleaner } from '../harness/gleaner.js';

const KEY = 'k';
const headers = { 'x-api-key': KEY };
const PAGE = `<html lang="en"><head><title>Shoe</title><meta property="og:title" content="Red shoe">
<script type="application/ld+json">{"@type":"Product","name":"Red shoe","sku":"S1"}</script></head>
<body><div itemscope itemtype="https://schema.org/Offer"><span itemprop="price">12.50</span></div><p>Text.</p></body></html>`;

describe('POST /api/extract', () => {
  let t: TestGleaner;
  let app: FastifyInstance;
  let privateApp: FastifyInstance;
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite({ products: 20, articles: 3 });
    t = await startTestGleaner('pglite', { workers: 0 });
    app = buildApi(t.gleaner, { apiKeys: [KEY], version: 'test' });
    privateApp = buildApi(
      { ...t.gleaner, config: { ...t.gleaner.config, allowPrivateAddresses: true } },
      { apiKeys: [KEY], version: 'test' },
    );
  });
  afterAll(async () => {
    await app?.close();
    await privateApp?.close();
    await t?.close();
    await site?.close();
  });

  it("answers a page's facts", async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/extract',
      headers,
      payload: { html: PAGE, url: 'https://shop.test/shoe' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.facts.metadata.title).toBe('Red shoe');
    expect(body.facts.jsonLd[0].sku).toBe('S1');
    expect(body.facts.microdata[0].properties.price).toBe('12.50');
  });

  it("answers structured data in extruct's shapes for the syntaxes asked", async () => {
    const body = (
      await app.inject({
        method: 'POST',
        url: '/api/extract',
        headers,
        payload: { html: PAGE, syntaxes: ['json-ld', 'microdata'], strict: true },
      })
    ).json();
    expect(Object.keys(body.structuredData).sort()).toEqual(['json-ld', 'microdata']);
    expect(body.structuredData.microdata[0].type).toEqual(['https://schema.org/Offer']);
  });

  it('fetches a URL when no HTML is given, through the private-address guard', async () => {
    const product = site.truth.products[0]!;
    const refused = await app.inject({
      method: 'POST',
      url: '/api/extract',
      headers,
      payload: { url: `${site.url}${product.path}` },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('private-address');
    const fetched = (
      await privateApp.inject({
        method: 'POST',
        url: '/api/extract',
        headers,
        payload: { url: `${site.url}${product.path}` },
      })
    ).json();
    expect(fetched.fetched.status).toBe(200);
    expect(fetched.facts.metadata.title).toContain(product.name.split(' ')[0]);
    const missing = await privateApp.inject({
      method: 'POST',
      url: '/api/extract',
      headers,
      payload: { url: `${site.url}/bad/not-found` },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe('http-404');
  });

  it.each([
    [{}, 'html'],
    [{ html: PAGE, syntaxes: ['json-ld', 'yaml'] }, 'syntaxes.1'],
    [{ html: PAGE, url: 'not a url' }, 'url'],
    [{ html: PAGE, colour: 'red' }, 'body'],
  ])('answers 400 naming the field for %j', async (payload, field) => {
    const response = await app.inject({ method: 'POST', url: '/api/extract', headers, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field ?? 'body').toBe(field);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoProductTruth, type DemoSite } from '../../src/demo/index.js';
import { extractPage } from '../../src/extract/index.js';
import { normalizeProduct, type ProductAttributes } from '../../src/normalize/index.js';

/** Product facts and normalization against the demo shop's truth: pages with JSON-LD, microdata and none. */
describe('product attributes of the demo shop', () => {
  let site: DemoSite;
  const results: { truth: DemoProductTruth; attributes: ProductAttributes }[] = [];

  beforeAll(async () => {
    site = await startDemoSite({ products: 240, articles: 5 });
    // Every third product: all three markups, variants and the JSON-LD quirks are in the sample.
    const sample = site.truth.products.filter((_, i) => i % 3 === 0);
    // Fetched first, all at once: extracting between fetches could outlast the server's keep-alive.
    const pages = await Promise.all(
      sample.map(async (truth) => {
        const url = `${site.url}${truth.path}`;
        return { truth, url, html: await (await fetch(url)).text() };
      }),
    );
    for (const { truth, url, html } of pages) {
      const facts = extractPage(html, { url, product: true });
      results.push({ truth, attributes: normalizeProduct(facts.product!, { url }) });
    }
  });
  afterAll(() => site.close());

  it('samples every kind of page', () => {
    const markups = new Set(results.map((r) => r.truth.markup));
    expect([...markups].sort()).toEqual(['json-ld', 'microdata', 'none']);
    expect(results.some((r) => r.truth.jsonLdQuirk !== undefined)).toBe(true);
  });

  it('reads name, price, currency, availability, sku and image of every page', () => {
    for (const { truth, attributes } of results) {
      const got = {
        name: attributes.name?.value,
        price: attributes.price?.value,
        currency: attributes.currency?.value,
        availability: attributes.availability?.value,
        sku: attributes.sku?.value,
        image: attributes.images?.value[0],
      };
      expect([truth.path, got]).toEqual([
        truth.path,
        {
          name: truth.name,
          price: truth.price.replace(/\.?0+$/, ''),
          currency: truth.currency,
          availability: truth.availability,
          sku: truth.sku,
          image: truth.imageUrl,
        },
      ]);
    }
  });

  it('reads brand, GTIN and category where the page states them, and invents none', () => {
    for (const { truth, attributes } of results) {
      const at = (value: unknown) => [truth.path, value];
      if (truth.shown.brand) expect(at(attributes.brand?.value)).toEqual(at(truth.brand));
      if (truth.shown.gtin) expect(at(attributes.gtin?.value)).toEqual(at(truth.gtin13));
      else expect(at(attributes.gtin)).toEqual(at(undefined));
      if (truth.shown.category) expect(at(attributes.category?.value)).toEqual(at(truth.category));
    }
  });

  it('gives markup values more confidence than visible ones', () => {
    const confidence = (markup: string) =>
      Math.min(
        ...results.filter((r) => r.truth.markup === markup).map((r) => r.attributes.price!.confidence),
      );
    expect(confidence('json-ld')).toBeGreaterThan(confidence('none'));
    expect(confidence('none')).toBeGreaterThanOrEqual(0.5);
  });
});

import { describe, expect, it } from 'vitest';
import type { ProductCandidate, ProductFacts, ProductField } from '../../src/extract/index.js';
import { normalizeProduct } from '../../src/normalize/index.js';

const URL_ = 'https://shop.example.de/p/kettle-42';

function facts(
  candidates: Partial<Record<ProductField, [string, ProductCandidate['source'], number][]>>,
  breadcrumbs: ProductFacts['breadcrumbs'] = [],
): ProductFacts {
  const out: ProductFacts['candidates'] = {};
  for (const [field, list] of Object.entries(candidates) as [
    ProductField,
    [string, ProductCandidate['source'], number][],
  ][]) {
    out[field] = list.map(([value, source, confidence]) => ({ value, source, confidence, via: field }));
  }
  return { markup: ['json-ld'], candidates: out, breadcrumbs };
}

describe('normalizeProduct', () => {
  it('normalizes every attribute with its confidence and source', () => {
    const result = normalizeProduct(
      facts(
        {
          name: [['Kettle &amp; Co. 1.7 l', 'json-ld', 0.95]],
          description: [['<p>Boils fast.</p>', 'json-ld', 0.95]],
          price: [
            ['1299.00', 'json-ld', 0.95],
            ['1.299,00 €', 'visible', 0.6],
          ],
          currency: [['EUR', 'json-ld', 0.95]],
          availability: [
            ['https://schema.org/InStock', 'json-ld', 0.95],
            ['Auf Lager', 'visible', 0.6],
          ],
          sku: [['K-42', 'json-ld', 0.95]],
          mpn: [['WK 1700', 'json-ld', 0.95]],
          gtin: [['4006381333931', 'json-ld', 0.95]],
          brand: [['Brand: Kessel', 'microdata', 0.9]],
          image: [['/img/kettle.jpg', 'json-ld', 0.95]],
          url: [['/p/kettle-42', 'json-ld', 0.95]],
        },
        [
          {
            items: ['Startseite', 'Küche', 'Wasserkocher', 'Kettle & Co. 1.7 l'],
            source: 'json-ld',
            confidence: 0.95,
          },
        ],
      ),
      { url: URL_ },
    );
    expect(result.name).toEqual({ value: 'Kettle & Co. 1.7 l', confidence: 0.95, source: 'json-ld' });
    expect(result.description?.value).toBe('Boils fast.');
    // The page's "1.299,00 €" agrees with the markup: two sources, surer than one.
    expect(result.price).toEqual({ value: '1299', confidence: 0.98, source: 'json-ld' });
    expect(result.currency?.value).toBe('EUR');
    expect(result.availability?.value).toBe('InStock');
    expect(result.sku?.value).toBe('K-42');
    expect(result.mpn?.value).toBe('WK 1700');
    expect(result.gtin?.value).toBe('4006381333931');
    expect(result.brand).toEqual({ value: 'Kessel', confidence: 0.9, source: 'microdata' });
    expect(result.category?.value).toEqual(['Küche', 'Wasserkocher']);
    expect(result.images?.value).toEqual(['https://shop.example.de/img/kettle.jpg']);
    expect(result.url?.value).toBe(URL_);
    expect(result.issues).toEqual([]);
  });

  it('records a conflict between syntaxes and keeps the better-supported value', () => {
    const result = normalizeProduct(
      facts({
        price: [
          ['16.90', 'json-ld', 0.95],
          ['17.10', 'microdata', 0.9],
        ],
      }),
      { url: URL_ },
    );
    expect(result.price?.value).toBe('16.9');
    expect(result.price!.confidence).toBeCloseTo(0.95 * 0.85, 2);
    expect(result.issues).toEqual([
      {
        attribute: 'price',
        reason: 'conflicting values across sources: kept 16.9 (json-ld) over 17.1 (microdata)',
      },
    ]);
  });

  it('lets two agreeing sources outweigh one', () => {
    const result = normalizeProduct(
      facts({
        price: [
          ['90', 'json-ld', 0.95],
          ['400', 'opengraph', 0.76],
          ['$400', 'visible', 0.45],
        ],
      }),
      { url: URL_ },
    );
    expect(result.price?.value).toBe('400');
  });

  it('rejects bad GTINs, absurd amounts and unknown formats with reasons, and never throws', () => {
    const result = normalizeProduct(
      facts({
        gtin: [['4006381333932', 'json-ld', 0.95]],
        price: [
          ['0', 'json-ld', 0.95],
          ['price on request', 'microdata', 0.9],
          ['99999999999', 'meta', 0.7],
        ],
        availability: [['maybe tomorrow', 'json-ld', 0.95]],
      }),
      { url: URL_ },
    );
    expect(result.gtin).toBeUndefined();
    expect(result.price).toBeUndefined();
    expect(result.issues.map((i) => `${i.attribute}: ${i.reason}`)).toEqual([
      'price: absurd amount 0 from "0" (json-ld)',
      'price: unknown price format: "price on request" (microdata)',
      'price: absurd amount 99999999999 from "99999999999" (meta)',
      'availability: unknown availability "maybe tomorrow" (json-ld)',
      'gtin: bad check digit: "4006381333932" ends in 2, its digits call for 1 (json-ld gtin)',
    ]);
    expect(() => normalizeProduct({} as ProductFacts, { url: 'not a url' })).not.toThrow();
  });

  it('infers what the page implies, with low confidence', () => {
    const result = normalizeProduct(facts({ price: [['12,50', 'visible', 0.6]] }), { url: URL_ });
    expect(result.price?.value).toBe('12.5');
    expect(result.currency).toEqual({ value: 'EUR', confidence: 0.35, source: 'inferred' });
    expect(result.availability).toEqual({ value: 'InStock', confidence: 0.35, source: 'inferred' });
  });

  it("uses the caller's currency hint and settles an ambiguous mark with it", () => {
    const hinted = normalizeProduct(facts({ price: [['$12', 'visible', 0.6]] }), {
      url: 'https://shop.example.com/p/1',
      currencyHint: 'CAD',
    });
    expect(hinted.currency?.value).toBe('CAD');
    const bare = normalizeProduct(facts({ price: [['12.00', 'json-ld', 0.95]] }), {
      url: 'https://shop.example.com/p/1',
      currencyHint: 'GBP',
    });
    expect(bare.currency).toEqual({ value: 'GBP', confidence: 0.6, source: 'caller' });
  });

  it("prefers the shop's printed code to a markup sku, unless the page prints several", () => {
    const one = normalizeProduct(
      {
        markup: ['json-ld'],
        candidates: {
          sku: [
            { value: '236840879', source: 'json-ld', confidence: 0.95, via: 'sku' },
            { value: '46286401', source: 'visible', confidence: 0.65, via: 'label "Product code"' },
          ],
        },
        breadcrumbs: [],
      },
      { url: URL_ },
    );
    expect(one.sku?.value).toBe('46286401');
    const parts = normalizeProduct(
      {
        markup: ['json-ld'],
        candidates: {
          sku: [
            { value: '992.775.08', source: 'json-ld', confidence: 0.95, via: 'sku' },
            { value: '903.294.89', source: 'visible', confidence: 0.6, via: 'label "Article no."' },
            { value: '303.294.73', source: 'visible', confidence: 0.42, via: 'label "Article no."' },
          ],
        },
        breadcrumbs: [],
      },
      { url: URL_ },
    );
    expect(parts.sku?.value).toBe('992.775.08');
  });

  it('takes the brand from the title only as a confirmation of a weak one', () => {
    const result = normalizeProduct(
      facts({ name: [['IKEA FJÄNTIG hook', 'json-ld', 0.95]], brand: [['IKEA', 'opengraph', 0.2]] }),
      { url: URL_ },
    );
    // The site name (0.2) and the title that starts with it (0.45) agree: 1 − 0.8 × 0.55.
    expect(result.brand).toEqual({ value: 'IKEA', confidence: 0.56, source: 'inferred' });
  });
});

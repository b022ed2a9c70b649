import { afterAll, describe, expect, it } from 'vitest';
import {
  ExtractionPool,
  extractPage,
  extractProductFacts,
  type ProductFacts,
  type ProductField,
} from '../../src/extract/index.js';
import { normalizeProduct } from '../../src/normalize/index.js';

const URL_ = 'https://shop.example.com/p/kettle-42';

const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>Kettle 42 | Shop</title>${head}</head><body>${body}</body></html>`;
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

function productOf(html: string, url = URL_): ProductFacts {
  const facts = extractPage(html, { url, product: true });
  expect(facts.product).toBeDefined();
  return facts.product!;
}

/** The best candidate of a field: its value and source. */
function best(facts: ProductFacts, field: ProductField): [string, string] | undefined {
  const c = facts.candidates[field]?.[0];
  return c === undefined ? undefined : [c.value, c.source];
}

describe('extractProductFacts', () => {
  it('is not run unless asked for, and then reads the one parse', () => {
    const html = page(ld({ '@type': 'Product', name: 'Kettle 42' }), '<h1>Kettle 42</h1>');
    expect(extractPage(html, { url: URL_ }).product).toBeUndefined();
    expect(best(productOf(html), 'name')).toEqual(['Kettle 42', 'json-ld']);
  });

  it('finds the product in a JSON-LD @graph and reads nested offers and references', () => {
    const html = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', '@id': `${URL_}#page`, mainEntity: { '@id': `${URL_}#product` } },
          {
            '@type': 'Product',
            '@id': `${URL_}#product`,
            name: 'Kettle 42',
            sku: 'K-42',
            gtin13: '4006381333931',
            brand: { '@type': 'Brand', name: 'Kessel' },
            image: [{ '@type': 'ImageObject', url: '/img/k.jpg' }],
            offers: {
              '@type': 'AggregateOffer',
              lowPrice: '39.90',
              highPrice: '49.90',
              priceCurrency: 'EUR',
              offers: [
                {
                  '@type': 'Offer',
                  price: '39.90',
                  priceCurrency: 'EUR',
                  availability: 'https://schema.org/InStock',
                },
              ],
            },
          },
        ],
      }),
      '<h1>Kettle 42</h1>',
    );
    const facts = productOf(html);
    expect(facts.markup).toEqual(['json-ld']);
    expect(best(facts, 'sku')).toEqual(['K-42', 'json-ld']);
    expect(best(facts, 'gtin')).toEqual(['4006381333931', 'json-ld']);
    expect(best(facts, 'brand')).toEqual(['Kessel', 'json-ld']);
    expect(best(facts, 'price')).toEqual(['39.90', 'json-ld']);
    expect(best(facts, 'currency')).toEqual(['EUR', 'json-ld']);
    expect(best(facts, 'image')).toEqual(['/img/k.jpg', 'json-ld']);
  });

  it('reads ItemPage mainEntity, and not the related products', () => {
    const html = page(
      ld({
        '@type': 'ItemPage',
        mainEntity: {
          '@type': 'Product',
          name: 'Kettle 42',
          offers: { '@type': 'Offer', price: 45, priceCurrency: 'USD' },
          isRelatedTo: [{ '@type': 'Product', name: 'Kettle 43', offers: { '@type': 'Offer', price: 99 } }],
        },
      }),
      '<h1>Kettle 42</h1>',
    );
    const facts = productOf(html);
    expect(best(facts, 'name')).toEqual(['Kettle 42', 'json-ld']);
    expect(best(facts, 'price')).toEqual(['45', 'json-ld']);
  });

  it('resolves a ProductGroup to the variant the page URL names', () => {
    const group = {
      '@type': 'ProductGroup',
      name: 'T-shirt',
      brand: 'Loom',
      hasVariant: [
        {
          '@type': 'Product',
          sku: 'TS-S',
          url: 'https://shop.example.com/p/ts?size=S',
          offers: { '@type': 'Offer', price: '10' },
        },
        {
          '@type': 'Product',
          sku: 'TS-M',
          url: 'https://shop.example.com/p/ts?size=M',
          offers: { '@type': 'Offer', price: '12' },
        },
      ],
    };
    const facts = productOf(page(ld(group), '<h1>T-shirt</h1>'), 'https://shop.example.com/p/ts?size=M');
    expect(best(facts, 'sku')).toEqual(['TS-M', 'json-ld']);
    expect(best(facts, 'price')).toEqual(['12', 'json-ld']);
    expect(best(facts, 'brand')).toEqual(['Loom', 'json-ld']);
  });

  it('prefers the lowest price among offers that can be bought', () => {
    const html = page(
      ld({
        '@type': 'Product',
        name: 'Boots',
        offers: [
          {
            '@type': 'Offer',
            price: '62.95',
            priceCurrency: 'EUR',
            availability: 'http://schema.org/OutOfStock',
          },
          {
            '@type': 'Offer',
            price: '70.50',
            priceCurrency: 'EUR',
            availability: 'http://schema.org/InStock',
          },
          {
            '@type': 'Offer',
            price: '80.00',
            priceCurrency: 'EUR',
            availability: 'http://schema.org/InStock',
          },
        ],
      }),
      '<h1>Boots</h1>',
    );
    expect(best(productOf(html), 'price')).toEqual(['70.50', 'json-ld']);
  });

  it('reads microdata and its breadcrumb', () => {
    const html = page(
      '',
      `<ol itemscope itemtype="https://schema.org/BreadcrumbList">
        <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/"><span itemprop="name">Home</span></a><meta itemprop="position" content="1"></li>
        <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/kitchen"><span itemprop="name">Kitchen</span></a><meta itemprop="position" content="2"></li>
      </ol>
      <div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Kettle 42</h1>
        <span itemprop="sku">K-42</span>
        <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price" content="45.00">45,00 €</span>
        <meta itemprop="priceCurrency" content="EUR"><link itemprop="availability" href="http://schema.org/InStock"></div></div>`,
    );
    const facts = productOf(html);
    expect(facts.markup).toEqual(['microdata']);
    expect(best(facts, 'price')).toEqual(['45.00', 'microdata']);
    expect(best(facts, 'availability')).toEqual(['http://schema.org/InStock', 'microdata']);
    expect(facts.breadcrumbs[0]).toEqual({
      items: ['Home', 'Kitchen'],
      source: 'microdata',
      confidence: 0.9,
    });
  });

  it('reads RDFa Product and Offer', () => {
    const html = page(
      '',
      `<div vocab="http://schema.org/" typeof="Product"><h1 property="name">Kettle 42</h1><span property="sku">K-42</span>
        <div property="offers" typeof="Offer"><span property="price">45.00</span><span property="priceCurrency">GBP</span></div></div>`,
    );
    const facts = productOf(html);
    expect(facts.markup).toContain('rdfa');
    expect(facts.candidates.price?.some((c) => c.source === 'rdfa' && c.value === '45.00')).toBe(true);
    expect(facts.candidates.sku?.some((c) => c.source === 'rdfa' && c.value === 'K-42')).toBe(true);
  });

  it('reads OpenGraph product tags and loose metas', () => {
    const html = page(
      `<meta property="og:type" content="product"><meta property="og:title" content="Kettle 42">
       <meta property="product:price:amount" content="45.00"><meta property="product:price:currency" content="USD">
       <meta property="product:availability" content="in stock"><meta property="product:brand" content="Kessel">
       <meta property="product:retailer_item_id" content="K-42"><meta itemprop="gtin13" content="4006381333931">`,
      '<h1>Kettle 42</h1>',
    );
    const facts = productOf(html);
    expect(facts.markup).toEqual([]);
    expect(best(facts, 'price')).toEqual(['45.00', 'opengraph']);
    expect(best(facts, 'availability')).toEqual(['in stock', 'opengraph']);
    expect(best(facts, 'brand')).toEqual(['Kessel', 'opengraph']);
    expect(best(facts, 'sku')).toEqual(['K-42', 'opengraph']);
    expect(best(facts, 'gtin')).toEqual(['4006381333931', 'meta']);
  });

  it('reads a page without markup: title, price by the buy button, labels, breadcrumb, stock wording', () => {
    const html = page(
      '',
      `<header><nav><a href="/cart">Cart <span class="price">£0.00</span></a></nav></header>
       <nav aria-label="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/garden">Garten</a></li><li>Kettle 42</li></ol></nav>
       <main><h1>Kettle 42</h1><p class="brand">Marke: Kessel</p>
       <div class="buy-box"><span class="price old-price"><del>59,90 €</del></span><span class="price">49,90 €</span>
       <p class="availability">Auf Lager</p><button class="add-to-cart">In den Warenkorb</button></div>
       <table class="specs"><tr><th>Art.-Nr.</th><td>K-42</td></tr><tr><th>EAN</th><td>4006381333931</td></tr>
       <tr><th>Hersteller-Artikelnummer</th><td>WK 1700</td></tr></table></main>
       <section class="related"><div class="price">19,90 €</div><p>Art.-Nr.: X-1</p></section>`,
    );
    const facts = productOf(html);
    expect(best(facts, 'name')).toEqual(['Kettle 42', 'visible']);
    expect(best(facts, 'price')).toEqual(['49,90 €', 'visible']);
    expect(best(facts, 'sku')).toEqual(['K-42', 'visible']);
    expect(facts.candidates.sku?.map((c) => c.value)).toEqual(['K-42']);
    expect(best(facts, 'gtin')).toEqual(['4006381333931', 'visible']);
    expect(best(facts, 'mpn')).toEqual(['WK 1700', 'visible']);
    expect(facts.candidates.availability?.map((c) => c.value)).toContain('Auf Lager');
    expect(facts.breadcrumbs[0]?.items).toEqual(['Home', 'Garten', 'Kettle 42']);

    const attributes = normalizeProduct(facts, { url: 'https://shop.example.de/p/kettle-42' });
    expect(attributes.price?.value).toBe('49.9');
    expect(attributes.currency?.value).toBe('EUR');
    expect(attributes.availability?.value).toBe('InStock');
    expect(attributes.brand?.value).toBe('Kessel');
    expect(attributes.category?.value).toEqual(['Garten']);
  });

  it('reads a disabled buy button and sold-out wording as out of stock', () => {
    const html = page(
      '',
      '<h1>Kettle 42</h1><span class="price">$45.00</span><span class="stock-status">Sold out</span><button class="add-to-cart" disabled>Add to cart</button>',
    );
    const attributes = normalizeProduct(productOf(html), { url: URL_ });
    expect(attributes.availability?.value).toBe('SoldOut');
    expect(attributes.price?.value).toBe('45');
  });

  it('reads markup alone from stored facts, without the DOM', () => {
    const html = page(
      ld({ '@type': 'Product', name: 'Kettle 42', offers: { price: '45', priceCurrency: 'EUR' } }),
      '<h1>Kettle 42</h1>',
    );
    const stored = JSON.parse(JSON.stringify(extractPage(html, { url: URL_ })));
    const facts = extractProductFacts(stored);
    expect(best(facts, 'price')).toEqual(['45', 'json-ld']);
    expect(facts.candidates.name?.every((c) => c.source !== 'visible')).toBe(true);
  });

  it('never throws on broken markup', () => {
    const broken = page(
      '<script type="application/ld+json">{"@type": "Product", "offers": [null, 3, {"price": {}}], "brand": [[]]}</script>',
      '<div itemscope itemtype="http://schema.org/Product"><div itemprop="offers" itemscope>'.repeat(50),
    );
    expect(() => productOf(broken)).not.toThrow();
  });
});

describe('product facts through the extraction pool', () => {
  const pool = new ExtractionPool({ workers: 1, timeoutMs: 5_000, maxMemoryMb: 256 });
  afterAll(async () => {
    await pool.close();
  });

  it('are gathered in the worker when asked for, and only then', async () => {
    const html = page(ld({ '@type': 'Product', name: 'Kettle 42', sku: 'K-42' }), '<h1>Kettle 42</h1>');
    const withProduct = await pool.extract(html, { url: URL_, product: true });
    expect(withProduct.product).toEqual(
      JSON.parse(JSON.stringify(extractPage(html, { url: URL_, product: true }).product)),
    );
    const without = await pool.extract(html, { url: URL_ });
    expect(without.product).toBeUndefined();
  });
});

import type { OpenGraphItem } from './page-facts.js';
import { SOURCE_CONFIDENCE, type ProductCandidate, type ProductField } from './product-facts-types.js';

/**
 * Product values from OpenGraph's product tags (`og:price:amount`, `product:price:amount`,
 * `product:availability`, `product:retailer_item_id`…) and from loose metas (`<meta itemprop="price">`
 * outside any item, `<meta name="brand">`, Twitter's product card labels). Markup-grade statements, but
 * coarser: a template may put the first of a listing's prices there, so they rank below the markup.
 */

/** OpenGraph property → field, with a factor on the source's confidence. */
const OPEN_GRAPH: ReadonlyArray<readonly [string, ProductField, number]> = [
  // A sale price is what the page charges now: it outranks the regular one.
  ['product:sale_price:amount', 'price', 1],
  ['og:price:amount', 'price', 0.95],
  ['product:price:amount', 'price', 0.95],
  ['product:sale_price:currency', 'currency', 1],
  ['og:price:currency', 'currency', 0.95],
  ['product:price:currency', 'currency', 0.95],
  ['og:availability', 'availability', 1],
  ['product:availability', 'availability', 1],
  ['product:brand', 'brand', 1],
  ['og:brand', 'brand', 1],
  ['product:retailer_item_id', 'sku', 0.9],
  ['product:sku', 'sku', 1],
  ['og:sku', 'sku', 1],
  ['product:upc', 'gtin', 1],
  ['product:ean', 'gtin', 1],
  ['product:gtin', 'gtin', 1],
  ['product:isbn', 'gtin', 1],
  ['product:mfr_part_no', 'mpn', 1],
  ['product:category', 'category', 0.8],
  // Titles and descriptions of a page, not always of the product alone (`Name | Shop`).
  ['og:title', 'name', 0.7],
  ['og:description', 'description', 0.7],
  ['og:image', 'image', 0.9],
  ['og:image:secure_url', 'image', 0.9],
  ['og:url', 'url', 0.9],
  // The site's name is a brand only for a brand's own shop: the last resort, and said so.
  ['og:site_name', 'brand', 0.25],
];

/** Meta name or itemprop → field. */
const METAS: ReadonlyArray<readonly [string, ProductField]> = [
  ['price', 'price'],
  ['product:price', 'price'],
  ['pricecurrency', 'currency'],
  ['currency', 'currency'],
  ['availability', 'availability'],
  ['sku', 'sku'],
  ['productid', 'sku'],
  ['mpn', 'mpn'],
  ['gtin13', 'gtin'],
  ['gtin', 'gtin'],
  ['gtin12', 'gtin'],
  ['gtin14', 'gtin'],
  ['gtin8', 'gtin'],
  ['ean', 'gtin'],
  ['isbn', 'gtin'],
  ['brand', 'brand'],
  ['manufacturer', 'brand'],
  ['category', 'category'],
];

const PRICE_LABEL = /^(?:price|preis|prix|precio|prezzo|prijs|preço|цена|cena|価格|价格)$/i;

type Out = Partial<Record<ProductField, ProductCandidate[]>>;

export function metaCandidates(openGraph: readonly OpenGraphItem[], meta: Record<string, string[]>): Out {
  const out: Out = {};
  const push = (
    field: ProductField,
    value: string | undefined,
    source: 'opengraph' | 'meta',
    factor: number,
    via: string,
  ): void => {
    if (value === undefined || value.trim() === '') return;
    const confidence = Math.round(SOURCE_CONFIDENCE[source] * factor * 1000) / 1000;
    (out[field] ??= []).push({ value, source, confidence, via });
  };

  const og = new Map<string, string[]>();
  for (const item of openGraph) {
    for (const [property, content] of item.properties) {
      const key = property.toLowerCase();
      og.set(key, [...(og.get(key) ?? []), content]);
    }
  }
  for (const [property, field, factor] of OPEN_GRAPH) {
    // OpenGraph outside the head's or body's direct children is not OpenGraph to extruct, but it is still said.
    const list = og.get(property) ?? meta[property] ?? [];
    const take = field === 'image' ? list.slice(0, 8) : list.slice(0, 1);
    for (const value of take) push(field, value, 'opengraph', factor, property);
  }
  for (const [name, field] of METAS) {
    const list = meta[name];
    if (list === undefined || list.length === 0) continue;
    // Many values under one name: a listing's metas, of which the first is most often the page's own.
    push(field, list[0], 'meta', list.length > 1 && new Set(list).size > 1 ? 0.8 : 1, `meta ${name}`);
  }
  for (let i = 1; i <= 4; i += 1) {
    const label = meta[`twitter:label${i}`]?.[0];
    if (label !== undefined && PRICE_LABEL.test(label.trim()))
      push('price', meta[`twitter:data${i}`]?.[0], 'meta', 0.9, `twitter:data${i}`);
  }
  return out;
}

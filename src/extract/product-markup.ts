import {
  SOURCE_CONFIDENCE,
  type ProductCandidate,
  type ProductField,
  type ProductSource,
} from './product-facts-types.js';
import { hasType, isNode, text, values, type SchemaNode, type SchemaValue } from './product-schema-node.js';

/**
 * The product a page's markup presents, and its values, from the entities of one syntax. A page often
 * declares several products (related items, "customers also bought", every colour of a garment), so the
 * main one is chosen by a documented score (`scoreProduct`), not taken first.
 */

const PRODUCT_TYPES: ReadonlySet<string> = new Set([
  'product',
  'productgroup',
  'productmodel',
  'individualproduct',
  'someproducts',
  'vehicle',
  'car',
  'motorcycle',
]);
/** Creative works are products when they are offered for sale (a book shop's Book with offers). */
const SOLD_WORK_TYPES: ReadonlySet<string> = new Set(['book', 'musicalbum', 'movie', 'softwareapplication']);
const OFFER_KEYS = ['offers', 'offerdetails'] as const;
/** Products reached through these properties are other products, not the page's. */
const RELATED_KEYS: ReadonlySet<string> = new Set([
  'isrelatedto',
  'issimilarto',
  'isaccessoryorsparepartfor',
  'isconsumablefor',
  'itemlistelement',
  'relatedlink',
  'significantlink',
  'isbasedon',
  'subjectof',
  'model',
]);
const MAX_WALK = 4_000;

interface Found {
  node: SchemaNode;
  /** The offer it was reached from (`Offer.itemOffered`), whose price is the product's. */
  offer: SchemaNode | null;
  related: boolean;
  order: number;
}

export interface ProductContext {
  /** The page URL: a product whose `url` is the page is the page's product. */
  url: URL;
  /** The page's headings and titles (`<h1>`, og:title, `<title>`): the main product is named there. */
  titles: readonly string[];
}

/** Every product entity among `roots`, in document order, with how it was reached. */
function collectProducts(roots: readonly SchemaNode[]): Found[] {
  const found: Found[] = [];
  let budget = MAX_WALK;
  const walk = (node: SchemaNode, via: string, parent: SchemaNode | null, related: boolean): void => {
    if (budget-- <= 0) return;
    const isProduct =
      hasType(node, PRODUCT_TYPES) || (hasType(node, SOLD_WORK_TYPES) && offersOf(node).length > 0);
    if (isProduct && via !== 'hasvariant') {
      const offer = via === 'itemoffered' && parent !== null ? parent : null;
      found.push({ node, offer, related, order: found.length });
    }
    for (const [key, list] of node.props) {
      const nextRelated = related || RELATED_KEYS.has(key) || (isProduct && key === 'isvariantof');
      for (const value of list) if (isNode(value)) walk(value, key, node, nextRelated);
    }
  };
  for (const root of roots) walk(root, '', null, false);
  return found;
}

/**
 * The page's product in one syntax's entities, or null. Score: +3 it has a priced offer, +2 its `url` or
 * `@id` is the page, +2 its name shares most words with the page's title or `<h1>`, −4 it is reached as a
 * related product (`isRelatedTo`, a list's element…). The best score wins; a tie goes to the first in the
 * document. A ProductGroup is resolved to the variant the page URL names (`resolveVariant`).
 */
export function findProduct(
  roots: readonly SchemaNode[],
  context: ProductContext,
): { product: SchemaNode; offer: SchemaNode | null; contested: boolean } | null {
  const found = collectProducts(roots);
  if (found.length === 0) return null;
  const titleWords = context.titles.map(words);
  const scored = found.map((f) => ({ f, score: scoreProduct(f, context.url, titleWords) }));
  scored.sort((a, b) => b.score - a.score || a.f.order - b.f.order);
  const best = scored[0]!;
  const contested =
    scored.length > 1 && scored[1]!.score === best.score && !sameProduct(scored[1]!.f.node, best.f.node);
  return { product: resolveVariant(best.f.node, context.url), offer: best.f.offer, contested };
}

function scoreProduct(found: Found, url: URL, titleWords: readonly Set<string>[]): number {
  const { node } = found;
  let score = 0;
  if (
    offersOf(node).some((o) => isNode(o) && priceOf(o) !== null) ||
    found.offer !== null ||
    text(node, 'price') !== null
  )
    score += 3;
  if ([node.id, text(node, 'url')].some((u) => u !== null && samePage(u, url))) score += 2;
  const name = text(node, 'name');
  if (name !== null) {
    const own = words(name);
    if (titleWords.some((t) => overlap(own, t) >= 0.6)) score += 2;
  }
  if (found.related) score -= 4;
  return score;
}

function sameProduct(a: SchemaNode, b: SchemaNode): boolean {
  const ka = text(a, 'sku') ?? text(a, 'name');
  return ka !== null && ka === (text(b, 'sku') ?? text(b, 'name'));
}

/**
 * A ProductGroup (or a product with `hasVariant`) stands for many; the page shows one: the variant whose
 * `url` is the page URL (query and fragment included: variants are often told apart there), else whose
 * sku appears in the page URL, else the first variant with a priced offer. The variant's own values win;
 * the group's fill the rest (brand, description are usually said once, on the group).
 */
function resolveVariant(group: SchemaNode, url: URL): SchemaNode {
  const variants = values(group, 'hasvariant').filter(isNode);
  if (variants.length === 0) return group;
  const href = url.href;
  const chosen =
    variants.find((v) => {
      const u = text(v, 'url');
      return u !== null && absolute(u, url) === href;
    }) ??
    variants.find((v) => {
      const sku = text(v, 'sku');
      return sku !== null && sku.length >= 4 && href.includes(sku);
    }) ??
    variants.find((v) => offersOf(v).some((o) => isNode(o) && priceOf(o) !== null)) ??
    variants[0]!;
  const props = new Map(group.props);
  props.delete('hasvariant');
  for (const [key, list] of chosen.props) props.set(key, list);
  return { types: chosen.types, id: chosen.id ?? group.id, props };
}

function offersOf(node: SchemaNode): readonly SchemaValue[] {
  return values(node, ...OFFER_KEYS);
}

/** An offer's price: `price`, its price specification's, else the low end of an aggregate's range. */
function priceOf(offer: SchemaNode): { value: string; via: string } | null {
  const direct = text(offer, 'price');
  if (direct !== null) return { value: direct, via: 'offers.price' };
  for (const spec of values(offer, 'pricespecification').filter(isNode)) {
    const p = text(spec, 'price');
    if (p !== null) return { value: p, via: 'offers.priceSpecification.price' };
  }
  const low = text(offer, 'lowprice');
  if (low !== null) return { value: low, via: 'offers.lowPrice' };
  const high = text(offer, 'highprice');
  return high === null ? null : { value: high, via: 'offers.highPrice' };
}

function currencyOf(offer: SchemaNode): string | null {
  const direct = text(offer, 'pricecurrency', 'currency');
  if (direct !== null) return direct;
  for (const spec of values(offer, 'pricespecification').filter(isNode)) {
    const c = text(spec, 'pricecurrency');
    if (c !== null) return c;
  }
  return null;
}

/** schema.org's availability values of an offer that cannot be bought now. */
const UNAVAILABLE = /(?:OutOfStock|SoldOut|Discontinued|out_of_stock|sold_out)\/?$/i;

/**
 * The offer whose values are the product's. Several priced offers of one product are its list and sale
 * price, other sellers or variants: the lowest price (in the first offer's currency) is what the page
 * sells it for, among the offers that can be bought when some can. An AggregateOffer without a price of its own gives its first priced inner offer.
 */
function mainOffer(product: SchemaNode, reachedFrom: SchemaNode | null): SchemaNode | null {
  const offers = offersOf(product).filter(isNode);
  if (reachedFrom !== null) offers.unshift(reachedFrom);
  const withPrice = offers.filter((o) => priceOf(o) !== null);
  // Offers of sizes or colours that are sold out are not what the page sells now, when others are not.
  const orderable = withPrice.filter((o) => !UNAVAILABLE.test(text(o, 'availability') ?? ''));
  const priced = orderable.length > 0 ? orderable : withPrice;
  if (priced.length > 0) {
    const currency = currencyOf(priced[0]!);
    let best = priced[0]!;
    for (const offer of priced) {
      if (currencyOf(offer) !== currency) continue;
      const amount = Number(priceOf(offer)?.value);
      if (amount > 0 && amount < Number(priceOf(best)?.value)) best = offer;
    }
    return best;
  }
  for (const offer of offers) {
    const inner = values(offer, 'offers')
      .filter(isNode)
      .find((o) => priceOf(o) !== null);
    if (inner !== undefined) return inner;
  }
  return offers[0] ?? null;
}

/** The raw values of the chosen product, each a candidate from `source`. */
export function productCandidates(
  found: { product: SchemaNode; offer: SchemaNode | null; contested: boolean },
  source: Exclude<ProductSource, 'visible'>,
): Partial<Record<ProductField, ProductCandidate[]>> {
  const { product } = found;
  // Two equally good products in one syntax: each value is less certain to be the page's own.
  const base = SOURCE_CONFIDENCE[source] * (found.contested ? 0.85 : 1);
  const out: Partial<Record<ProductField, ProductCandidate[]>> = {};
  const add = (field: ProductField, value: string | null, via: string, factor = 1): void => {
    if (value === null || value.trim() === '') return;
    (out[field] ??= []).push({ value, source, confidence: round(base * factor), via });
  };
  add('name', text(product, 'name'), 'name');
  add('description', text(product, 'description'), 'description');
  add('sku', text(product, 'sku'), 'sku');
  add('sku', text(product, 'productid'), 'productID', 0.8);
  add('sku', text(product, 'identifier'), 'identifier', 0.7);
  add('mpn', text(product, 'mpn'), 'mpn');
  for (const key of ['gtin13', 'gtin', 'gtin12', 'gtin14', 'gtin8', 'isbn', 'ean', 'upc'])
    add('gtin', text(product, key), key);
  add('brand', text(product, 'brand'), 'brand');
  add('brand', text(product, 'manufacturer'), 'manufacturer', 0.8);
  // A book's or a record's publisher stands where a brand would.
  add('brand', text(product, 'publisher'), 'publisher', 0.7);
  for (const category of values(product, 'category')) {
    add('category', isNode(category) ? text(category, 'name') : category, 'category', 0.9);
  }
  for (const image of values(product, 'image')) {
    add('image', isNode(image) ? text(image, 'url', 'contenturl', 'thumbnailurl') : image, 'image');
  }
  add('url', text(product, 'url'), 'url');

  const offer = mainOffer(product, found.offer);
  if (offer !== null) {
    const price = priceOf(offer);
    add('price', price?.value ?? null, price?.via ?? 'offers.price');
    add('currency', currencyOf(offer), 'offers.priceCurrency');
    add('availability', text(offer, 'availability'), 'offers.availability');
    add('sku', text(offer, 'sku'), 'offers.sku', 0.9);
    add('gtin', text(offer, 'gtin13', 'gtin', 'gtin12', 'gtin14', 'gtin8'), 'offers.gtin', 0.9);
  }
  // Product-level price fields: data-vocabulary.org and loose schema.org writers put them there.
  add('price', text(product, 'price'), 'price', 0.9);
  add('currency', text(product, 'pricecurrency', 'currency'), 'priceCurrency', 0.9);
  add('availability', text(product, 'availability'), 'availability', 0.9);
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 1));
}

/** The share of `a`'s words that `b` has too. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / a.size;
}

function absolute(raw: string, base: URL): string | null {
  try {
    return new URL(raw, base).href;
  } catch {
    return null;
  }
}

/** Same page: same host and path (a trailing slash, the query and the fragment aside). */
function samePage(raw: string, url: URL): boolean {
  const href = absolute(raw, url);
  if (href === null) return false;
  const other = new URL(href);
  const path = (p: string) => p.replace(/\/+$/, '');
  return other.host === url.host && path(other.pathname) === path(url.pathname);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

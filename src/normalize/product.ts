import type { ProductCandidate, ProductFacts, ProductField } from '../extract/index.js';
import { isPurchasable, normalizeAvailability, type Availability } from './availability.js';
import { brandFromTitle, normalizeBrand } from './brand.js';
import { categoryPath } from './category-path.js';
import { countryCurrency, normalizeCurrency } from './currency.js';
import { normalizeGtin } from './gtin.js';
import { cleanMpn, cleanSku } from './identifier.js';
import { absoluteImageUrls } from './image-urls.js';
import type { AttributeSource, ProductAttributes, ProductIssue } from './product-attributes.js';
import { MARKUP_SOURCES, readPrices } from './product-price.js';
import { resolveAttribute, type Normalized } from './product-resolve.js';
import { cleanDescription, cleanName } from './product-text.js';

export interface NormalizeProductOptions {
  /** The page URL: relative image and product URLs resolve against it; its country settles `$` or `kr`. */
  url: string;
  /**
   * The shop's currency when known (an ISO code or a mark): used when the page names none, and to settle
   * an ambiguous mark. @example 'CAD'
   */
  currencyHint?: string | null;
}

/** Confidence of the values `normalizeProduct` reasons out rather than reads. */
const INFERRED = {
  /** Offered at a price with a buy button, nothing saying otherwise: in stock. */
  inStockWithButton: 0.45,
  /** Offered at a price, nothing saying otherwise. */
  inStock: 0.35,
  /** The currency of the shop's country, for a price that names none. */
  countryCurrency: 0.35,
  /** The site's name that the product's title starts with, as its brand. */
  brandFromTitle: 0.45,
  /** The caller's currency hint. */
  currencyHint: 0.6,
} as const;
/** A visible SKU label's value at least this sure (the first label of the page) is the shop's own SKU. */
const VISIBLE_LABEL_FLOOR = 0.6;
const SKU_LABEL_CONFIDENCE = 0.97;

/**
 * Product facts → clean attributes, each with its confidence and source, and the issues met: rejected
 * values (bad GTIN check digits, unreadable or absurd prices, unknown availability wording in markup) and
 * conflicts between sources. Each attribute is chosen among all its candidates by the rule of
 * `product-resolve.ts` (agreement raises confidence, a conflict is recorded and lowers it). Pure; never
 * throws on page content.
 *
 * @example
 * const facts = extractPage(html, { url, product: true }).product!;
 * normalizeProduct(facts, { url }).price // { value: '1299', confidence: 0.95, source: 'json-ld' }
 */
export function normalizeProduct(facts: ProductFacts, options: NormalizeProductOptions): ProductAttributes {
  const issues: ProductIssue[] = [];
  const out: ProductAttributes = { issues };
  const pageUrl = safeUrl(options.url);
  const all = (field: ProductField): readonly ProductCandidate[] => facts.candidates?.[field] ?? [];
  const guard = (attribute: keyof Omit<ProductAttributes, 'issues'>, step: () => void): void => {
    try {
      step();
    } catch (error) {
      // A normalizer's bug must cost one attribute, not the record.
      issues.push({ attribute, reason: `could not be normalized: ${(error as Error).message}` });
    }
  };

  guard('name', () => {
    const name = resolveAttribute('name', texts(all('name'), cleanName), issues, { recordConflicts: false });
    if (name !== undefined) out.name = name;
  });
  guard('description', () => {
    const description = resolveAttribute('description', texts(all('description'), cleanDescription), issues, {
      recordConflicts: false,
    });
    if (description !== undefined) out.description = description;
  });

  // Price and the currency its text names, in one pass.
  const priceCandidates: Normalized<string>[] = [];
  const currencyCandidates: Normalized<string>[] = [];
  const hint = options.currencyHint ?? null;
  guard('price', () => {
    const read = readPrices(all('price'), { hint, pageUrl: options.url }, issues);
    priceCandidates.push(...read.prices);
    currencyCandidates.push(...read.currencies);
    const price = resolveAttribute('price', priceCandidates, issues, { recordConflicts: true });
    if (price !== undefined) out.price = price;
  });

  guard('currency', () => {
    for (const c of all('currency')) {
      const currency = normalizeCurrency(c.value, { pageUrl: options.url });
      if (currency === null) {
        if (MARKUP_SOURCES.has(c.source))
          issues.push({
            attribute: 'currency',
            reason: `unknown currency "${c.value.slice(0, 40)}" (${c.source})`,
          });
        continue;
      }
      currencyCandidates.push({
        value: currency.iso,
        key: currency.iso,
        source: c.source,
        confidence: c.confidence * (currency.ambiguous ? 0.6 : 1),
      });
    }
    if (hint !== null) {
      const currency = normalizeCurrency(hint, { pageUrl: options.url });
      if (currency !== null)
        currencyCandidates.push({
          value: currency.iso,
          key: currency.iso,
          source: 'caller',
          confidence: INFERRED.currencyHint,
        });
    }
    if (currencyCandidates.length === 0 && out.price !== undefined) {
      const local = countryCurrency(options.url);
      if (local !== null)
        currencyCandidates.push({
          value: local,
          key: local,
          source: 'inferred',
          confidence: INFERRED.countryCurrency,
        });
    }
    const currency = resolveAttribute('currency', currencyCandidates, issues, { recordConflicts: true });
    if (currency !== undefined) out.currency = currency;
  });

  guard('availability', () => {
    const candidates: Normalized<Availability>[] = [];
    for (const c of all('availability')) {
      const value = normalizeAvailability(c.value);
      if (value === null) {
        if (MARKUP_SOURCES.has(c.source))
          issues.push({
            attribute: 'availability',
            reason: `unknown availability "${c.value.slice(0, 60)}" (${c.source})`,
          });
        continue;
      }
      candidates.push({ value, key: value, source: c.source, confidence: c.confidence });
    }
    let availability = resolveAttribute('availability', candidates, issues, { recordConflicts: true });
    // Assumed only when the markup says nothing: an availability it states but we cannot read may be "no".
    const unreadable = all('availability').some((c) => MARKUP_SOURCES.has(c.source));
    if (availability === undefined && out.price !== undefined && !unreadable) {
      const button = all('availability').some((c) => c.via.startsWith('buy button'));
      availability = {
        value: 'InStock',
        confidence: button ? INFERRED.inStockWithButton : INFERRED.inStock,
        source: 'inferred',
      };
    }
    if (availability !== undefined) out.availability = availability;
  });

  guard('sku', () => {
    // The code a shop prints under an SKU label ("Product code: 46286401", "Cod produs: DR2401") is the one
    // it gives its customers; markup `sku` often carries an internal variant or image id instead. The
    // first such label therefore outranks the markup (`SKU_LABEL_CONFIDENCE`).
    // Only when the page labels one code: several are a bundle's parts or a list's items.
    const raw = all('sku').flatMap((c) => {
      const value = cleanSku(c.value);
      return value === null
        ? []
        : [
            {
              value,
              key: value,
              source: c.source as AttributeSource,
              confidence: c.confidence,
              label: c.via.startsWith('label'),
            },
          ];
    });
    const labelled = new Set(raw.filter((c) => c.label).map((c) => c.key));
    const skus = raw.map(({ label, ...c }) =>
      label && labelled.size === 1 && c.confidence >= VISIBLE_LABEL_FLOOR
        ? { ...c, confidence: SKU_LABEL_CONFIDENCE }
        : c,
    );
    const sku = resolveAttribute('sku', skus, issues, { recordConflicts: true });
    if (sku !== undefined) out.sku = sku;
  });
  guard('mpn', () => {
    const mpn = resolveAttribute('mpn', identifiers(all('mpn'), cleanMpn), issues, { recordConflicts: true });
    if (mpn !== undefined) out.mpn = mpn;
  });
  guard('gtin', () => {
    const candidates: Normalized<string>[] = [];
    for (const c of all('gtin')) {
      const result = normalizeGtin(c.value);
      if (!result.ok) {
        issues.push({ attribute: 'gtin', reason: `${result.reason} (${c.source} ${c.via})` });
        continue;
      }
      candidates.push({ value: result.gtin, key: result.gtin, source: c.source, confidence: c.confidence });
    }
    const gtin = resolveAttribute('gtin', candidates, issues, { recordConflicts: true });
    if (gtin !== undefined) out.gtin = gtin;
  });

  guard('brand', () => {
    const candidates: Normalized<string>[] = [];
    for (const c of all('brand')) {
      const value = normalizeBrand(c.value);
      if (value !== null)
        candidates.push({ value, key: value.toLowerCase(), source: c.source, confidence: c.confidence });
    }
    // The title as a last resort: a site's name (or another weak brand) that the product name starts with.
    if (out.name !== undefined && !candidates.some((c) => c.confidence >= INFERRED.brandFromTitle)) {
      const confirmed = brandFromTitle(
        out.name.value,
        candidates.map((c) => c.value),
      );
      if (confirmed !== null)
        candidates.push({
          value: confirmed,
          key: confirmed.toLowerCase(),
          source: 'inferred',
          confidence: INFERRED.brandFromTitle,
        });
    }
    const brand = resolveAttribute('brand', candidates, issues, { recordConflicts: true });
    if (brand !== undefined) out.brand = brand;
  });

  guard('category', () => {
    const productName = out.name?.value ?? null;
    for (const trail of facts.breadcrumbs ?? []) {
      const path = categoryPath(trail.items, { productName });
      if (path.length > 0) {
        out.category = { value: path, confidence: trail.confidence, source: trail.source };
        return;
      }
    }
    for (const c of all('category')) {
      const path = categoryPath(c.value, { productName });
      if (path.length > 0) {
        out.category = { value: path, confidence: c.confidence * 0.9, source: c.source };
        return;
      }
    }
  });

  guard('images', () => {
    const candidates = all('image');
    const images = absoluteImageUrls(
      candidates.map((c) => c.value),
      options.url,
    );
    const first = candidates[0];
    if (images.length > 0 && first !== undefined)
      out.images = { value: images, confidence: first.confidence, source: first.source };
  });

  guard('url', () => {
    for (const c of all('url')) {
      const url = safeUrl(c.value, pageUrl);
      if (url !== null && pageUrl !== null && url.hostname === pageUrl.hostname) {
        url.hash = '';
        out.url = { value: url.href, confidence: c.confidence, source: c.source };
        return;
      }
    }
    if (pageUrl !== null) out.url = { value: pageUrl.href, confidence: 1, source: 'caller' };
  });

  if (out.availability !== undefined && out.price === undefined && isPurchasable(out.availability.value)) {
    issues.push({ attribute: 'price', reason: 'the product is offered but no price was found' });
  }
  return out;
}

function texts(
  candidates: readonly ProductCandidate[],
  clean: (raw: string) => string | null,
): Normalized<string>[] {
  const out: Normalized<string>[] = [];
  for (const c of candidates) {
    const value = clean(c.value);
    if (value !== null)
      out.push({ value, key: value.toLowerCase(), source: c.source, confidence: c.confidence });
  }
  return out;
}

function identifiers(
  candidates: readonly ProductCandidate[],
  clean: (raw: string) => string | null,
): Normalized<string>[] {
  const out: Normalized<string>[] = [];
  for (const c of candidates) {
    const value = clean(c.value);
    if (value !== null) out.push({ value, key: value, source: c.source, confidence: c.confidence });
  }
  return out;
}

function safeUrl(raw: string, base?: URL | null): URL | null {
  try {
    return base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
}

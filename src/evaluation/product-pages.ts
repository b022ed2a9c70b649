import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractPage } from '../extract/index.js';
import {
  currencyCodesOf,
  isPurchasable,
  normalizeProduct,
  type ProductAttributes,
} from '../normalize/index.js';
import type { EvalFamily, EvalRow } from './family.js';
import { readHtml, readJson, requireFile } from './folder.js';
import { sameDecimal } from './prices.js';

/**
 * `gleaner eval product-pages <folder>`: product facts and their normalization on labelled shop pages,
 * scored as scrapinghub/product-extraction-benchmark's `evaluate.py` scores them.
 *
 * The rule, per attribute, one prediction per page (the attribute `normalizeProduct` gives with a
 * confidence of at least `MIN_CONFIDENCE`; below it a value is a guess, as `needs_training_data` treats it):
 * - predicted and among the page's acceptable values: TP;
 * - predicted and not among them: FP, and also FN when the page has acceptable values;
 * - not predicted while the page has acceptable values: FN; not predicted and none expected: nothing.
 * Precision is TP/(TP+FP) and recall TP/(TP+FN) over all pages (both 1 when there are no FP and no FN),
 * F1 their harmonic mean. Matching: price as a decimal (`'16.90'` = `'16.9'`); sku, gtin and mpn as
 * strings after trimming surrounding whitespace; brand the same, ignoring case; availability as the
 * benchmark's two classes (InStock for every schema.org value a product can be ordered in: InStock,
 * LimitedAvailability, PreOrder, PreSale, BackOrder, MadeToOrder, InStoreOnly, OnlineOnly; OutOfStock for
 * OutOfStock, SoldOut, Discontinued, Reserved). `accuracy_currency`: over the pages with a currency,
 * the share whose predicted ISO code is one the written currency can stand for (`€` → EUR; `$` → any
 * dollar), a missing prediction counting as wrong.
 */
export const MIN_CONFIDENCE = 0.3;

type Scored = 'price' | 'sku' | 'availability' | 'brand' | 'gtin' | 'mpn';
export const SCORED_ATTRIBUTES: readonly Scored[] = ['price', 'sku', 'availability', 'brand', 'gtin', 'mpn'];

/** A page of a folder laid out like `../shared/fixtures/product-pages`. */
export interface ProductPageCase {
  id: string;
  url: string;
  html: string;
  /** Acceptable values per attribute (`price`, `currency`, `availability`, `sku`, `brand`, `gtin`, `mpn`). */
  expected: Record<string, string[]>;
}

type GroundTruth = Record<string, Record<string, unknown> & { url: string }>;

export async function loadProductPageCases(folder: string): Promise<ProductPageCase[]> {
  const truth = await readJson<GroundTruth>(requireFile(folder, 'ground-truth.json', 'product-pages'));
  return Promise.all(
    Object.entries(truth).map(async ([id, item]) => {
      const gz = join(folder, 'html', `${id}.html.gz`);
      const path = existsSync(gz) ? gz : requireFile(folder, join('html', `${id}.html`), 'product-pages');
      const expected: Record<string, string[]> = {};
      for (const [key, value] of Object.entries(item)) {
        if (Array.isArray(value)) expected[key] = value.filter((v): v is string => typeof v === 'string');
      }
      return { id, url: item.url, html: await readHtml(path), expected };
    }),
  );
}

/** One value per scored attribute (and the currency), as the rule above takes them. */
export type ProductPrediction = Partial<Record<Scored | 'currency', string>>;

/** Gleaner on one page: `extractPage` with product facts, then `normalizeProduct`. */
export function predictProductPage(item: { html: string; url: string }): {
  prediction: ProductPrediction;
  attributes: ProductAttributes;
} {
  const facts = extractPage(item.html, { url: item.url, product: true });
  const attributes = normalizeProduct(facts.product ?? { markup: [], candidates: {}, breadcrumbs: [] }, {
    url: item.url,
  });
  const prediction: ProductPrediction = {};
  const take = <T>(a: { value: T; confidence: number } | undefined): T | undefined =>
    a !== undefined && a.confidence >= MIN_CONFIDENCE ? a.value : undefined;
  const set = (key: keyof ProductPrediction, value: string | undefined) => {
    if (value !== undefined) prediction[key] = value;
  };
  set('price', take(attributes.price));
  set('currency', take(attributes.currency));
  const availability = take(attributes.availability);
  set(
    'availability',
    availability === undefined ? undefined : isPurchasable(availability) ? 'InStock' : 'OutOfStock',
  );
  set('sku', take(attributes.sku));
  set('brand', take(attributes.brand));
  set('gtin', take(attributes.gtin));
  set('mpn', take(attributes.mpn));
  return { prediction, attributes };
}

const norm = (value: string) => value.replace(/\s+/g, ' ').trim();

export function matches(attribute: Scored, expected: readonly string[], predicted: string): boolean {
  switch (attribute) {
    case 'price':
      return expected.some((e) => /^\d+(?:\.\d+)?$/.test(norm(e)) && sameDecimal(norm(e), predicted));
    case 'brand':
      return expected.some((e) => norm(e).toLowerCase() === norm(predicted).toLowerCase());
    default:
      return expected.some((e) => norm(e) === norm(predicted));
  }
}

export interface ProductPageScores {
  metrics: Record<string, number>;
  /** Per page and attribute: TP, FP, FN as the rule counts them. */
  counts: Record<Scored, { tp: number; fp: number; fn: number }>;
  rows: EvalRow[];
}

/** Scores predictions against the cases' acceptable values (the rule in this file's header). */
export function scoreProductPages(
  cases: readonly ProductPageCase[],
  predictions: ReadonlyMap<string, ProductPrediction>,
): ProductPageScores {
  const counts = Object.fromEntries(SCORED_ATTRIBUTES.map((a) => [a, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Scored,
    { tp: number; fp: number; fn: number }
  >;
  const rows: EvalRow[] = [];
  let currencyCases = 0;
  let currencyRight = 0;
  for (const item of cases) {
    const predicted = predictions.get(item.id) ?? {};
    for (const attribute of SCORED_ATTRIBUTES) {
      const expected = (item.expected[attribute] ?? []).filter((e) => norm(e) !== '');
      const value = predicted[attribute];
      const c = counts[attribute];
      let outcome: string;
      if (value === undefined) {
        if (expected.length === 0) continue;
        c.fn += 1;
        outcome = 'missed';
      } else if (matches(attribute, expected, value)) {
        c.tp += 1;
        continue;
      } else {
        c.fp += 1;
        if (expected.length > 0) c.fn += 1;
        outcome = expected.length > 0 ? 'wrong' : 'unexpected';
      }
      rows.push({
        id: item.id,
        attribute,
        outcome,
        predicted: value ?? null,
        expected: expected.join(' | '),
      });
    }
    const written = (item.expected['currency'] ?? []).filter((e) => norm(e) !== '');
    if (written.length > 0) {
      currencyCases += 1;
      const iso = predicted.currency;
      const ok = iso !== undefined && written.some((w) => currencyCodesOf(w).includes(iso));
      if (ok) currencyRight += 1;
      else
        rows.push({
          id: item.id,
          attribute: 'currency',
          outcome: iso === undefined ? 'missed' : 'wrong',
          predicted: iso ?? null,
          expected: written.join(' | '),
        });
    }
  }
  const metrics: Record<string, number> = {};
  for (const attribute of SCORED_ATTRIBUTES) metrics[`f1_${attribute}`] = f1(counts[attribute]);
  metrics['accuracy_currency'] = currencyCases === 0 ? 0 : currencyRight / currencyCases;
  return { metrics, counts, rows };
}

/** evaluate.py's F1: precision and recall are 1 when there are no errors at all. */
function f1({ tp, fp, fn }: { tp: number; fp: number; fn: number }): number {
  const precision = fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** The pages of half `1` or `2` (alternating in id order), for checking that a change generalises. */
export function halfOf<T extends { id: string }>(cases: readonly T[], half: 1 | 2): T[] {
  return [...cases].sort((a, b) => (a.id < b.id ? -1 : 1)).filter((_, i) => i % 2 === half - 1);
}

export const productPagesEvaluation: EvalFamily = {
  name: 'product-pages',
  description:
    'product facts + normalization on shop pages: per-attribute F1 (price, sku, availability, brand, gtin, mpn), currency accuracy; --option half=1|2 scores one half',
  async run(folder, options) {
    let cases = await loadProductPageCases(folder);
    if (options['half'] === '1' || options['half'] === '2')
      cases = halfOf(cases, Number(options['half']) as 1 | 2);
    const predictions = new Map(cases.map((c) => [c.id, predictProductPage(c).prediction]));
    const { metrics, rows } = scoreProductPages(cases, predictions);
    return { family: 'product-pages', n: cases.length, metrics, rows };
  },
};

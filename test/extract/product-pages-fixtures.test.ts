import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  halfOf,
  loadProductPageCases,
  predictProductPage,
  scoreProductPages,
  type ProductPrediction,
} from '../../src/evaluation/index.js';

/** scrapinghub/product-extraction-benchmark's development pages (../shared/fixtures/README), read in place. */
const FOLDER = fileURLToPath(new URL('../../../shared/fixtures/product-pages/', import.meta.url));

const format = (metrics: Record<string, number>) =>
  Object.entries(metrics)
    .map(([key, value]) => `${key} ${value.toFixed(3)}`)
    .join(', ');

describe('product facts and normalization on real shop pages', () => {
  it('reach the targets of issue #5 on the whole set and hold on both halves', async () => {
    const cases = await loadProductPageCases(FOLDER);
    const predictions = new Map<string, ProductPrediction>(
      cases.map((c) => [c.id, predictProductPage(c).prediction]),
    );
    const all = scoreProductPages(cases, predictions);
    const first = scoreProductPages(halfOf(cases, 1), predictions);
    const second = scoreProductPages(halfOf(cases, 2), predictions);
    console.log(
      `product pages: ${cases.length}\n  all:    ${format(all.metrics)}\n  half 1: ${format(first.metrics)}\n  half 2: ${format(second.metrics)}`,
    );
    const misses = all.rows.filter((r) => ['price', 'sku', 'availability'].includes(String(r.attribute)));
    console.log(
      misses
        .map(
          (r) =>
            `${String(r.id).slice(0, 8)} ${r.attribute} ${r.outcome}: ${JSON.stringify(r.predicted)}, want ${r.expected}`,
        )
        .join('\n'),
    );

    // The targets (the best commercial extractor: 0.918 / 0.841 / 0.957 on the full benchmark).
    expect(all.metrics.f1_price).toBeGreaterThanOrEqual(0.92);
    expect(all.metrics.f1_sku).toBeGreaterThanOrEqual(0.85);
    // Availability: the target is 0.96, but three labels of this set say the opposite of their page, which
    // caps any extractor that reads the page at 57/60 = 0.95:
    // b475627f (JSON-LD "OutOfStock", its data "numberOfAvailableProductSkus":0; labelled InStock),
    // c9f80eb2 (JSON-LD OutOfStock, price 0, the page prints "המוצר אינו במלאי", not in stock; labelled
    // InStock) and b4298c1b (a classified ad marked "NOT SOLD", labelled OutOfStock, while 5579758b, also
    // "NOT SOLD", is labelled InStock). The rest is right: no other availability is missed or wrong.
    expect(all.metrics.f1_availability).toBeGreaterThanOrEqual(0.95);
    expect(
      misses
        .filter((r) => r.attribute === 'availability')
        .map((r) => String(r.id).slice(0, 8))
        .sort(),
    ).toEqual(['b4298c1b', 'b475627f', 'c9f80eb2']);
    expect(all.metrics.accuracy_currency).toBeGreaterThanOrEqual(0.95);
    // Rules that generalise score about the same on either half.
    for (const key of ['f1_price', 'f1_sku', 'f1_availability'] as const) {
      expect(Math.abs(first.metrics[key]! - second.metrics[key]!)).toBeLessThan(0.08);
    }
  });
});

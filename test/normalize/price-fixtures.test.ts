import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPriceCases, scorePrices } from '../../src/evaluation/index.js';

/** scrapinghub/price-parser's own cases (../shared/fixtures/prices/README): the suite of `parsePrice`. */
const FOLDER = fileURLToPath(new URL('../../../shared/fixtures/prices/', import.meta.url));

describe('parsePrice on the price-parser cases', () => {
  it('reads amounts and currencies as well as the reference parser, and more', async () => {
    const { rows, metrics } = scorePrices(await loadPriceCases(FOLDER));
    console.log(`price cases: ${rows.length}\n${JSON.stringify(metrics, null, 2)}`);
    const misses = rows
      .filter((r) => !r.amountOk || r.currencyOk === false)
      .map(
        (r) =>
          `${r.flagged ? 'xfail ' : ''}${JSON.stringify(r.input)} → ${r.amount} ${r.currency} (want ${r.expectedAmount} ${r.expectedCurrency})`,
      );
    if (misses.length > 0) console.log(`misses:\n${misses.join('\n')}`);
    // The targets: ≥ 99% of the cases the reference parser gets right, and some of those it gets wrong.
    expect(metrics.amount_accuracy_unflagged).toBeGreaterThanOrEqual(0.99);
    expect(metrics.amount_accuracy_flagged).toBeGreaterThan(0);
    expect(metrics.currency_accuracy).toBeGreaterThanOrEqual(0.99);
  });
});

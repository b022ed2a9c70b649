import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../src/normalize/index.js';

/** scrapinghub/price-parser's own cases (../shared/fixtures/prices/README): the suite of `parsePrice`. */
interface PriceCase {
  id: string;
  input: string | null;
  currency_hint: string | null;
  decimal_separator: string | null;
  expected_amount: string | null;
  expected_currency: string | null;
  upstream_xfail: boolean;
}

const FIXTURE = new URL('../../../shared/fixtures/prices/price_cases.jsonl', import.meta.url);
const NOT_CHECKED = '(not checked)';

/** Decimal equality without floats: `'12.50'` equals `'12.5'`, `'012'` equals `'12'`. */
function canonicalDecimal(value: string): string {
  const [integer = '', fraction = ''] = value.split('.');
  const whole = integer.replace(/^0+(?=\d)/, '') || '0';
  const frac = fraction.replace(/0+$/, '');
  return frac === '' ? whole : `${whole}.${frac}`;
}

const sameAmount = (expected: string | null, actual: string | null) =>
  expected === null || actual === null
    ? expected === actual
    : canonicalDecimal(expected) === canonicalDecimal(actual);

const ratio = (hits: number, total: number) =>
  total === 0 ? 'n/a' : `${hits}/${total} (${((100 * hits) / total).toFixed(1)}%)`;

describe('parsePrice on the price-parser cases', () => {
  const cases = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PriceCase);

  const results = cases.map((c) => {
    const parsed = parsePrice(c.input ?? '', {
      currencyHint: c.currency_hint,
      decimalSeparator: c.decimal_separator,
    });
    return {
      c,
      parsed,
      amountOk: sameAmount(c.expected_amount, parsed.amount),
      currencyChecked: c.expected_currency !== NOT_CHECKED,
      currencyOk: c.expected_currency === parsed.currency,
    };
  });

  it('reads amounts and currencies as well as the reference parser, and more', () => {
    const regular = results.filter((r) => !r.c.upstream_xfail);
    const flagged = results.filter((r) => r.c.upstream_xfail);
    const checked = results.filter((r) => r.currencyChecked);
    const count = (rows: typeof results, key: 'amountOk' | 'currencyOk') => rows.filter((r) => r[key]).length;

    console.log(
      [
        `price cases: ${results.length}`,
        `amount, all: ${ratio(count(results, 'amountOk'), results.length)}`,
        `amount, not upstream_xfail: ${ratio(count(regular, 'amountOk'), regular.length)}`,
        `amount, upstream_xfail: ${ratio(count(flagged, 'amountOk'), flagged.length)}`,
        `currency as written: ${ratio(count(checked, 'currencyOk'), checked.length)}`,
        `currency, not upstream_xfail: ${ratio(
          count(
            checked.filter((r) => !r.c.upstream_xfail),
            'currencyOk',
          ),
          checked.filter((r) => !r.c.upstream_xfail).length,
        )}`,
      ].join('\n'),
    );
    const misses = results
      .filter((r) => !r.amountOk || (r.currencyChecked && !r.currencyOk))
      .map(
        (r) =>
          `${r.c.upstream_xfail ? 'xfail ' : ''}${JSON.stringify(r.c.input)} → ${r.parsed.amount} ${r.parsed.currency} (want ${r.c.expected_amount} ${r.c.expected_currency})`,
      );
    if (misses.length > 0) console.log(`misses:\n${misses.join('\n')}`);

    expect(count(regular, 'amountOk') / regular.length).toBeGreaterThanOrEqual(0.99);
    expect(count(flagged, 'amountOk')).toBeGreaterThan(0);
  });
});

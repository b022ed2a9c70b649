import { parsePrice } from '../normalize/index.js';
import type { EvalFamily, EvalRow } from './family.js';
import { readJsonLines, requireFile } from './folder.js';

/** A case of a folder laid out like `../shared/fixtures/prices` (`price_cases.jsonl`, see its README). */
export interface PriceCase {
  id: string;
  input: string | null;
  currency_hint: string | null;
  decimal_separator: string | null;
  expected_amount: string | null;
  expected_currency: string | null;
  upstream_xfail: boolean;
}

// The fixture's marker for a currency the reference's test did not check.
const NOT_CHECKED = '(not checked)';

export async function loadPriceCases(folder: string): Promise<PriceCase[]> {
  return readJsonLines<PriceCase>(requireFile(folder, 'price_cases.jsonl', 'prices'));
}

/** Decimal equality without floats: `'12.50'` equals `'12.5'`, `'012'` equals `'12'`. */
export function sameDecimal(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return canonicalDecimal(expected) === canonicalDecimal(actual);
}

function canonicalDecimal(value: string): string {
  const [integer = '', fraction = ''] = value.split('.');
  const whole = integer.replace(/^0+(?=\d)/, '') || '0';
  const frac = fraction.replace(/0+$/, '');
  return frac === '' ? whole : `${whole}.${frac}`;
}

export interface PriceScores {
  rows: (EvalRow & { amountOk: boolean; currencyOk: boolean | null; flagged: boolean })[];
  metrics: Record<string, number>;
}

/** Parse every case and score amounts (as decimals) and currencies (as written). */
export function scorePrices(cases: readonly PriceCase[]): PriceScores {
  const rows = cases.map((c) => {
    const parsed = parsePrice(c.input ?? '', {
      currencyHint: c.currency_hint,
      decimalSeparator: c.decimal_separator,
    });
    return {
      id: c.id,
      input: c.input,
      amount: parsed.amount,
      currency: parsed.currency,
      expectedAmount: c.expected_amount,
      expectedCurrency: c.expected_currency,
      flagged: c.upstream_xfail,
      amountOk: sameDecimal(c.expected_amount, parsed.amount),
      currencyOk: c.expected_currency === NOT_CHECKED ? null : c.expected_currency === parsed.currency,
    };
  });
  const rate = (subset: typeof rows, ok: (r: (typeof rows)[number]) => boolean) =>
    subset.length === 0 ? 0 : subset.filter(ok).length / subset.length;
  const checked = rows.filter((r) => r.currencyOk !== null);
  return {
    rows,
    metrics: {
      amount_accuracy: rate(rows, (r) => r.amountOk),
      currency_accuracy: rate(checked, (r) => r.currencyOk === true),
      amount_accuracy_unflagged: rate(
        rows.filter((r) => !r.flagged),
        (r) => r.amountOk,
      ),
      amount_accuracy_flagged: rate(
        rows.filter((r) => r.flagged),
        (r) => r.amountOk,
      ),
    },
  };
}

export const pricesEvaluation: EvalFamily = {
  name: 'prices',
  description: 'the price normalizer: amounts as decimals and currencies as written',
  async run(folder) {
    const { rows, metrics } = scorePrices(await loadPriceCases(folder));
    return {
      family: 'prices',
      n: rows.length,
      metrics,
      rows: rows.filter((r) => !r.amountOk || r.currencyOk === false),
    };
  },
};

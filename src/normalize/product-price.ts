import type { ProductCandidate } from '../extract/index.js';
import { normalizeCurrency } from './currency.js';
import { parsePrice } from './price.js';
import type { ProductIssue } from './product-attributes.js';
import type { Normalized } from './product-resolve.js';

/** Prices above this are not prices (a phone number, a barcode read as an amount). */
export const MAX_PRICE = 1_000_000_000;
/** A markup price is a plain decimal with `.` as the point (schema.org): read as such, not guessed. */
const PLAIN_DECIMAL = /^\s*\d+(?:\.\d+)?\s*$/;
/** Sources written for machines: a value of theirs that cannot be read is worth an issue. */
export const MARKUP_SOURCES: ReadonlySet<string> = new Set([
  'json-ld',
  'microdata',
  'rdfa',
  'opengraph',
  'meta',
]);

/**
 * Price candidates → exact decimal amounts, and the currencies their texts name (`1.299,00 €` gives 1299
 * and EUR). Unreadable markup prices and absurd amounts (zero, negative, `MAX_PRICE` and above) are
 * left out with an issue each.
 */
export function readPrices(
  candidates: readonly ProductCandidate[],
  options: { hint: string | null; pageUrl: string },
  issues: ProductIssue[],
): { prices: Normalized<string>[]; currencies: Normalized<string>[] } {
  const prices: Normalized<string>[] = [];
  const currencies: Normalized<string>[] = [];
  for (const c of candidates) {
    const markup = MARKUP_SOURCES.has(c.source);
    const parsed =
      markup && PLAIN_DECIMAL.test(c.value)
        ? plain(c.value)
        : parsePrice(c.value, { currencyHint: options.hint });
    if (parsed.amount === null) {
      if (markup)
        issues.push({
          attribute: 'price',
          reason: `unknown price format: "${c.value.slice(0, 60)}" (${c.source})`,
        });
      continue;
    }
    const amount = Number(parsed.amount);
    if (!(amount > 0) || amount >= MAX_PRICE) {
      issues.push({
        attribute: 'price',
        reason: `absurd amount ${parsed.amount} from "${c.value.slice(0, 60)}" (${c.source})`,
      });
      continue;
    }
    prices.push({ value: parsed.amount, key: parsed.amount, source: c.source, confidence: c.confidence });
    if (parsed.currency !== null && parsed.currency !== options.hint) {
      const currency = normalizeCurrency(parsed.currency, { pageUrl: options.pageUrl });
      if (currency !== null) {
        currencies.push({
          value: currency.iso,
          key: currency.iso,
          source: c.source,
          confidence: c.confidence * (currency.ambiguous ? 0.6 : 0.95),
        });
      }
    }
  }
  return { prices, currencies };
}

/** A plain decimal read exactly: `'016.900'` → `'16.9'`. */
function plain(value: string): { amount: string; currency: null } {
  const [integer = '0', fraction = ''] = value.trim().split('.');
  const whole = integer.replace(/^0+(?=\d)/, '');
  const frac = fraction.replace(/0+$/, '');
  return { amount: frac === '' ? whole : `${whole}.${frac}`, currency: null };
}

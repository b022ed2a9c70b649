import { CURRENCY_MARKS } from './currency-table.js';
import { parsePrice } from './price.js';

/**
 * Currencies as ISO 4217 codes, from a code (`eur`, the retired `RUR`), a mark (`€`, `руб.`, `US$`) or a
 * price text's mark, with the page's country settling the marks shared by many currencies (`$` on a
 * `.ca` shop is CAD, `kr` on a `.se` shop SEK).
 */

/** Codes replaced by another and still written by old systems: the code of today. */
const RETIRED: Readonly<Record<string, string>> = {
  RUR: 'RUB', BYR: 'BYN', VEF: 'VES', MRO: 'MRU', STD: 'STN', ZMK: 'ZMW', GHC: 'GHS', TRL: 'TRY',
  ROL: 'RON', SLL: 'SLE', HRK: 'EUR', LTL: 'EUR', LVL: 'EUR', EEK: 'EUR', SKK: 'EUR', SIT: 'EUR',
}; // prettier-ignore

/** Country-code top-level domain → its currency. */
const TLD_CURRENCY: Readonly<Record<string, string>> = {
  us: 'USD', ca: 'CAD', au: 'AUD', nz: 'NZD', sg: 'SGD', hk: 'HKD', mx: 'MXN', ar: 'ARS', cl: 'CLP',
  co: 'COP', tw: 'TWD', uy: 'UYU', do: 'DOP', jm: 'JMD', tt: 'TTD', br: 'BRL', se: 'SEK', no: 'NOK',
  dk: 'DKK', is: 'ISK', in: 'INR', pk: 'PKR', lk: 'LKR', np: 'NPR', mu: 'MUR', jp: 'JPY', cn: 'CNY',
  uk: 'GBP', gb: 'GBP', ch: 'CHF', li: 'CHF', pl: 'PLN', cz: 'CZK', hu: 'HUF', ro: 'RON', bg: 'BGN',
  ru: 'RUB', ua: 'UAH', kz: 'KZT', by: 'BYN', tr: 'TRY', il: 'ILS', za: 'ZAR', kr: 'KRW', th: 'THB',
  vn: 'VND', ph: 'PHP', id: 'IDR', my: 'MYR', ae: 'AED', sa: 'SAR', eg: 'EGP', ng: 'NGN', ke: 'KES',
  pe: 'PEN', rs: 'RSD', mk: 'MKD', ge: 'GEL', am: 'AMD', az: 'AZN',
  de: 'EUR', fr: 'EUR', it: 'EUR', es: 'EUR', nl: 'EUR', be: 'EUR', at: 'EUR', ie: 'EUR', pt: 'EUR',
  fi: 'EUR', gr: 'EUR', sk: 'EUR', si: 'EUR', ee: 'EUR', lv: 'EUR', lt: 'EUR', lu: 'EUR', mt: 'EUR',
  cy: 'EUR', hr: 'EUR',
}; // prettier-ignore

export interface CurrencyResult {
  /** ISO 4217 code. */
  iso: string;
  /** The mark stands for several currencies and the choice is a guess (the page's country, else the most common). */
  ambiguous: boolean;
}

/** The currency of the country a page's host belongs to (`shop.example.de` → EUR), or null. */
export function countryCurrency(pageUrl: string | null | undefined): string | null {
  if (typeof pageUrl !== 'string') return null;
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return null;
  }
  const labels = host.split('.');
  const tld = labels.at(-1) ?? '';
  // `.co.uk`, `.com.au`, `.com.br`: the country is the last label all the same.
  return TLD_CURRENCY[tld] ?? null;
}

/**
 * An ISO 4217 code for a currency as a page writes it. Pure; never throws.
 *
 * @example normalizeCurrency('eur') // { iso: 'EUR', ambiguous: false }
 * @example normalizeCurrency('RUR') // { iso: 'RUB', ambiguous: false }
 * @example normalizeCurrency('$', { pageUrl: 'https://www.bestbuy.ca/p/1' }) // { iso: 'CAD', ambiguous: true }
 */
export function normalizeCurrency(
  raw: unknown,
  options: { pageUrl?: string | null } = {},
): CurrencyResult | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '' || text.length > 40) return null;
  // Pure and asked the same few questions on every record: remembered (the mark scan is the cost).
  const key = `${text}\u0000${countryCurrency(options.pageUrl) ?? ''}`;
  const known = CACHE.get(key);
  if (known !== undefined) return known;
  const result = readCurrency(text, options.pageUrl ?? null);
  if (CACHE.size >= MAX_CACHED) CACHE.clear();
  CACHE.set(key, result);
  return result;
}

const CACHE = new Map<string, CurrencyResult | null>();
const MAX_CACHED = 2_000;

function readCurrency(text: string, pageUrl: string | null): CurrencyResult | null {
  const upper = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper)) {
    if (RETIRED[upper] !== undefined) return { iso: RETIRED[upper], ambiguous: false };
    const mark = CURRENCY_MARKS.get(upper);
    if (mark?.iso === upper) return { iso: upper, ambiguous: false };
  }
  const exact = CURRENCY_MARKS.get(text);
  if (exact !== undefined && exact.iso !== null)
    return { iso: RETIRED[exact.iso] ?? exact.iso, ambiguous: false };
  if (exact !== undefined) return resolveAmbiguous(text, pageUrl);
  const parsed = parsePrice('', { currencyHint: text });
  if (parsed.currencyIso !== null)
    return { iso: RETIRED[parsed.currencyIso] ?? parsed.currencyIso, ambiguous: false };
  if (parsed.currency === null) return null;
  return resolveAmbiguous(parsed.currency, pageUrl);
}

/** An ambiguous mark (`$`, `kr`, `Rs`, `¥`) → the page country's currency when it is one of the mark's, else the first. */
export function resolveAmbiguous(mark: string, pageUrl: string | null): CurrencyResult | null {
  const candidates = CURRENCY_MARKS.get(mark)?.candidates ?? [];
  if (candidates.length === 0) return null;
  const local = countryCurrency(pageUrl);
  if (local !== null && candidates.includes(local)) return { iso: local, ambiguous: true };
  return { iso: candidates[0] as string, ambiguous: true };
}

/**
 * Every ISO code a currency as written may stand for: one for `€` or `EUR`, the candidates of an
 * ambiguous mark (`$` → USD, CAD, AUD, …), none for what is no currency. For comparing a code with a
 * currency written the way a page writes it.
 * @example currencyCodesOf('$').includes('CAD') // true
 */
export function currencyCodesOf(written: string): string[] {
  const exact = normalizeCurrency(written);
  if (exact === null) return [];
  if (!exact.ambiguous) return [exact.iso];
  const parsed = parsePrice('', { currencyHint: written.trim() });
  return [...(CURRENCY_MARKS.get(parsed.currency ?? '')?.candidates ?? [exact.iso])];
}

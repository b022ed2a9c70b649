/**
 * GTINs (EAN-8, UPC-A, EAN-13, GTIN-14, and ISBN-13 which is an EAN-13) checked by their GS1 check
 * digit, so that a mistyped or truncated code is rejected with the reason rather than stored. ISBN-10s,
 * checked by their own mod-11 digit, become their ISBN-13 (978 prefix) unless asked not to.
 */

export type GtinKind = 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14';

export type GtinResult =
  | { ok: true; gtin: string; kind: GtinKind; /** Set when an ISBN-10 was converted. */ fromIsbn10?: string }
  | { ok: false; reason: string };

export interface GtinOptions {
  /** Convert a valid ISBN-10 to its ISBN-13. @default true */
  isbn10?: boolean;
}

const KINDS: Readonly<Record<number, GtinKind>> = {
  8: 'GTIN-8',
  12: 'GTIN-12',
  13: 'GTIN-13',
  14: 'GTIN-14',
};
/** Labels a page may leave in front of the digits: `EAN: …`, `urn:isbn:…`, `gtin13 …`. */
const PREFIX =
  /^(?:urn:)?(?:ean(?:[-\s]?(?:8|13))?|gtin(?:[-\s]?(?:8|12|13|14))?|upc(?:-?a)?|isbn(?:[-\s]?(?:10|13))?|jan)\s*[:#]?\s*/i;
/** Separators printed inside codes: spaces, hyphens, dots (`978-3-16-148410-0`, `4 006381 333931`). */
const SEPARATORS = /[\s\u00a0.\-‐–]/g;

/** The GS1 check digit of the digits before it (any length): weights 3 and 1 from the right. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i -= 1, weight = 4 - weight) {
    sum += (body.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether a string of 8, 12, 13 or 14 digits carries a right check digit. */
export function isValidGtin(digits: string): boolean {
  return (
    /^(?:\d{8}|\d{12,14})$/.test(digits) && gtinCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1))
  );
}

function isbn10Valid(code: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const ch = code.charAt(i);
    const value = ch === 'X' || ch === 'x' ? 10 : Number(ch);
    if (i < 9 && ch.toUpperCase() === 'X') return false;
    sum += value * (10 - i);
  }
  return sum % 11 === 0;
}

/**
 * A GTIN as digits only, checked. Pure; never throws.
 *
 * @example normalizeGtin('4006381333931') // { ok: true, gtin: '4006381333931', kind: 'GTIN-13' }
 * @example normalizeGtin('4006381333932') // { ok: false, reason: 'bad check digit: …' }
 * @example normalizeGtin('ISBN 3-16-148410-X') // { ok: true, gtin: '9783161484100', kind: 'GTIN-13', fromIsbn10: '316148410X' }
 */
export function normalizeGtin(raw: unknown, options: GtinOptions = {}): GtinResult {
  const value = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (typeof value !== 'string') return { ok: false, reason: 'not a text or a whole number' };
  const code = value.trim().replace(PREFIX, '').replace(SEPARATORS, '');
  if (code === '') return { ok: false, reason: 'empty' };
  if (/^\d{9}[\dXx]$/.test(code) && options.isbn10 !== false) {
    if (!isbn10Valid(code))
      return { ok: false, reason: `"${code}" is not a valid ISBN-10 (bad check digit)` };
    const body = `978${code.slice(0, 9)}`;
    return {
      ok: true,
      gtin: `${body}${gtinCheckDigit(body)}`,
      kind: 'GTIN-13',
      fromIsbn10: code.toUpperCase(),
    };
  }
  if (!/^\d+$/.test(code))
    return { ok: false, reason: `"${value.trim().slice(0, 40)}" holds characters other than digits` };
  const kind = KINDS[code.length];
  if (kind === undefined) {
    return {
      ok: false,
      reason: `"${code.slice(0, 40)}" has ${code.length} digits; a GTIN has 8, 12, 13 or 14`,
    };
  }
  if (/^0+$/.test(code)) return { ok: false, reason: 'all zeros: a placeholder, not a GTIN' };
  const expected = gtinCheckDigit(code.slice(0, -1));
  if (expected !== Number(code.slice(-1))) {
    return {
      ok: false,
      reason: `bad check digit: "${code}" ends in ${code.slice(-1)}, its digits call for ${expected}`,
    };
  }
  return { ok: true, gtin: code, kind };
}

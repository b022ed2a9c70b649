/**
 * SKUs and manufacturer part numbers as the shop means them: surrounding labels, quotes and whitespace
 * removed, case and inner punctuation kept (`924/9556`, `MQ2Y2SL/A`, `VEI22G013-K11` are what they are).
 * Placeholders that templates print for a missing value are not identifiers.
 */

/** Longer values are descriptions or junk, not codes. */
export const MAX_IDENTIFIER_CHARS = 64;
const LABEL =
  /^(?:sku|mpn|item\s*(?:no|number|#)|art(?:ikel)?[.\s-]*nr|artikelnummer|product\s*(?:code|id|no)|model(?:\s*(?:no|number))?|part\s*(?:no|number)|ref(?:erence)?|réf(?:érence)?|código|codice|артикул|код)\.?\s*[:#]\s*/iu;
const PLACEHOLDER =
  /^(?:null|undefined|none|n\/?a|nan|na|-+|0+|tbd|unknown|sku|mpn|\{\{.*\}\}|\$\{.*\}|%.+%)$/i;

function clean(raw: unknown): string | null {
  const value = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(LABEL, '')
    .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/gu, '')
    .replace(/^#\s*/, '')
    .trim();
  if (text === '' || text.length > MAX_IDENTIFIER_CHARS || PLACEHOLDER.test(text)) return null;
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  // A code is a word or a few; a sentence is not one. A code followed by its product's name
  // (`TE502955-1293415 Housse de canapé`) is that code.
  const words = text.split(' ');
  if (words.length > 4) {
    const first = words[0] as string;
    return first.length >= 4 && /\d/.test(first) && /^[\p{L}\p{N}][\p{L}\p{N}./_-]*$/u.test(first)
      ? first
      : null;
  }
  return text;
}

/**
 * A SKU, cleaned; null when there is none.
 * @example cleanSku(' SKU: 924/9556 ') // '924/9556'
 * @example cleanSku('null') // null
 */
export function cleanSku(raw: unknown): string | null {
  return clean(raw);
}

/**
 * A manufacturer part number, cleaned (a trailing full stop dropped); null when there is none or it has
 * no digit (a model's name, not its number).
 * @example cleanMpn('Model: HMP 2000') // 'HMP 2000'
 */
export function cleanMpn(raw: unknown): string | null {
  const value = clean(raw);
  // Part numbers carry digits; a word alone ("Eloísa", "Banqueta Marilyn") is a model's name.
  return value !== null && /\d/.test(value) ? value.replace(/[.,;:]+$/, '') : null;
}

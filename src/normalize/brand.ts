import { cleanText } from './product-text.js';

/**
 * A brand name from what a page states: a `brand` text or entity name, a manufacturer, a publisher, a
 * "Brand: …" label, a "Visit the Tefal Store" byline. Labels and bylines are taken off; values that name
 * no brand (`Generic`, `No brand`, a URL, a number) are refused. The order sources are tried in, and
 * their confidence, is `normalizeProduct`'s (brand, manufacturer, publisher, og:site_name, title).
 */

export const MAX_BRAND_CHARS = 60;
const LABEL =
  /^(?:brand|marke|marque|marca|merk|marka|бренд|hersteller|manufacturer|fabricant|by|von|par|de|di|door|od|от)\s*[:：]?\s+/iu;
/** Marketplace bylines around the brand name. */
const BYLINES: readonly RegExp[] = [
  /^visit the (.+?) store$/i,
  /^besuchen sie den (.+?)-store$/i,
  /^visiter la boutique (.+)$/i,
  /^visita la tienda de (.+)$/i,
  /^visita lo store di (.+)$/i,
  /^bezoek de (.+?)-winkel$/i,
  // "See more from the brand: Panasonic", "Marke: Bosch": whatever follows a brand label.
  /(?:^|\s)(?:brand|marke|marque|marca|merk|marka|бренд|značka|kaubamärk)\s*[:：]\s*(.+)$/iu,
];
const NO_BRAND =
  /^(?:generic|unbranded|no ?brand|no ?name|none|null|undefined|n\/?a|other|others|unknown|brand|various|sonstige|divers|ohne marke|sans marque|sin marca|senza marca|без бренда|nincs)$/i;

/**
 * @example normalizeBrand('Brand: Tefal') // 'Tefal'
 * @example normalizeBrand('Visit the PetSafe Store') // 'PetSafe'
 * @example normalizeBrand('Generic') // null
 */
export function normalizeBrand(raw: unknown): string | null {
  let text = cleanText(raw, 200);
  if (text === null) return null;
  for (const byline of BYLINES) {
    const match = byline.exec(text);
    if (match?.[1] !== undefined) {
      text = match[1].trim();
      break;
    }
  }
  text = text
    .replace(LABEL, '')
    .replace(/^["'“”«»]+|["'“”«»]+$/gu, '')
    .trim();
  if (text === '' || text.length > MAX_BRAND_CHARS) return null;
  if (NO_BRAND.test(text) || /^https?:\/\//i.test(text) || /^www\./i.test(text)) return null;
  // Template placeholders left unfilled: `$metabrand`, `{{ brand }}`, `%BRAND%`.
  if (/^[$%]\w|\{\{|\}\}|\$\{/.test(text)) return null;
  if (!/\p{L}/u.test(text)) return null;
  return text;
}

/**
 * The brand a product's name starts with, when the name starts with a known brand of the page (the
 * site's name, a label's value): the title is the last resort, and only as a confirmation.
 */
export function brandFromTitle(name: string, known: readonly string[]): string | null {
  const lower = name.toLowerCase();
  for (const brand of known) {
    const b = brand.toLowerCase();
    if (b.length >= 2 && lower.startsWith(b) && !/[\p{L}\p{N}]/u.test(lower.charAt(b.length))) return brand;
  }
  return null;
}

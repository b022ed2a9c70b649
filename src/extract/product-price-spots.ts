import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { normalizeWhitespace } from './text.js';

/**
 * The price elements of a product page and how the price to pay is chosen among them: the vocabulary
 * of price markers (class and id words, old-price labels, currency marks) and the ranking by the buy
 * button. Used by the visible-page walk (`product-visible.ts`).
 */

/** Subtrees that hold no value of the product: code, templates, form options, drawings. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'select',
  'option',
  'textarea',
]);
/** A price inside these is struck through: the price before a discount. */
export const STRUCK_TAGS: ReadonlySet<string> = new Set(['del', 's', 'strike']);
export const PRICE_MARKER = /price|preis|prix|precio|prezzo|prijs|preco|cena|цена/i;
/** A price element that is not the price to pay: the one before a discount, per unit, a saving, an instalment. */
export const NOT_THE_PRICE =
  /old|was|before|regular|strike|crossed|list|compare|rrp|uvp|msrp|original|saving|save|discount|percent|per-?unit|unit-?price|baseprice|base-price|grundpreis|instal|monthly|month|shipping|delivery|versand|range|filter|slider|label|tax|vat|points|club|member|vorher|statt|alt/i;
/** Text that opens with the label of an earlier or recommended price. */
export const OLD_PRICE_TEXT =
  /^(?:(?:rrp|uvp|upe|msrp|m\.?r\.?p\.?|was|statt|vorher|ehemals|list\s*price|regular\s*price|original\s*price|old\s*price|typical\s*price|reg\.|instead\s+of|prix\s+conseillé|prix\s+de\s+référence|ancien\s+prix|avant|precio\s+(?:anterior|normal|original)|antes|prezzo\s+(?:consigliato|di\s+listino)|prima|adviesprijs|van|de:|preço\s+(?:anterior|original)|старая\s+цена|было|cena\s+katalogowa|przed)(?![\p{L}])|建議售價|建议售价|原價|原价|定價|定价|市價|市价|參考價|参考价|每期|分期)/iu;
/** Marks of an element that shows a price not to pay (inside a price block). */
export const OLD_PRICE_PART =
  /(?:^|[\s_-])(?:old|was|regular|strike|striked|crossed|list|compare|rrp|uvp|msrp|original|before|vorher|statt|prev|previous)(?:$|[\s_-])/i;
export const CURRENT_PRICE =
  /sale|current|final|special|now|actual|our|offer|deal|promo|main|big|primary|selling|buy/i;
export const CURRENCY_MARK =
  /[$€£¥₹₽₩₺₪₫฿₱₴₸₦₵₲₡₾₼元円]|(?<![\p{L}])(?:USD|EUR|GBP|CHF|CAD|AUD|JPY|CNY|PLN|CZK|SEK|NOK|DKK|RUB|UAH|INR|BRL|MXN|TRY|HUF|RON|BGN|NZD|SGD|HKD|ZAR|KZT|TWD|NT|Rs|Kč|zł|Ft|lei|kr|руб|грн|тг|лв|R\$|S\/)(?![\p{L}])/iu;
/** A currency mark touching a number with a non-zero digit (`$12.99`, `294 元`, `1 299,00 €`). */
export const PRICE_SHAPE = new RegExp(
  `(?:${CURRENCY_MARK.source})\\s?\\d*[1-9]|[1-9][\\d.,'\\s]*\\s?(?:${CURRENCY_MARK.source})`,
  'iu',
);
export const UNMARKED_PRICE_TAGS: ReadonlySet<string> = new Set([
  'span',
  'td',
  'div',
  'p',
  'strong',
  'b',
  'font',
  'em',
  'dd',
  'li',
]);
export const PRICE_WORD =
  /price|preis|prix|precio|prezzo|prijs|preço|cena|цена|fiyat|hinta|pris|價|价|価格/iu;
/** An unmarked price counts only where no element is marked as a price: it ranks below every marked one. */
export const UNMARKED_SCORE = -3;
export const MAX_PRICE_TEXT = 60;

export interface PriceSpot {
  text: string;
  order: number;
  score: number;
}

/** Elements before the buy button that still belong to its buy box. */
export const BUY_BOX_WINDOW = 150;

/**
 * The price to pay: among the elements marked as prices (class or id), not struck through and not an
 * old, unit or instalment price, the best ranked (a currency mark, a "current/sale" marker); among equals,
 * the first of the buy box (the `BUY_BOX_WINDOW` elements before the buy button: the price heads it,
 * the variants, notes and secondary prices follow), then the nearest outside it, before the button
 * counting more than after. Without a button, the first of the page. Unmarked prices (a currency mark
 * touching a number) only where nothing is marked.
 */
export function choosePrice(
  prices: readonly PriceSpot[],
  buttonOrder: number | null,
  hasMarkup: boolean,
): { text: string; order: number; confidence: number; via: string } | null {
  if (prices.length === 0) return null;
  const rank = (p: PriceSpot, i: number): number => {
    let score = p.score * 10;
    if (buttonOrder === null) return score - i / prices.length;
    const distance = p.order - buttonOrder;
    if (distance < 0 && -distance <= BUY_BOX_WINDOW) return score;
    score -= distance < 0 ? Math.log2(-distance / BUY_BOX_WINDOW) + 1 : Math.log2(1 + distance) * 1.5 + 1;
    return score;
  };
  let best: PriceSpot | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  prices.forEach((p, i) => {
    const score = rank(p, i);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  });
  const chosen = best as PriceSpot | null;
  if (chosen === null) return null;
  const nearButton = buttonOrder !== null && Math.abs(chosen.order - buttonOrder) < 400;
  const confidence =
    0.45 +
    (nearButton ? 0.15 : 0) +
    (chosen.score >= 2 ? 0.05 : 0) -
    (hasMarkup ? 0.05 : 0) -
    (chosen.score < 0 ? 0.05 : 0);
  return {
    text: chosen.text,
    order: chosen.order,
    confidence,
    via: nearButton ? 'price by the buy button' : 'price element',
  };
}

/**
 * A price element's text without the parts that are not the price to pay: struck-through or hidden
 * children, and children marked as the old or list price (a block often shows both).
 */
export function priceText(element: Element): string {
  const parts: string[] = [];
  let length = 0;
  const stack: AnyNode[] = [...element.children].reverse();
  while (stack.length > 0 && length <= MAX_PRICE_TEXT + 20) {
    const node = stack.pop() as AnyNode;
    if (isText(node)) {
      parts.push(node.data);
      length += node.data.length;
      continue;
    }
    if (!isTag(node) || SKIPPED_TAGS.has(node.name) || STRUCK_TAGS.has(node.name)) continue;
    const attrs = node.attribs;
    const style = attrs['style'] ?? '';
    if (/line-through|display\s*:\s*none/i.test(style) || attrs['hidden'] !== undefined) continue;
    if (OLD_PRICE_PART.test(`${attrs['class'] ?? ''} ${attrs['id'] ?? ''}`)) continue;
    parts.push(' ');
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return normalizeWhitespace(parts.join(''));
}

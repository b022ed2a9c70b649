import { isTag, type AnyNode, type Element } from 'domhandler';
import type { ParsedPage } from './parsed-page.js';
import type { BreadcrumbTrail, ProductCandidate, ProductField } from './product-facts-types.js';
import { readLabels } from './product-label-pairs.js';
import { hasBuyWords, isBuyControl } from './product-buy-button.js';
import {
  choosePrice,
  CURRENT_PRICE,
  CURRENCY_MARK,
  MAX_PRICE_TEXT,
  NOT_THE_PRICE,
  OLD_PRICE_TEXT,
  PRICE_MARKER,
  PRICE_SHAPE,
  PRICE_WORD,
  priceText,
  SKIPPED_TAGS,
  STRUCK_TAGS,
  UNMARKED_PRICE_TAGS,
  UNMARKED_SCORE,
  type PriceSpot,
} from './product-price-spots.js';
import { shortText } from './short-text.js';

/**
 * Product values from the page as people see it, for shops without markup (and to back markup up): the
 * `<h1>`, the price printed closest to the buy button, stock wording and the button's state, breadcrumbs,
 * and "SKU: …", "EAN …", "Brand: …" label pairs. One walk of the body; navigation, header, footer and
 * blocks of other products (related, recommended, carousels) are skipped, since their prices and codes
 * are not this product's.
 */

export interface VisibleProductFacts {
  candidates: Partial<Record<ProductField, ProductCandidate[]>>;
  breadcrumbs: BreadcrumbTrail[];
}

/** Elements a page hangs its chrome or other products on. */
const OUTSIDE_TAGS: ReadonlySet<string> = new Set(['header', 'footer', 'nav', 'aside', 'dialog']);
/** Class or id tokens of page chrome (whole tokens: `header-price` is a price, not a header). */
const CHROME_TOKEN =
  /^(?:(?:site|global|top)[-_]?)?(?:header|footer|nav|navbar|navigation|menu|megamenu|mega-menu|breadcrumbs?)$/i;
/** Class or id tokens that begin a block of other products or of page furniture. */
const OTHER_PRODUCTS_TOKEN =
  /^(?:related|recommend|similar|also[-_]?(?:bought|viewed|like)|upsell|up-sell|cross-?sell|carousel|recently[-_]?viewed|reviews?|newsletter|cookie|minicart|mini-cart|cart-(?:flyout|drawer|popup)|comparison)/i;
/** Class or id of the element that names the brand (`product-brand`, `brandName`, `bylineInfo`). */
const BRAND_MARKER = /brand|byline/i;
const AVAILABILITY_MARKER =
  /avail|stock|inventory|lieferbar|verfueg|verfüg|disponib|dostep|наличи|delivery-?status/i;
const BREADCRUMB_MARKER = /breadcrumb|crumbs?(?:$|[\s_-])/i;
/** Elements visited at most: pages of hundreds of thousands of nodes stay bounded. */
const MAX_ELEMENTS = 60_000;

export function visibleProductFacts(page: ParsedPage, options: { hasMarkup: boolean }): VisibleProductFacts {
  const body = page.index.body ?? page.document;
  const candidates: Partial<Record<ProductField, ProductCandidate[]>> = {};
  const breadcrumbs: BreadcrumbTrail[] = [];
  const add = (field: ProductField, value: string, confidence: number, via: string): void => {
    const list = (candidates[field] ??= []);
    if (list.some((c) => c.value === value)) return;
    list.push({ value, source: 'visible', confidence: Math.round(confidence * 1000) / 1000, via });
  };

  // A `<header>` that holds the page's `<h1>` is the product's header (title, code), not the site's.
  const titleAncestors = new Set<unknown>();
  const firstH1 = page.index.headings.find((h) => h.name === 'h1');
  for (let node = firstH1?.parent ?? null; node !== null; node = node.parent) titleAncestors.add(node);
  const prices: PriceSpot[] = [];
  const availability: { text: string; order: number }[] = [];
  const buttons: { order: number; disabled: boolean; text: string }[] = [];
  const labels = new Set<string>();
  const brands: string[] = [];
  let h1: string | null = null;
  let order = 0;

  // Walk with exit markers: `outside` and `inPrice` count open elements of each kind.
  type Step = AnyNode | { exit: 'outside' | 'price' | 'struck' | 'hidden' };
  const stack: Step[] = [...(body.children as AnyNode[])].reverse();
  let outside = 0;
  let inPrice = 0;
  let struck = 0;
  let hidden = 0;
  while (stack.length > 0 && order < MAX_ELEMENTS) {
    const step = stack.pop() as Step;
    if ('exit' in step) {
      if (step.exit === 'outside') outside -= 1;
      else if (step.exit === 'price') inPrice -= 1;
      else if (step.exit === 'struck') struck -= 1;
      else hidden -= 1;
      continue;
    }
    if (!isTag(step)) continue;
    const element = step;
    const name = element.name;
    if (SKIPPED_TAGS.has(name)) continue;
    order += 1;
    const attrs = element.attribs;
    const marker = `${attrs['id'] ?? ''} ${attrs['class'] ?? ''}`;
    const isHidden = attrs['hidden'] !== undefined || /display\s*:\s*none/i.test(attrs['style'] ?? '');
    if (isHidden) {
      hidden += 1;
      stack.push({ exit: 'hidden' });
    }
    const isOutside =
      (OUTSIDE_TAGS.has(name) && !titleAncestors.has(element)) ||
      attrs['role'] === 'navigation' ||
      attrs['role'] === 'banner' ||
      attrs['role'] === 'contentinfo' ||
      isChrome(marker);
    const isBreadcrumb = BREADCRUMB_MARKER.test(`${marker} ${attrs['aria-label'] ?? ''}`);
    if (isBreadcrumb && breadcrumbs.length === 0) {
      const items = crumbs(element);
      if (items.length >= 2) breadcrumbs.push({ items, source: 'visible', confidence: 0.6 });
      continue;
    }
    if (isOutside) {
      outside += 1;
      stack.push({ exit: 'outside' });
    }
    if (STRUCK_TAGS.has(name)) {
      struck += 1;
      stack.push({ exit: 'struck' });
    }

    if (outside === 0 && hidden === 0) {
      if (name === 'h1' && h1 === null) {
        const t = shortText(element, 400);
        if (t !== null && t !== '') h1 = t;
      }
      if (isBuyControl(element)) {
        const disabled =
          attrs['disabled'] !== undefined ||
          attrs['aria-disabled'] === 'true' ||
          /disabled|sold-?out|unavailable|out-?of-?stock/i.test(attrs['class'] ?? '');
        buttons.push({ order, disabled, text: shortText(element, 60) ?? '' });
      }
      if (inPrice === 0 && struck === 0) {
        const priceMarked = PRICE_MARKER.test(marker) || PRICE_MARKER.test(attrs['itemprop'] ?? '');
        if (priceMarked && !NOT_THE_PRICE.test(marker)) {
          const t = priceText(element);
          if (OLD_PRICE_TEXT.test(t)) {
            // "RRP: £55.00", "UVP 129 €": a price, but not the one to pay; nothing inside it is either.
            struck += 1;
            stack.push({ exit: 'struck' });
          } else if (t.length <= MAX_PRICE_TEXT && /[1-9]/.test(t)) {
            let score = 0;
            if (CURRENCY_MARK.test(t)) score += 2;
            if (CURRENT_PRICE.test(marker)) score += 1;
            prices.push({ text: t, order, score });
            inPrice += 1;
            stack.push({ exit: 'price' });
          }
        }
      }
      if (inPrice === 0 && struck === 0 && UNMARKED_PRICE_TAGS.has(name) && element.children.length <= 12) {
        // A price printed without a price class: a currency mark touching a number, in a short text.
        const t = shortText(element, 30);
        if (t !== null && OLD_PRICE_TEXT.test(t) && PRICE_SHAPE.test(t)) {
          struck += 1;
          stack.push({ exit: 'struck' });
        } else if (t !== null && PRICE_SHAPE.test(t)) {
          // Not a price block: a marked price inside it is still read (and ranks above it). A price word in
          // the text ("Price:", "特價") says which of several unmarked amounts is the price.
          prices.push({ text: t, order, score: UNMARKED_SCORE + (PRICE_WORD.test(t) ? 1 : 0) });
        }
      }
      if (BRAND_MARKER.test(marker) || attrs['itemprop'] === 'brand') {
        const t = shortText(element, 80);
        if (t !== null && t !== '') brands.push(t);
      }
      if (AVAILABILITY_MARKER.test(marker) || AVAILABILITY_MARKER.test(attrs['itemprop'] ?? '')) {
        const t = shortText(element, 100);
        if (t !== null && t.length > 0) availability.push({ text: t, order });
      }
      readLabels(element, labels, add);
    }
    for (let i = element.children.length - 1; i >= 0; i -= 1) stack.push(element.children[i] as AnyNode);
  }

  if (h1 !== null) add('name', h1, 0.55, 'h1');
  // The first elements marked as the brand (a brand link under the title, a marketplace byline).
  for (const brand of brands.slice(0, 2)) add('brand', brand, 0.45, 'brand element');
  const button = buttons.find((b) => !b.disabled) ?? buttons[0];
  const price = choosePrice(prices, button?.order ?? null, options.hasMarkup);
  if (price !== null) add('price', price.text, price.confidence, price.via);
  // Stock wording next to the buy box first; the button's state after it.
  const anchor = button?.order ?? price?.order ?? 0;
  availability.sort((a, b) => Math.abs(a.order - anchor) - Math.abs(b.order - anchor));
  for (const a of availability.slice(0, 3)) add('availability', a.text, 0.6, 'stock wording');
  if (button !== undefined) {
    add(
      'availability',
      button.disabled ? 'http://schema.org/OutOfStock' : 'http://schema.org/InStock',
      button.disabled ? 0.5 : 0.55,
      button.disabled ? 'buy button disabled' : 'buy button',
    );
    if (!button.disabled && !hasBuyWords(button.text))
      add('availability', button.text, 0.5, 'buy button text');
  }
  return { candidates, breadcrumbs };
}

/** A breadcrumb's crumbs: its list items, else its links, in order. */
function crumbs(container: Element): string[] {
  const items: string[] = [];
  const lis: Element[] = [];
  const links: Element[] = [];
  const stack: AnyNode[] = [...container.children].reverse();
  let visited = 0;
  while (stack.length > 0 && visited++ < 2_000) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node)) continue;
    if (node.name === 'li') {
      lis.push(node);
      continue;
    }
    if (node.name === 'a') links.push(node);
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  for (const element of lis.length >= 2 ? lis : links) {
    const t = (shortText(element, 200) ?? '').replace(/^[\s>›»/|·•→]+|[\s>›»/|·•→]+$/gu, '');
    if (t !== '' && t.length <= 120) items.push(t);
  }
  return items;
}

function isChrome(marker: string): boolean {
  for (const token of marker.split(/\s+/)) {
    if (token !== '' && (CHROME_TOKEN.test(token) || OTHER_PRODUCTS_TOKEN.test(token))) return true;
  }
  return false;
}

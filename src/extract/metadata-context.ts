import { isTag, type AnyNode, type Element } from 'domhandler';
import type { DateParseOptions } from './metadata-date-parse.js';
import type { JsonLdView } from './metadata-json-ld.js';
import type { MetadataSignals } from './metadata-signals.js';
import type { ParsedPage } from './parsed-page.js';
import { normalizeWhitespace, textOf } from './text.js';
import { resolveWebUrl } from './urls.js';

/** Everything the metadata rules read, built once per page. */
export interface MetadataContext {
  readonly page: ParsedPage;
  readonly metas: MetaValues;
  readonly jsonLd: JsonLdView;
  readonly signals: MetadataSignals;
  /** How ambiguous numeric dates read on this page (day first unless the page is American English). */
  readonly dateOptions: DateParseOptions;
}

/**
 * The page's `<meta>` values by key: each of `name`, `property`, `itemprop` and `http-equiv`, lower-cased,
 * values whitespace-normalized and non-empty, in document order. `content` is the value; a few pages write
 * it in `value` (`<meta name="twitter:url" value="…">`), which is read when `content` is missing. Values are
 * normalized when read, not when indexed: a page has dozens of metas and the rules read a handful.
 */
export class MetaValues {
  readonly #byKey = new Map<string, string[]>();
  /** Keys reduced to their letters (`article:published_time` → `articlepublishedtime`), for families of names. */
  readonly #byLetters = new Map<string, string[]>();
  /** The first `<meta charset>`, lower-cased, as declared. */
  readonly charset: string | null = null;

  constructor(metas: readonly Element[]) {
    for (const meta of metas) {
      const attribs = meta.attribs;
      const raw = attribs['content'] ?? attribs['value'];
      if (raw === undefined || raw.trim() === '') {
        const charset = attribs['charset']?.trim();
        if (this.charset === null && charset) this.charset = charset.toLowerCase();
        continue;
      }
      this.#add(attribs['name'], raw, true);
      this.#add(attribs['property'], raw, true);
      this.#add(attribs['itemprop'], raw, true);
      // An http-equiv is an HTTP header written into the page: `Last-Modified` there is when the response was
      // generated, not when the content changed, so the families of names (`byLetters`) leave them out.
      this.#add(attribs['http-equiv'], raw, false);
    }
  }

  #add(attribute: string | undefined, raw: string, inFamilies: boolean): void {
    if (attribute === undefined) return;
    const key = attribute.trim().toLowerCase();
    if (key === '') return;
    append(this.#byKey, key, raw);
    if (inFamilies) append(this.#byLetters, lettersOf(key), raw);
  }

  /** The first value under `key` (lower-case), or `null`. */
  first(key: string): string | null {
    const raw = this.#byKey.get(key)?.[0];
    return raw === undefined ? null : normalizeWhitespace(raw);
  }

  /** Every value under `key` (lower-case). */
  all(key: string): string[] {
    return (this.#byKey.get(key) ?? []).map(normalizeWhitespace);
  }

  /**
   * Every value under a key whose letters are `letters` (`dc.date.issued`, `DC.Date.Issued`, `dc_date_issued`
   * alike), http-equiv pragmas excepted.
   */
  byLetters(letters: string): string[] {
    return (this.#byLetters.get(letters) ?? []).map(normalizeWhitespace);
  }

  /** Every (letters-only key, values) pair, for rules that match a family of names; values as written. */
  entries(): IterableIterator<[string, string[]]> {
    return this.#byLetters.entries();
  }
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

const NON_LETTERS = /[^a-z]/g;

export function lettersOf(key: string): string {
  return key.toLowerCase().replace(NON_LETTERS, '');
}

/**
 * The text of an element as a reader sees it (whitespace-normalized, script and style left out, block
 * boundaries read as spaces), collected only up to about `maxChars`: the rules want a byline or a date, and
 * must not pay for the text of a whole article when a class name on its container happens to match.
 */
export function boundedTextOf(element: Element, maxChars = 300): string {
  return textOf(element, maxChars);
}

/** The first descendant element (in document order) that `accept`s, searching at most `maxNodes` nodes. */
export function findDescendant(
  element: Element,
  accept: (candidate: Element) => boolean,
  maxNodes = 500,
): Element | null {
  const stack: AnyNode[] = [...element.children].reverse();
  for (let visited = 0; stack.length > 0 && visited < maxNodes; visited += 1) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node)) continue;
    if (accept(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return null;
}

/** Whether an ancestor of `element` (not itself) `matches`. */
export function hasAncestor(element: Element, matches: (ancestor: Element) => boolean): boolean {
  for (let node = element.parent; node !== null; node = node.parent) {
    if (isTag(node) && matches(node)) return true;
  }
  return false;
}

/** Resolves a URL-valued field against the page's base; only http(s) survives, fragment dropped. */
export function webUrl(raw: string | null | undefined, context: MetadataContext): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  return resolveWebUrl(trimmed, context.page.base)?.href ?? null;
}

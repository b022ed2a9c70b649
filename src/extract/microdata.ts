import { isTag, type AnyNode, type Document, type Element } from 'domhandler';
import { layoutText } from './html-text.js';
import { pySplit, pyStrip, stripHtml5Whitespace } from './python-strings.js';
import { TextBudget } from './text-budget.js';
import type { JsonObject, JsonValue } from './structured-data-types.js';
import { urlJoin } from './url-join.js';

export interface MicrodataOptions {
  /** W3C JSON form: `type` always a list, every property value a list. */
  strict: boolean;
  /** Nested items inline (default); `false` gives flat items with `iid` and `{iid_ref}` links. */
  nested: boolean;
  /** Adds each item's laid-out text as `textContent`. */
  addTextContent: boolean;
  /** What URL properties resolve against; `null` leaves them as written. */
  baseUrl: string | null;
}

/**
 * Items nested deeper than this are not followed from their parent (their value is `null`); they are
 * still listed as items of their own, as an item without an `itemprop` is. Each level costs a few stack
 * frames: this keeps a pathological page far from the stack limit.
 */
export const MAX_ITEM_DEPTH = 256;

const SRC_TAGS: ReadonlySet<string> = new Set([
  'audio',
  'embed',
  'iframe',
  'img',
  'source',
  'track',
  'video',
]);
const HREF_TAGS: ReadonlySet<string> = new Set(['a', 'area', 'link']);

/**
 * Microdata in extruct's shape (`[{type, id?, properties}]`), read from the already-parsed tree: every
 * element with `itemscope` is an item, listed in document order unless it was already read as another
 * item's property value (or, in flat mode, always). `scopes` are the page's `itemscope` elements in
 * document order, gathered by the single walk, so a page without microdata costs nothing here.
 */
export function extractMicrodata(
  document: Document,
  scopes: readonly Element[],
  options: MicrodataOptions,
): JsonObject[] {
  if (scopes.length === 0) return [];
  const reader = new MicrodataReader(document, scopes, options);
  const items: JsonObject[] = [];
  for (const scope of scopes) {
    const item = reader.item(scope, 0);
    if (item !== null) items.push(item);
  }
  return items;
}

class MicrodataReader {
  readonly #document: Document;
  readonly #options: MicrodataOptions;
  /** Document-order numbers from 1: flat mode's `iid`, and the identity nested mode reads each item once by. */
  readonly #ids = new Map<Element, number>();
  readonly #seen = new Set<Element>();
  #byId: Map<string, Element> | null = null;
  readonly #budget = new TextBudget();

  constructor(document: Document, scopes: readonly Element[], options: MicrodataOptions) {
    this.#document = document;
    this.#options = options;
    scopes.forEach((scope, index) => this.#ids.set(scope, index + 1));
  }

  item(node: Element, depth: number): JsonObject | null {
    const { nested, strict } = this.#options;
    if (nested) {
      // Read once: an item reachable twice (itemref, or as a property and as a top-level scope) is listed
      // once, which is also what ends itemref cycles.
      if (this.#seen.has(node)) return null;
      this.#seen.add(node);
    }
    const item: JsonObject = {};
    if (!nested) item['iid'] = this.#ids.get(node) ?? 0;
    const types = pySplit(node.attribs['itemtype'] ?? '');
    if (types.length > 0) {
      item['type'] = !strict && types.length === 1 ? (types[0] as string) : types;
      const itemId = node.attribs['itemid'];
      if (itemId !== undefined && itemId !== '') item['id'] = pyStrip(itemId);
    }
    const properties = new Map<string, JsonValue[]>();
    const add = (names: string[], value: JsonValue): void => {
      for (const name of names) {
        const values = properties.get(name);
        if (values === undefined) properties.set(name, [value]);
        else values.push(value);
      }
    };
    for (const element of ownProperties(node)) add(this.#names(element), this.#value(element, depth));
    for (const refId of pySplit(node.attribs['itemref'] ?? '')) {
      for (const element of this.#referencedProperties(refId))
        add(this.#names(element), this.#value(element, depth));
    }
    if (properties.size > 0) {
      const out: JsonObject = {};
      for (const [name, values] of properties)
        out[name] = !strict && values.length === 1 ? (values[0] as JsonValue) : values;
      item['properties'] = out;
    } else {
      // An item without properties stands for its element's own value (extruct's reading).
      item['value'] = this.#value(node, depth, true);
    }
    if (this.#options.addTextContent) {
      const text = layoutText(node, this.#budget);
      if (text !== '') item['textContent'] = text;
    }
    return item;
  }

  #names(element: Element): string[] {
    return pySplit(element.attribs['itemprop'] ?? '');
  }

  /** A property's value by its element (https://www.w3.org/TR/microdata/#values, plus extruct's extras). */
  #value(node: Element, depth: number, asOwnValue = false): JsonValue {
    const attribs = node.attribs;
    if (!asOwnValue && attribs['itemscope'] !== undefined) {
      if (!this.#options.nested) return { iid_ref: this.#ids.get(node) ?? 0 };
      return depth + 1 > MAX_ITEM_DEPTH ? null : this.item(node, depth + 1);
    }
    const name = node.name;
    if (name === 'meta') return attribs['content'] ?? '';
    if (SRC_TAGS.has(name)) return this.#url(node, 'src');
    if (HREF_TAGS.has(name)) return this.#url(node, 'href');
    if (name === 'object') return this.#url(node, 'data');
    if (name === 'data' || name === 'meter') return attribs['value'] ?? '';
    if (name === 'time') return attribs['datetime'] ?? '';
    // Not in the W3C rules, but schema.org's examples put values in `content` on any element.
    const content = attribs['content'];
    if (content !== undefined && content !== '') return content;
    // schema.org action inputs (https://schema.org/docs/actions.html#part-4): `<input required name>`.
    const itemprop = attribs['itemprop'];
    if (itemprop !== undefined && (itemprop.endsWith('-input') || itemprop.endsWith('-output'))) {
      const spec: JsonObject = {};
      if (attribs['required'] !== undefined) spec['valueRequired'] = true;
      const inputName = attribs['name'];
      if (inputName !== undefined && inputName !== '') spec['valueName'] = inputName;
      return spec;
    }
    return layoutText(node, this.#budget);
  }

  /** The URL attribute (or `content`, which lazy-loading images use), resolved as extruct does. */
  #url(node: Element, attribute: string): string {
    const raw = node.attribs[attribute] || node.attribs['content'] || '';
    const url = stripHtml5Whitespace(raw);
    return url === '' ? '' : urlJoin(this.#options.baseUrl, url);
  }

  /**
   * The properties an `itemref` id brings in, as extruct finds them: the referenced element itself when it
   * is an item with an `itemprop`; otherwise every `itemprop` in its subtree (itself included) that belongs
   * to the same scope as the referenced element.
   */
  #referencedProperties(refId: string): Element[] {
    const target = this.#elementById(refId);
    if (target === undefined) return [];
    const isScope = target.attribs['itemscope'] !== undefined;
    if (isScope && target.attribs['itemprop'] !== undefined) return [target];
    const targetScope = nearestScope(target);
    const scope = isScope ? target : targetScope;
    const found: Element[] = [];
    if (!isScope && target.attribs['itemprop'] !== undefined && targetScope === scope) found.push(target);
    // Each descendant carries the nearest item above it, so no element walks up its ancestors.
    const stack: [AnyNode, Element | null][] = [];
    const pushChildren = (parent: Element, parentScope: Element | null): void => {
      for (let i = parent.children.length - 1; i >= 0; i -= 1)
        stack.push([parent.children[i] as AnyNode, parentScope]);
    };
    pushChildren(target, scope);
    while (stack.length > 0) {
      const [node, above] = stack.pop() as [AnyNode, Element | null];
      if (!isTag(node) || node.name === 'template') continue;
      if (node.attribs['itemprop'] !== undefined && above === scope) found.push(node);
      pushChildren(node, node.attribs['itemscope'] !== undefined ? node : above);
    }
    return found;
  }

  /** The first element with the id, as XPath `id()` finds it; the index is built on the first `itemref`. */
  #elementById(id: string): Element | undefined {
    if (this.#byId === null) {
      this.#byId = new Map();
      for (const element of subtree(this.#document)) {
        const elementId = element.attribs['id'];
        if (elementId !== undefined && !this.#byId.has(elementId)) this.#byId.set(elementId, element);
      }
    }
    return this.#byId.get(id);
  }
}

/** The `itemprop` elements under an item that are not inside a nested item (a nested item itself is). */
function ownProperties(item: Element): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [...item.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node) || node.name === 'template') continue;
    if (node.attribs['itemprop'] !== undefined) found.push(node);
    if (node.attribs['itemscope'] !== undefined) continue;
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return found;
}

/** The element and its descendant elements in document order (template content left out, as in the walk). */
function subtree(root: Element | Document): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node !== root) {
      if (!isTag(node) || node.name === 'template') continue;
      found.push(node);
    }
    const children = (node as Element).children;
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as AnyNode);
  }
  return found;
}

function nearestScope(element: Element): Element | null {
  for (let node = element.parent; node !== null; node = node.parent) {
    if (isTag(node) && node.attribs['itemscope'] !== undefined) return node;
  }
  return null;
}

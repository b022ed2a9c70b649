import type { Element } from 'domhandler';
import { MicroformatView } from './microformat-backcompat.js';
import { classicRootClasses, propertyClasses, rootClasses } from './microformat-classes.js';
import { datetimeValue } from './microformat-datetime.js';
import {
  embeddedValue,
  impliedName,
  impliedPhoto,
  impliedUrl,
  textValue,
  urlValue,
  type MfValue,
  type ValueContext,
} from './microformat-values.js';
import type { JsonObject, JsonValue, MicroformatItem } from './structured-data-types.js';
import { TextBudget } from './text-budget.js';

/**
 * Elements nested deeper than this below a microformat root are not read: the parse recurses per level,
 * and a pathological page must not exhaust the stack.
 */
export const MAX_MICROFORMAT_DEPTH = 512;

/**
 * microformats2 items (classic microformats read through the backward-compatible rules) in the shape
 * mf2py gives extruct: `{type, properties, children?}`, read from our already-parsed tree. Written here
 * rather than taken from `microformats-parser` because that library parses the HTML again with parse5,
 * and `h-*` classes are everywhere utility CSS is (Tailwind's `h-full`, `h-screen`…): a second parse on
 * those pages would double their cost. It also resolves URLs itself, where extruct keeps them as written
 * without a base.
 * @param roots the elements with a root class, in document order, from the single walk.
 * @param baseUrl what relative URLs resolve against (null: left as written).
 */
export function extractMicroformats(roots: readonly Element[], baseUrl: string | null): MicroformatItem[] {
  if (roots.length === 0) return [];
  const parser = new Mf2Parser(baseUrl);
  const view = new MicroformatView();
  const items: MicroformatItem[] = [];
  for (const root of topLevel(roots)) {
    const classes = view.classes(root);
    const modern = rootClasses(classes);
    if (modern.length > 0) items.push(parser.item(modern, root, view, null, undefined, false, 0));
    else items.push(parser.item(classicRootClasses(classes), root, view, null, undefined, true, 0));
  }
  return items;
}

/** The roots not inside another root: those a walk from the document reaches first. */
function topLevel(roots: readonly Element[]): Element[] {
  const isRoot = new Set(roots);
  // Whether an element has a root above it (memoized along each path, so the walk up stays linear).
  const covered = new Map<Element, boolean>();
  const hasRootAbove = (element: Element): boolean => {
    const path: Element[] = [];
    let answer = false;
    for (let node = element.parent; node !== null && node.type !== 'root'; node = node.parent) {
      const parent = node as Element;
      const known = covered.get(parent);
      if (known !== undefined) {
        answer = known;
        break;
      }
      if (isRoot.has(parent)) {
        answer = true;
        break;
      }
      path.push(parent);
    }
    for (const node of path) covered.set(node, answer);
    return answer;
  };
  return roots.filter((root) => !hasRootAbove(root));
}

interface Parsed {
  properties: Map<string, JsonValue[]>;
  children: JsonObject[];
  /** Which kinds were found below: p, u, d (dt), e, h (a nested item). */
  kinds: Set<string>;
}

class Mf2Parser {
  readonly #baseUrl: string | null;
  readonly #budget = new TextBudget();
  /** The date an earlier `dt-*` gave, which a later time alone borrows (reset for each item, as mf2py does). */
  #defaultDate: string | null = null;

  constructor(baseUrl: string | null) {
    this.#baseUrl = baseUrl;
  }

  item(
    types: string[],
    element: Element,
    outerView: MicroformatView,
    valueProperty: 'name' | 'url' | null,
    simpleValue: MfValue | undefined,
    backcompat: boolean,
    depth: number,
  ): JsonObject {
    this.#defaultDate = null;
    const view = backcompat ? outerView.withBackcompat(element) : outerView;
    if (backcompat) types = rootClasses(view.classes(element));
    const parsed: Parsed = { properties: new Map(), children: [], kinds: new Set() };
    for (const child of view.children(element)) merge(parsed, this.#properties(child, view, depth + 1));
    const { properties, children, kinds } = parsed;
    if (valueProperty !== null && properties.has(valueProperty))
      simpleValue = (properties.get(valueProperty) as JsonValue[])[0] as MfValue;
    if (!backcompat) {
      const context = this.#context(view);
      if (!properties.has('name') && !kinds.has('p') && !kinds.has('e') && !kinds.has('h'))
        properties.set('name', [impliedName(element, context)]);
      if (!properties.has('photo')) {
        const photo = impliedPhoto(element, context);
        if (photo !== undefined) properties.set('photo', [photo]);
      }
      if (!properties.has('url') && !kinds.has('u') && !kinds.has('h')) {
        const url = impliedUrl(element, context);
        if (url !== undefined) properties.set('url', [url]);
      }
    }
    const item: JsonObject = { type: [...types].sort(), properties: Object.fromEntries(properties) };
    if (element.name === 'area') {
      for (const name of ['shape', 'coords']) {
        const value = element.attribs[name];
        if (value !== undefined) item[name] = value;
      }
    }
    if (children.length > 0) item['children'] = children;
    if (simpleValue !== undefined) {
      if (typeof simpleValue === 'string') item['value'] = simpleValue;
      else Object.assign(item, simpleValue); // e-* html/value, an image's value/alt: folded in, as mf2py does
    }
    return item;
  }

  #context(view: MicroformatView): ValueContext {
    return { view, baseUrl: this.#baseUrl, budget: this.#budget };
  }

  #properties(element: Element, view: MicroformatView, depth: number): Parsed {
    const parsed: Parsed = { properties: new Map(), children: [], kinds: new Set() };
    if (depth > MAX_MICROFORMAT_DEPTH) return parsed;
    const context = this.#context(view);
    const classes = view.classes(element);
    const names = propertyClasses(classes);
    let types = rootClasses(classes);
    const backcompat = types.length === 0;
    if (backcompat) types = classicRootClasses(classes);
    const isItem = types.length > 0;
    if (isItem) parsed.kinds.add('h');
    const add = (name: string, value: JsonValue): void => {
      const values = parsed.properties.get(name);
      if (values === undefined) parsed.properties.set(name, [value]);
      else values.push(value);
    };
    const nested = (valueProperty: 'name' | 'url' | null, value: MfValue | undefined): JsonObject =>
      this.item(types, element, view, valueProperty, value, backcompat, depth);

    let text: string | undefined;
    for (const name of names.p) {
      parsed.kinds.add('p');
      text ??= textValue(element, context);
      add(name, isItem ? nested('name', text) : text);
    }
    let url: MfValue | undefined;
    for (const name of names.u) {
      parsed.kinds.add('u');
      url ??= urlValue(element, context);
      add(name, isItem ? nested('url', url) : url);
    }
    let datetime: string | null = null;
    for (const name of names.dt) {
      parsed.kinds.add('d');
      if (datetime === null) {
        const [value, date] = datetimeValue(element, context, this.#defaultDate);
        datetime = value;
        if (date !== null) this.#defaultDate = date;
      }
      // mf2py writes a missing value of a nested item as the string "None"; kept.
      if (isItem) add(name, nested(null, datetime ?? 'None'));
      else if (datetime !== null) add(name, datetime);
    }
    let embedded: JsonObject | undefined;
    for (const name of names.e) {
      parsed.kinds.add('e');
      embedded ??= embeddedValue(element, context);
      add(name, isItem ? nested(null, embedded) : embedded);
    }
    const isProperty = names.p.length + names.u.length + names.dt.length + names.e.length > 0;
    if (!isProperty && isItem) parsed.children.push(nested(null, undefined));
    if (!isItem)
      for (const child of view.children(element)) merge(parsed, this.#properties(child, view, depth + 1));
    return parsed;
  }
}

function merge(into: Parsed, from: Parsed): void {
  for (const [name, values] of from.properties) {
    const existing = into.properties.get(name);
    if (existing === undefined) into.properties.set(name, [...values]);
    else existing.push(...values);
  }
  into.children.push(...from.children);
  for (const kind of from.kinds) into.kinds.add(kind);
}

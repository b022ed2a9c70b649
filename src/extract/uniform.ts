import { dublinCoreName } from './dublin-core.js';
import type { OpenGraphItem } from './page-facts.js';
import { pyIsBlank } from './python-strings.js';
import type { DublinCoreItem, JsonObject, JsonValue } from './structured-data-types.js';
import { urlJoin, urlParse } from './url-join.js';

/**
 * extruct's "uniform" forms: every syntax flattened into JSON-LD-like objects (`@context`, `@type`, then
 * the properties as keys), so that consumers read one shape. Ported from extruct's `uniform.py`.
 */

export const SCHEMA_ORG_CONTEXT = 'http://schema.org';
export const MICROFORMATS_CONTEXT = 'http://microformats.org/wiki/';

/**
 * OpenGraph: one object per item, each property once with its first non-empty value, or with
 * `withOgArray` all non-empty values (a list when there are several); `og:type` becomes `@type`.
 */
export function uniformOpenGraph(items: readonly OpenGraphItem[], withOgArray: boolean): JsonObject[] {
  return items.map((item) => {
    const flat: Record<string, string | string[]> = {};
    for (const [key, value] of item.properties) {
      const current = flat[key];
      if (current === undefined) {
        flat[key] = value;
      } else if (!pyIsBlank(value)) {
        if (Array.isArray(current)) current.push(value);
        else if (!withOgArray) {
          if (pyIsBlank(current)) flat[key] = value;
        } else flat[key] = pyIsBlank(current) ? value : [current, value];
      }
    }
    const out: JsonObject = { ...flat };
    const type = out['og:type'];
    delete out['og:type'];
    if (typeof type === 'string' ? type !== '' : type !== undefined) out['@type'] = type as JsonValue;
    out['@context'] = { ...item.namespace };
    return out;
  });
}

/** Microdata (`http://schema.org` context) and microformats (`http://microformats.org/wiki/`). */
export function uniformItems(items: readonly JsonObject[], context: string): JsonObject[] {
  return items.map((item) => flattenItem(item, context, true));
}

function flattenItem(item: JsonObject, schemaContext: string, addContext: boolean): JsonObject {
  const { type, properties, children, ...rest } = item;
  // An item without a type is kept as it is (extruct's rule), `properties` and all.
  if (type === undefined || type === null || type === '' || (Array.isArray(type) && type.length === 0))
    return item;
  const out: JsonObject = { ...rest };
  let context = schemaContext;
  if (Array.isArray(type)) {
    out['@type'] = type;
  } else {
    [context, out['@type']] = inferContext(String(type), schemaContext);
  }
  if (addContext) out['@context'] = context;
  if (properties !== null && typeof properties === 'object' && !Array.isArray(properties)) {
    for (const [field, value] of Object.entries(properties)) out[field] = flattenValue(value, schemaContext);
  }
  if (Array.isArray(children) && children.length > 0) {
    out['children'] = children.map((child) => flattenValue(child, schemaContext));
  }
  return out;
}

function flattenValue(value: JsonValue, schemaContext: string): JsonValue {
  if (Array.isArray(value))
    return value.map((entry) => (isObject(entry) ? flattenItem(entry, schemaContext, false) : entry));
  return isObject(value) ? flattenItem(value, schemaContext, false) : value;
}

function isObject(value: JsonValue): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `http://schema.org/Product` → context `http://schema.org`, type `Product` (fragments likewise). */
export function inferContext(type: string, context: string): [string, string] {
  const parts = urlParse(type, '');
  if (parts.netloc === '') return [context, type];
  const base = `${parts.scheme}://${parts.netloc}`;
  if (parts.path !== '' && parts.fragment !== '')
    return [urlJoin(base, parts.path), trimSlashes(parts.fragment)];
  if (parts.path !== '') return [base, trimSlashes(parts.path)];
  return [context, type];
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '');
}

/**
 * Dublin Core: `namespaces` becomes `@context`; the first element whose attribute value names the `type`
 * element gives `@type` (its content) and leaves the list. extruct removes it while iterating, which skips
 * the element after it; kept, so the outputs stay equal.
 */
export function uniformDublinCore(items: readonly DublinCoreItem[]): JsonObject[] {
  return items.map((item) => {
    const elements = item.elements.map((element) => ({ ...element }));
    const out: JsonObject = { elements, terms: item.terms.map((term) => ({ ...term })) };
    for (let i = 0; i < elements.length; i += 1) {
      const element = elements[i] as Record<string, string>;
      if (Object.values(element).some((value) => dublinCoreName(value) === 'type')) {
        if (element['content'] !== undefined) out['@type'] = element['content'];
        elements.splice(i, 1); // and `i` moves on past the element that took its place
      }
    }
    out['@context'] = { ...item.namespaces };
    return out;
  });
}

/**
 * The page's JSON-LD as the metadata rules read it: the nodes that describe the page, best first, with
 * `{"@id": …}` references followed. Works on the parsed blocks (`extractJsonLd(page).items`), whatever
 * their shape: objects, `@graph` containers, nested entities.
 */

export type JsonObject = Record<string, unknown>;

export interface JsonLdView {
  /**
   * Nodes that may describe the page, best first: articles and other primary works (in document order),
   * then web pages, then the rest, minus site furniture (organizations, people, web sites, breadcrumbs,
   * lists, images, search actions).
   */
  readonly primary: readonly JsonObject[];
  /** Every object node, nested ones included, in document order (bounded, see `MAX_NODES`). */
  readonly all: readonly JsonObject[];
  /** Follows a `{"@id": …}` reference to the node that has the content; anything else as it is. */
  resolve(value: unknown): unknown;
}

/** Bounds on a hostile or huge block: nodes visited and nesting followed. */
const MAX_NODES = 2_000;
const MAX_DEPTH = 12;
/** How deep a single value (an image's `url` object, a width's `value`) is followed. */
const MAX_VALUE_DEPTH = 4;

const PRIMARY_TYPES: ReadonlySet<string> = new Set([
  'review',
  'recipe',
  'howto',
  'podcastepisode',
  'episode',
  'tvepisode',
  'radioepisode',
  'creativework',
  'question',
]);
const FURNITURE_TYPES: ReadonlySet<string> = new Set([
  'person',
  'website',
  'breadcrumblist',
  'listitem',
  'itemlist',
  'searchaction',
  'entrypoint',
  'imageobject',
  'contactpoint',
  'postaladdress',
  'place',
  'sitenavigationelement',
  'wpheader',
  'wpfooter',
  'wpsidebar',
  'wpadblock',
  'brand',
  'offer',
  'aggregateoffer',
  'aggregaterating',
  'rating',
  'propertyvalue',
  'quantitativevalue',
  'language',
  'readaction',
  'comment',
  'speakablespecification',
  'thing',
]);

export function buildJsonLdView(items: readonly unknown[]): JsonLdView {
  const all: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const roots: JsonObject[] = [];

  const stack: { value: unknown; depth: number; root: boolean }[] = [];
  for (let i = items.length - 1; i >= 0; i -= 1) stack.push({ value: items[i], depth: 0, root: true });
  while (stack.length > 0 && all.length < MAX_NODES) {
    const { value, depth, root } = stack.pop() as { value: unknown; depth: number; root: boolean };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], depth, root });
      continue;
    }
    if (!isObject(value)) continue;
    all.push(value);
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1) {
      const known = byId.get(id);
      if (known === undefined || Object.keys(known).length < Object.keys(value).length) byId.set(id, value);
    }
    if (root && value['@type'] !== undefined) roots.push(value);
    if (depth >= MAX_DEPTH) continue;
    const children = Object.entries(value);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const [key, child] = children[i] as [string, unknown];
      if (typeof child !== 'object' || child === null) continue;
      // Members of a `@graph`, and the page's declared main entity, describe the page as much as a top-level node.
      const childIsRoot = root && (key === '@graph' || key === 'mainEntity' || key === 'mainEntityOfPage');
      stack.push({ value: child, depth: depth + 1, root: childIsRoot });
    }
  }

  const resolve = (value: unknown): unknown => {
    if (!isObject(value)) return value;
    const id = value['@id'];
    if (typeof id !== 'string' || Object.keys(value).length > 1) return value;
    return byId.get(id) ?? value;
  };
  const tiers: JsonObject[][] = [[], [], []];
  for (const node of roots) {
    const tier = tierOf(typesOf(node));
    if (tier !== null) (tiers[tier] as JsonObject[]).push(node);
  }
  return { primary: tiers.flat(), all, resolve };
}

/** A node's types as local names, lower-cased: `http://schema.org/NewsArticle` → `newsarticle`. */
export function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  const types: string[] = [];
  for (const type of list) {
    if (typeof type !== 'string') continue;
    const local = type.slice(
      Math.max(type.lastIndexOf('/'), type.lastIndexOf('#'), type.lastIndexOf(':')) + 1,
    );
    types.push(local.trim().toLowerCase());
  }
  return types;
}

/** 0 for articles and other primary works, 1 for web pages, 2 for the rest, `null` for site furniture. */
function tierOf(types: readonly string[]): number | null {
  if (types.some((type) => type.includes('article') || type.includes('posting') || PRIMARY_TYPES.has(type)))
    return 0;
  if (types.some((type) => type.endsWith('page'))) return 1;
  if (types.length === 0 || types.some((type) => type.includes('organization') || FURNITURE_TYPES.has(type)))
    return null;
  return 2;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a list (a single value is a list of one; null and undefined, of none). */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A JSON-LD text value: a string, a number, or a `{"@value": …}` object; trimmed and entity-decoded. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isObject(value) && '@value' in value) {
    const inner = value['@value'];
    return typeof inner === 'object' ? null : textOf(inner);
  }
  if (typeof value !== 'string') return null;
  const text = decodeEntities(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The name of a person or organization given as a string or as an object (`name`, else given + family name). */
export function nameOf(value: unknown): string | null {
  if (!isObject(value)) return textOf(value);
  const name = firstText(value['name']);
  if (name !== null) return name;
  const given = firstText(value['givenName']);
  const family = firstText(value['familyName']);
  if (given !== null || family !== null) return [given, family].filter((part) => part !== null).join(' ');
  return firstText(value['alternateName']);
}

/**
 * The URL of a value given as a string, or as an object with `url` or `contentUrl` (an ImageObject), looked
 * for a few levels deep at most: a hostile page can nest objects thousands deep.
 */
export function urlOf(value: unknown, depth = 0): string | null {
  if (depth > MAX_VALUE_DEPTH) return null;
  for (const item of listOf(value)) {
    if (typeof item === 'string') {
      const text = textOf(item);
      if (text !== null) return text;
    } else if (isObject(item)) {
      const url = urlOf(item['url'], depth + 1) ?? urlOf(item['contentUrl'], depth + 1);
      if (url !== null) return url;
    }
  }
  return null;
}

/** A dimension (`310`, `"310"`, `"310px"`, `{"value": 310}`) as a number, or `null`. */
export function dimensionOf(value: unknown, depth = 0): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const number = Number.parseFloat(value);
    return Number.isFinite(number) ? number : null;
  }
  if (isObject(value) && depth < MAX_VALUE_DEPTH)
    return dimensionOf(value['value'] ?? value['@value'], depth + 1);
  return null;
}

function firstText(value: unknown): string | null {
  for (const item of listOf(value)) {
    const text = textOf(item);
    if (text !== null) return text;
  }
  return null;
}

const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * JSON-LD is script content, which HTML does not decode; yet many sites escape their text as if it were
 * markup (`"name": "Tom &amp; Jerry"`). Numeric references and the markup-significant named ones are decoded.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    ENTITY,
    (whole, decimal: string | undefined, hex: string | undefined, name?: string) => {
      if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    },
  );
}

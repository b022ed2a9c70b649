import type { Element } from 'domhandler';
import type { OpenGraphItem } from './page-facts.js';
import type { ParsedPage } from './parsed-page.js';

/** The OpenGraph vocabularies a page may use without declaring them (extruct's list). */
const WELL_KNOWN_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['og', 'http://ogp.me/ns#'],
  ['music', 'http://ogp.me/ns/music#'],
  ['video', 'http://ogp.me/ns/video#'],
  ['article', 'http://ogp.me/ns/article#'],
  ['book', 'http://ogp.me/ns/book#'],
  ['profile', 'http://ogp.me/ns/profile#'],
  ['product', 'http://ogp.me/ns/product#'], // not in the protocol, but on about a tenth of product pages
]);
// `prefix="og: http://ogp.me/ns# fb: http://ogp.me/ns/fb#"`: pairs of name and URI.
const PREFIX_DECLARATION = /([\p{L}\p{N}_]+):\s*(\S+)/gu;

/**
 * OpenGraph as extruct reads it, so that its outputs compare exactly: the `<meta property content>`
 * directly inside `<head>` (one item) and directly inside `<body>` (another), each kept when its prefix
 * is declared in a `prefix` attribute or is a well-known OpenGraph vocabulary. Values are kept as written.
 * A page without an explicit `<head>` has its leading metas directly under `<html>` or the document;
 * a browser would have put them in the head, so they count as the head's.
 */
export function extractOpenGraph(page: ParsedPage): OpenGraphItem[] {
  const { html, head, body } = page.index;
  const headMetas: Element[] = [];
  const bodyMetas: Element[] = [];
  for (const meta of page.index.metas) {
    const parent = meta.parent;
    if (parent === null) continue;
    if (parent === body) bodyMetas.push(meta);
    else if (parent === head || parent === html || parent.type === 'root') headMetas.push(meta);
  }
  const items: OpenGraphItem[] = [];
  for (const [root, metas] of [
    [head, headMetas],
    [body, bodyMetas],
  ] as const) {
    const item = readItem(html, root, metas);
    if (item !== null) items.push(item);
  }
  return items;
}

function readItem(
  html: Element | null,
  root: Element | null,
  metas: readonly Element[],
): OpenGraphItem | null {
  if (metas.length === 0) return null;
  const namespace: Record<string, string> = Object.create(null) as Record<string, string>;
  declaredPrefixes(html, namespace);
  declaredPrefixes(root, namespace);
  const properties: [string, string][] = [];
  for (const meta of metas) {
    const property = meta.attribs['property'];
    const content = meta.attribs['content'];
    if (property === undefined || content === undefined) continue;
    const colon = property.indexOf(':');
    const prefix = colon === -1 ? property : property.slice(0, colon);
    const known = WELL_KNOWN_NAMESPACES.get(prefix);
    if (known !== undefined) namespace[prefix] = known;
    if (namespace[prefix] !== undefined) properties.push([property, content]);
  }
  return properties.length === 0 ? null : { namespace: { ...namespace }, properties };
}

function declaredPrefixes(element: Element | null, into: Record<string, string>): void {
  const declaration = element?.attribs['prefix'];
  if (declaration === undefined) return;
  for (const match of declaration.matchAll(PREFIX_DECLARATION)) into[match[1] as string] = match[2] as string;
}

import { isTag, type AnyNode, type Document } from 'domhandler';
import { InvalidInputError } from '../core/index.js';
import { extractDublinCore } from './dublin-core.js';
import { extractJsonLd } from './json-ld.js';
import { extractMicrodata } from './microdata.js';
import { extractMicroformats } from './microformats.js';
import { extractOpenGraph } from './open-graph.js';
import type { PageFacts } from './page-facts.js';
import { parsePage, type ParsedPage } from './parsed-page.js';
import { extractRdfa } from './rdfa.js';
import { createStructuredDataScan, type StructuredDataScan } from './structured-data-scan.js';
import { SYNTAXES, type StructuredData, type Syntax } from './structured-data-types.js';
import {
  MICROFORMATS_CONTEXT,
  SCHEMA_ORG_CONTEXT,
  uniformDublinCore,
  uniformItems,
  uniformOpenGraph,
} from './uniform.js';
import { urlJoin } from './url-join.js';
import { parsePageUrl } from './urls.js';

export interface StructuredDataOptions {
  /**
   * The page's URL: relative URLs in microdata, RDFa and microformats resolve against it. When omitted
   * they are kept as written (extruct with `base_url=None`).
   * @example 'https://shop.example.com/products/42'
   */
  url?: string;
  /**
   * The syntaxes to extract; the result has a key for each.
   * @default all of them
   */
  syntaxes?: readonly Syntax[];
  /** W3C-strict microdata: `type` always a list, every property value a list. @default false */
  strict?: boolean;
  /** Nested microdata items inline; `false` lists every item flat, linked by `iid` / `{iid_ref}`. @default true */
  nested?: boolean;
  /** Adds each microdata item's laid-out text as `textContent`. @default false */
  addTextContent?: boolean;
  /** Flattens microdata, microformats, OpenGraph and Dublin Core into JSON-LD-like objects. @default false */
  uniform?: boolean;
  /** With `uniform`, a repeated OpenGraph property keeps all its values as a list. @default false */
  withOgArray?: boolean;
}

/** The options with defaults applied, and the base URL resolved (null: no base). */
export interface ResolvedStructuredDataOptions {
  syntaxes: ReadonlySet<Syntax>;
  strict: boolean;
  nested: boolean;
  addTextContent: boolean;
  uniform: boolean;
  withOgArray: boolean;
  baseUrl: string | null;
}

// The page URL when the caller gives none: nothing resolves against it (the base stays null).
const NO_URL = new URL('about:blank');

/**
 * Every structured-data syntax of a page in extruct's output shapes, from one parse: JSON-LD, microdata,
 * RDFa, OpenGraph, microformats and Dublin Core. Never throws on the page's content: what cannot be read is
 * left out.
 * @throws InvalidInputError when `options.url` is given but is not an absolute URL, or a syntax is unknown.
 */
export function extractStructuredData(html: string, options: StructuredDataOptions = {}): StructuredData {
  if (typeof html !== 'string') {
    throw new InvalidInputError(
      'html',
      `The page HTML must be a string, got ${typeof html}; decode it first.`,
    );
  }
  const url = options.url === undefined ? NO_URL : parsePageUrl(options.url);
  const scan = createStructuredDataScan();
  const page = parsePage(html, url, [scan.visit]);
  return structuredDataOf(page, scan, resolveOptions(options, options.url ?? null));
}

/**
 * The same from a page already parsed (by `extractPage` or `parsePage`), so nothing is parsed twice. Pass
 * the scan that rode along the page's walk; without one, the tree is walked once more to make it.
 * Relative URLs resolve against the page's URL.
 */
export function extractStructuredDataFromPage(
  page: ParsedPage,
  options: Omit<StructuredDataOptions, 'url'> & { scan?: StructuredDataScan } = {},
): StructuredData {
  return structuredDataOf(
    page,
    options.scan ?? scanDocument(page.document),
    resolveOptions(options, page.url.href),
  );
}

export function resolveOptions(
  options: Omit<StructuredDataOptions, 'url'>,
  baseUrl: string | null,
): ResolvedStructuredDataOptions {
  for (const syntax of options.syntaxes ?? []) {
    if (!SYNTAXES.includes(syntax)) {
      throw new InvalidInputError(
        'syntaxes',
        `Unknown syntax "${String(syntax)}"; use any of ${SYNTAXES.join(', ')}.`,
      );
    }
  }
  return {
    syntaxes: new Set(options.syntaxes ?? SYNTAXES),
    strict: options.strict ?? false,
    nested: options.nested ?? true,
    addTextContent: options.addTextContent ?? false,
    uniform: options.uniform ?? false,
    withOgArray: options.withOgArray ?? false,
    baseUrl,
  };
}

/** Each asked-for syntax; one that fails on a pathological page is left empty, never thrown. */
export function structuredDataOf(
  page: ParsedPage,
  scan: StructuredDataScan,
  options: ResolvedStructuredDataOptions,
): StructuredData {
  const result: StructuredData = {};
  const { syntaxes, uniform } = options;
  if (syntaxes.has('json-ld')) result['json-ld'] = guarded(() => extractJsonLd(page).items);
  if (syntaxes.has('microdata')) {
    const items = guarded(() => extractMicrodata(page.document, scan.itemScopes, options));
    result.microdata = uniform ? uniformItems(items, SCHEMA_ORG_CONTEXT) : items;
  }
  if (syntaxes.has('rdfa')) result.rdfa = guarded(() => extractRdfa(page.document, scan, options.baseUrl));
  if (syntaxes.has('opengraph')) {
    const items = guarded(() => extractOpenGraph(page));
    result.opengraph = uniform ? uniformOpenGraph(items, options.withOgArray) : items;
  }
  if (syntaxes.has('microformat')) {
    const items = guarded(() =>
      extractMicroformats(scan.microformatRoots, microformatBase(page, options.baseUrl)),
    );
    result.microformat = uniform ? uniformItems(items, MICROFORMATS_CONTEXT) : items;
  }
  if (syntaxes.has('dublincore')) {
    const items = guarded(() => extractDublinCore(page));
    result.dublincore = uniform ? uniformDublinCore(items) : items;
  }
  return result;
}

/** The structured data `extractPage` keeps (default options), read from its parse and its walk's scan. */
export function structuredDataFacts(
  page: ParsedPage,
  scan: StructuredDataScan,
): Pick<PageFacts, 'microdata' | 'rdfa' | 'microformats' | 'dublinCore'> {
  const base = page.url.href;
  return {
    microdata: guarded(() =>
      extractMicrodata(page.document, scan.itemScopes, {
        strict: false,
        nested: true,
        addTextContent: false,
        baseUrl: base,
      }),
    ),
    rdfa: guarded(() => extractRdfa(page.document, scan, base)),
    microformats: guarded(() => extractMicroformats(scan.microformatRoots, microformatBase(page, base))),
    dublinCore: guarded(() => extractDublinCore(page)),
  };
}

/** mf2py honours `<base href>`: an absolute one replaces the page URL, a relative one resolves against it. */
function microformatBase(page: ParsedPage, baseUrl: string | null): string | null {
  const href = page.index.base?.attribs['href'];
  if (href === undefined || href === '') return baseUrl;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]/.test(href) || href.startsWith('//')) return href;
  return baseUrl === null ? null : urlJoin(baseUrl, href);
}

function guarded<T>(extract: () => T[]): T[] {
  try {
    return extract();
  } catch {
    // A stack overflow on a pathological tree or a library's surprise: this syntax gives nothing, the rest stands.
    return [];
  }
}

/** The scan of a page parsed without it: one more walk of the tree. */
function scanDocument(document: Document): StructuredDataScan {
  const scan = createStructuredDataScan();
  const stack: AnyNode[] = [...document.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node) || node.name === 'template') continue;
    scan.visit(node);
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return scan;
}

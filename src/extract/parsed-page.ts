import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';
import { indexDocument, type ElementVisitor, type PageIndex } from './page-index.js';
import { resolveUrl } from './urls.js';

/**
 * The one parse of a page that every extractor reads: the tree, the index of its notable elements from
 * the single walk, and the URLs relative references resolve against. Extractors take this, never HTML,
 * so that adding one (microdata, RDFa, article text…) never adds a parse.
 */
export interface ParsedPage {
  readonly document: Document;
  readonly index: PageIndex;
  /** The page's own URL. */
  readonly url: URL;
  /** What relative URLs resolve against: `<base href>` (itself resolved against the page URL), else the page URL. */
  readonly base: URL;
}

// Entities decoded where the HTML tokenizer decodes them (text and attribute values); script and style
// content stays raw, as in a browser. Tag and attribute names lower-cased so lookups need no case folding.
const PARSER_OPTIONS = {
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
} as const;

export function parsePage(html: string, url: URL, visitors: readonly ElementVisitor[] = []): ParsedPage {
  const document = parseDocument(html, PARSER_OPTIONS);
  const index = indexDocument(document, visitors);
  const baseHref = index.base?.attribs['href']?.trim();
  const resolved = baseHref === undefined || baseHref === '' ? null : resolveUrl(baseHref, url);
  // A base of another kind (`javascript:`, `data:`) would turn every link into nothing fetchable; ignore it.
  const base = resolved !== null && isWebOrSame(resolved.protocol, url.protocol) ? resolved : url;
  return { document, index, url, base };
}

function isWebOrSame(protocol: string, pageProtocol: string): boolean {
  return protocol === pageProtocol || protocol === 'http:' || protocol === 'https:';
}

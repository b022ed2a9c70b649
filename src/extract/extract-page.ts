import { InvalidInputError } from '../core/index.js';
import { extractArticle } from './article.js';
import { extractHeadings } from './headings.js';
import { extractImages } from './images.js';
import { extractJsonLd } from './json-ld.js';
import { extractLinks } from './links.js';
import { extractMetaTags } from './meta-tags.js';
import { extractMetadata } from './metadata.js';
import { createMetadataCollector } from './metadata-signals.js';
import { extractOpenGraph } from './open-graph.js';
import type { PageFacts } from './page-facts.js';
import type { ElementVisitor } from './page-index.js';
import { parsePage } from './parsed-page.js';
import { extractProductFacts } from './product-facts.js';
import type { CompiledSelectors } from './selectors.js';
import { structuredDataFacts } from './structured-data.js';
import { createStructuredDataScan } from './structured-data-scan.js';
import { countWords } from './text.js';
import { parsePageUrl } from './urls.js';

export interface ExtractOptions {
  /**
   * The URL the page was fetched from (after redirects): relative links, images and the canonical URL
   * resolve against it (or against the page's `<base href>`), and internal links are those on its host.
   * @example 'https://shop.example.com/products/42'
   */
  url: string;
  /** The job's custom selectors, compiled once with `compileSelectors` and reused for every page. */
  selectors?: CompiledSelectors;
  /**
   * Also gather product facts (`PageFacts.product`): markup, metas and the visible page (price by the
   * buy button, labels, breadcrumbs). Costs one more walk of the body, so only when asked.
   * @default false
   */
  product?: boolean;
}

/**
 * Page → facts. Pure: the HTML is parsed once and every extractor reads that one tree. Never throws on
 * the page's content, however broken (bad markup, unreadable JSON-LD): what cannot be read is left out or
 * reported in the facts.
 * @throws InvalidInputError when `options.url` is not an absolute URL.
 */
export function extractPage(html: string, options: ExtractOptions): PageFacts {
  if (typeof html !== 'string') {
    throw new InvalidInputError(
      'html',
      `The page HTML must be a string, got ${typeof html}; decode the response body first.`,
    );
  }
  const url = parsePageUrl(options.url);
  const collector = options.selectors?.collector();
  const visitors: ElementVisitor[] = collector === undefined ? [] : [(element) => collector.visit(element)];
  const metadataSignals = createMetadataCollector();
  visitors.push(metadataSignals.visit);
  // Notes itemscope, RDFa and microformat elements during the walk, so pages without them pay nothing more.
  const structuredDataScan = createStructuredDataScan();
  visitors.push(structuredDataScan.visit);
  const page = parsePage(html, url, visitors);
  const jsonLd = extractJsonLd(page);
  const facts: PageFacts = {
    url: options.url,
    metadata: extractMetadata(page, { jsonLd: jsonLd.items, signals: metadataSignals.signals }),
    meta: extractMetaTags(page),
    openGraph: extractOpenGraph(page),
    jsonLd: jsonLd.items,
    jsonLdErrors: jsonLd.errors,
    headings: extractHeadings(page),
    links: extractLinks(page),
    images: extractImages(page),
    selected: collector?.values(page.base) ?? {},
    wordCount: countWords(page.index.visibleText),
    article: extractArticle(page, { jsonLd: jsonLd.items }),
    ...structuredDataFacts(page, structuredDataScan),
  };
  // Read from the facts above and the same parse: nothing is parsed or extracted twice.
  if (options.product === true) facts.product = extractProductFacts(facts, page);
  return facts;
}

import type { PageFacts } from './page-facts.js';
import type { ParsedPage } from './parsed-page.js';
import type {
  BreadcrumbTrail,
  ProductCandidate,
  ProductFacts,
  ProductField,
  ProductSource,
} from './product-facts-types.js';
import { breadcrumbTrails } from './product-breadcrumbs.js';
import { findProduct, productCandidates, type ProductContext } from './product-markup.js';
import { metaCandidates } from './product-metas.js';
import {
  nodesFromJsonLd,
  nodesFromMicrodata,
  nodesFromRdfa,
  type SchemaNode,
} from './product-schema-node.js';
import { visibleProductFacts } from './product-visible.js';

/** The parts of `PageFacts` product facts are read from (all of them plain data: stored facts do too). */
export type ProductMarkupInput = Pick<
  PageFacts,
  'url' | 'jsonLd' | 'microdata' | 'rdfa' | 'openGraph' | 'meta'
> & {
  metadata?: Pick<PageFacts['metadata'], 'title'>;
  headings?: PageFacts['headings'];
};

export interface ProductFactsOptions {
  /**
   * Read the visible page too (price by the buy button, `<h1>`, breadcrumbs, "SKU:" labels, stock
   * wording). Needs the parsed page; costs one more walk of the body.
   * @default true when a parsed page is given
   */
  visible?: boolean;
}

/**
 * What a page says about its product: every value found in JSON-LD, microdata and RDFa (the main
 * Product/Offer, ProductGroup variants, ItemPage `mainEntity`, `@graph`), OpenGraph product tags and
 * loose metas, and, with the parsed page, in its visible text. Each value keeps its source and a
 * confidence; choosing among them (and recording conflicts) is `normalizeProduct`'s job. Pure; never
 * throws on the page's content.
 *
 * @param page the page's one parse (inside `extractPage`), or null to read markup and metas only, as from
 *   stored `PageFacts`
 */
export function extractProductFacts(
  facts: ProductMarkupInput,
  page: ParsedPage | null = null,
  options: ProductFactsOptions = {},
): ProductFacts {
  let url: URL;
  try {
    url = new URL(facts.url);
  } catch {
    url = new URL('about:blank');
  }
  const titles = [
    ...(facts.headings ?? []).filter((h) => h.level === 1).map((h) => h.text),
    ...(facts.meta?.['og:title'] ?? []),
    ...(facts.metadata?.title ? [facts.metadata.title] : []),
  ];
  const context: ProductContext = { url, titles };
  const candidates: Partial<Record<ProductField, ProductCandidate[]>> = {};
  const breadcrumbs: BreadcrumbTrail[] = [];
  const markup: ProductSource[] = [];

  const syntaxes: [Exclude<ProductSource, 'visible' | 'opengraph' | 'meta'>, () => SchemaNode[]][] = [
    ['json-ld', () => nodesFromJsonLd(facts.jsonLd ?? [])],
    ['microdata', () => nodesFromMicrodata(facts.microdata ?? [])],
    ['rdfa', () => nodesFromRdfa(facts.rdfa ?? [])],
  ];
  for (const [source, read] of syntaxes) {
    guarded(() => {
      const nodes = read();
      if (nodes.length === 0) return;
      const found = findProduct(nodes, context);
      if (found !== null) {
        markup.push(source);
        merge(candidates, productCandidates(found, source));
      }
      breadcrumbs.push(...breadcrumbTrails(nodes, source));
    });
  }
  guarded(() => merge(candidates, metaCandidates(facts.openGraph ?? [], facts.meta ?? {})));
  if (page !== null && options.visible !== false) {
    guarded(() => {
      const visible = visibleProductFacts(page, { hasMarkup: markup.length > 0 });
      merge(candidates, visible.candidates);
      breadcrumbs.push(...visible.breadcrumbs);
    });
  }
  for (const list of Object.values(candidates)) list.sort((a, b) => b.confidence - a.confidence);
  breadcrumbs.sort((a, b) => b.confidence - a.confidence);
  return { markup, candidates, breadcrumbs };
}

function merge(
  into: Partial<Record<ProductField, ProductCandidate[]>>,
  from: Partial<Record<ProductField, ProductCandidate[]>>,
): void {
  for (const [field, list] of Object.entries(from) as [ProductField, ProductCandidate[]][]) {
    (into[field] ??= []).push(...list);
  }
}

/** One source that fails on a pathological page (a stack overflow, a surprise) gives nothing; the rest stands. */
function guarded(step: () => void): void {
  try {
    step();
  } catch {
    // Deliberately empty: product facts never cost a page its other facts.
  }
}

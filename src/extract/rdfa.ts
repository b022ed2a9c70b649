import { isComment, isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import type * as RDF from '@rdfjs/types';
import { DataFactory } from 'rdf-data-factory';
import { RdfaParser, type IRdfaFeatures, type IRdfaParserOptions } from 'rdfa-streaming-parser';
import {
  EXTRA_PREFIXES,
  elementAttributes,
  prefixesAt,
  innerContext,
  needsSubtree,
  rootAttributes,
  rootContext,
  type AttributeContext,
  type Prefixes,
} from './rdfa-attributes.js';
import { roleQuads } from './rdfa-role.js';
import { quadsToExpandedJsonLd } from './rdf-json-ld.js';
import type { RdfaNode } from './structured-data-types.js';

/**
 * What the RDFa processor honours, chosen to read pages as extruct's processor (pyRdfa on an lxml tree)
 * does, which treats HTML as generic XML host language: no `<base>`, no `lang` (only `xml:lang`), no
 * `<time>` datatypes, no head/body subject inheritance; `xmlns:` prefixes and `rdf:HTML` literals are
 * honoured; `role` is read by `rdfa-role.ts`. A fresh object per page: the parser writes into it when it ends.
 */
function extructFeatures(rdfa10: boolean): IRdfaFeatures {
  return {
    baseTag: false,
    xmlBase: false,
    langAttribute: false,
    onlyAllowUriRelRevIfProperty: true,
    inheritSubjectInHeadBody: false,
    datetimeAttribute: false,
    timeTag: false,
    htmlDatatype: true,
    copyRdfaPatterns: true,
    xmlnsPrefixMappings: true,
    // RDFa 1.0 documents: `rel` and `rev` take XHTML's reserved link types (`stylesheet`, `next`…).
    xhtmlInitialContext: rdfa10,
    roleAttribute: false,
  };
}

/**
 * Elements nested deeper than this are not replayed. The parser copies each property's collected text into
 * its parent's at every closing tag, so thousands of nested `property` elements are quadratic; real pages
 * are a few dozen levels deep.
 */
export const MAX_RDFA_DEPTH = 512;

let mergedPrefixes: Prefixes | undefined;

/** Collects the parser's quads synchronously instead of streaming them. */
class CollectingRdfaParser extends RdfaParser {
  readonly quads: RDF.Quad[] = [];
  /** Whether `prefixes` went into the parser's initial context (else the root element declares them). */
  readonly prefixesInstalled: boolean;

  constructor(options: IRdfaParserOptions, extraPrefixes: Prefixes) {
    super(options);
    // rdfa-streaming-parser (3.x, pinned) takes no initial prefixes; its root context is the bottom of its
    // tag stack, which it only reads. Should that change shape, the root element declares them instead
    // (slower, same triples).
    const root = (this as unknown as { activeTagStack?: { prefixesAll?: Record<string, string> }[] })
      .activeTagStack?.[0];
    const initial = root?.prefixesAll;
    this.prefixesInstalled = initial !== undefined && Object.keys(extraPrefixes).length > 0;
    if (root !== undefined && initial !== undefined && this.prefixesInstalled) {
      // The merged map is the same for every page: made once, shared (the parser copies before changing).
      mergedPrefixes ??= Object.freeze({ ...initial, ...extraPrefixes });
      root.prefixesAll = mergedPrefixes as Record<string, string>;
    }
  }

  push(chunk: unknown): boolean {
    if (chunk !== null && chunk !== undefined) this.quads.push(chunk as RDF.Quad);
    return true;
  }
}

/**
 * RDFa as extruct gives it (expanded JSON-LD node objects), from the already-parsed tree: the RDF/JS
 * streaming parser is driven through its htmlparser2 handler interface by replaying our tree, so the page
 * is not parsed again. Only what can matter is replayed: the elements with RDFa attributes, their
 * ancestors (for the root, prefixes, vocabularies and language they inherit), and the whole subtree of
 * an element whose value or links its descendants complete (`property`, `rel`, `rev`). A page with
 * OpenGraph metas alone replays its root, its head and those metas. `role` (on most elements of some
 * pages, as ARIA) is read without the parser; its triples come after the others.
 * @param elements the elements with RDFa attributes and with `role`, from the single walk.
 * @param baseIri what relative IRIs resolve against (`null`: the reference's "no base").
 */
export function extractRdfa(
  document: Document,
  elements: { rdfaElements: readonly Element[]; roleElements: readonly Element[] },
  baseIri: string | null,
): RdfaNode[] {
  const { rdfaElements, roleElements } = elements;
  const rdfa10 = declaresRdfa10(document);
  if (rdfaElements.length === 0 && roleElements.length === 0 && !rdfa10) return [];
  const factory = new DataFactory();
  const quads: RDF.Quad[] = [];
  if (rdfaElements.length > 0 || rdfa10) {
    const parser = new CollectingRdfaParser(
      { baseIRI: baseIri ?? '', dataFactory: factory, features: extructFeatures(rdfa10) },
      rdfa10 ? {} : EXTRA_PREFIXES,
    );
    replay(document, rdfaElements, parser, rdfa10);
    quads.push(...parser.quads);
  }
  // pyRdfa reads `role` as RDFa 1.1 only.
  if (!rdfa10) {
    for (const element of roleElements)
      quads.push(...roleQuads(element.attribs, baseIri ?? '', () => prefixesAt(element), factory));
  }
  return quadsToExpandedJsonLd(quads);
}

/**
 * `<html version="XHTML+RDFa 1.0">` (Drupal 7's default) switches pyRdfa to RDFa 1.0 processing. The
 * streaming parser implements RDFa 1.1 only; the 1.0 differences that show on real pages are followed
 * (reserved `rel` words, no `role`, `vocab` or `prefix`, CURIEs only with `xmlns:` prefixes), the rest
 * (1.0's XML literals for values with markup) is not.
 */
function declaresRdfa10(document: Document): boolean {
  const html = document.children.find((node): node is Element => isTag(node) && node.name === 'html');
  const version = html?.attribs['version'] ?? '';
  return version.includes('RDFa 1.0') || version.includes('RDFa1.0');
}

function replay(
  document: Document,
  rdfaElements: readonly Element[],
  parser: CollectingRdfaParser,
  rdfa10: boolean,
): void {
  // The elements to replay when not inside a `full` subtree: the RDFa elements and their ancestors.
  const onPath = new Set<Element>();
  for (const element of rdfaElements) {
    for (let node: Element | null = element; node !== null && !onPath.has(node);) {
      onPath.add(node);
      node = isTag(node.parent as AnyNode) ? (node.parent as Element) : null;
    }
  }
  // One root, as an HTML tree has: the `<html>` element when there is one, else a synthetic one, and the
  // top-level nodes beside it under it (a browser would have moved them into the body).
  const top = document.children;
  const html = top.find((node): node is Element => isTag(node) && node.name === 'html');
  const children: AnyNode[] = [];
  for (const node of top) children.push(...(node === html ? html.children : [node]));
  const htmlAttribs = html?.attribs ?? {};
  const root = rootContext(htmlAttribs, rdfa10);
  safely(() =>
    parser.onTagOpen('html', rootAttributes(htmlAttribs, root, rdfa10, !parser.prefixesInstalled)),
  );

  // `full`: inside an element whose whole subtree matters (RDFa 1.0 pages are replayed whole: the scan
  // does not know which of their `rel` values count).
  type Step = { node: AnyNode; full: boolean; context: AttributeContext; depth: number } | null; // null: close
  const stack: Step[] = [];
  const rootFull = rdfa10 || needsSubtree(htmlAttribs);
  for (let i = children.length - 1; i >= 0; i -= 1)
    stack.push({ node: children[i] as AnyNode, full: rootFull, context: root, depth: 1 });
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if (step === null) {
      safely(() => parser.onTagClose());
      continue;
    }
    const { node, full, context, depth } = step;
    if (isText(node) || isComment(node)) {
      // pyRdfa, on extruct's tree, reads comment text as part of a literal too.
      if (full) safely(() => parser.onText(node.data));
      continue;
    }
    if (!isTag(node) || (!full && !onPath.has(node)) || depth > MAX_RDFA_DEPTH) continue;
    const attribs = node.attribs;
    const inner = innerContext(attribs, context, rdfa10);
    const attributes = elementAttributes(attribs, inner, rdfa10);
    safely(() => parser.onTagOpen(node.name, attributes));
    stack.push(null);
    const childFull = full || needsSubtree(attribs);
    for (let i = node.children.length - 1; i >= 0; i -= 1)
      stack.push({ node: node.children[i] as AnyNode, full: childFull, context: inner, depth: depth + 1 });
  }
  safely(() => parser.onTagClose());
  safely(() => parser.onEnd());
}

/** A page's markup must never abort extraction: a step the parser cannot take is skipped. */
function safely(step: () => void): void {
  try {
    step();
  } catch {
    // The parser keeps its own stack consistent per call; the triples of this element are lost.
  }
}

import type { Element } from 'domhandler';
import { hasMicroformatRoot } from './microformat-classes.js';
import type { ElementVisitor } from './page-index.js';
import { isEmittingLinkType } from './rdfa-attributes.js';

/**
 * What the structured-data extractors need from the page, noted by the single walk of the parsed tree
 * (a visitor of `parsePage`), so that a page without microdata, RDFa or microformats costs those
 * extractors nothing beyond these few attribute lookups per element.
 */
export interface StructuredDataScan {
  readonly visit: ElementVisitor;
  /** Elements with `itemscope`, in document order. */
  readonly itemScopes: readonly Element[];
  /** Elements with RDFa attributes that can emit triples or start a subject, in document order. */
  readonly rdfaElements: readonly Element[];
  /** Elements with a `role` (which RDFa reads too), in document order. */
  readonly roleElements: readonly Element[];
  /** Elements with a microformat root class (`h-*`, or a classic one such as `vcard`), in document order. */
  readonly microformatRoots: readonly Element[];
}

export function createStructuredDataScan(): StructuredDataScan {
  const itemScopes: Element[] = [];
  const rdfaElements: Element[] = [];
  const microformatRoots: Element[] = [];
  const roleElements: Element[] = [];
  // One pass over the attribute names: an element has a few, and looking up a dozen absent names on every
  // element of a page costs twice as much (measured on the product-page fixtures).
  const visit = (element: Element): void => {
    const attribs = element.attribs;
    let rdfa = false;
    for (const name in attribs) {
      switch (name) {
        case 'itemscope':
          itemScopes.push(element);
          break;
        case 'class':
          if (hasMicroformatRoot(attribs[name] as string)) microformatRoots.push(element);
          break;
        case 'property':
        case 'typeof':
        case 'about':
        case 'vocab':
        case 'resource':
          rdfa = true;
          break;
        case 'role':
          roleElements.push(element);
          break;
        case 'rel':
        case 'rev':
          // Only CURIEs, IRIs and the defined terms emit: `rel="stylesheet"` does not.
          rdfa ||= isEmittingLinkType(attribs[name] as string);
          break;
      }
    }
    if (rdfa) rdfaElements.push(element);
  };
  return { visit, itemScopes, rdfaElements, roleElements, microformatRoots };
}

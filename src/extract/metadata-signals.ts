import { isTag, type AnyNode, type Document, type Element } from 'domhandler';
import type { ElementVisitor } from './page-index.js';

/**
 * The visible-page elements the metadata rules fall back to, gathered during the one walk of the document
 * (`parsePage`'s visitors) so that metadata never walks the tree again. Each list is in document order and
 * bounded (`MAX_PER_KIND`): a page with ten thousand "date" classes costs what a page with forty does.
 */
export interface MetadataSignals {
  /** Elements with an `itemprop` the rules read (author, name, dates, publisher, logo…), keyed by that property, lower-cased. */
  readonly itemprops: ReadonlyMap<string, readonly Element[]>;
  /** `<a>` and `<link>` with `rel~=author`. */
  readonly relAuthors: readonly Element[];
  /** Elements whose class or id mentions the author (comment authors and "authorize" widgets excluded). */
  readonly authors: readonly Element[];
  /** Elements whose class mentions a byline. */
  readonly bylines: readonly Element[];
  /** Elements whose class or id mentions a date, a time or publishing. */
  readonly dates: readonly Element[];
  /** `<time>` elements. */
  readonly times: readonly Element[];
  /** Elements whose class or id mentions a logo, and links whose class mentions a brand. */
  readonly logos: readonly Element[];
  /** `<video>`, `<audio>`, and `<source>` inside them. */
  readonly media: readonly Element[];
  /** `<a href>` to an author page (`/author/…`) or to an audio file (`….mp3`). */
  readonly links: readonly Element[];
}

export interface MetadataCollector {
  readonly visit: ElementVisitor;
  readonly signals: MetadataSignals;
}

const MAX_PER_KIND = 40;
const ITEMPROPS: ReadonlySet<string> = new Set([
  'author',
  'creator',
  'name',
  'datepublished',
  'datecreated',
  'datemodified',
  'uploaddate',
  'publisher',
  'logo',
  'url',
  'image',
  'width',
  'height',
]);
// One test per element with a class or id; the finer tests run only on the few that pass it.
const HINT = /author|byline|date|time|publish|posted|logo|brand/i;
const AUTHOR_HINT = /author/i;
const NOT_AUTHOR = /authori[sz]|comment/i;
const BYLINE_HINT = /byline/i;
const DATE_HINT = /date|time|publish|posted/i;
const LOGO_HINT = /logo/i;
const BRAND_HINT = /brand/i;
const REL_SEPARATOR = /\s+/;
// One native test per link, made here because the walk already holds the element: a second pass over a
// page's hundreds of links costs more than the rest of the metadata.
const LINK_HINT = /\/authors?\/|\.(?:aac|aiff?|flac|m4a|m4b|mp3|mpga|oga|ogg|opus|wav|weba|wma)(?:[?#]|$)/i;

/** A visitor for `parsePage`, and the signals it fills as the walk goes. */
export function createMetadataCollector(): MetadataCollector {
  const itemprops = new Map<string, Element[]>();
  const relAuthors: Element[] = [];
  const authors: Element[] = [];
  const bylines: Element[] = [];
  const dates: Element[] = [];
  const times: Element[] = [];
  const logos: Element[] = [];
  const media: Element[] = [];
  const links: Element[] = [];

  const visit: ElementVisitor = (element) => {
    const attribs = element.attribs;
    switch (element.name) {
      case 'time':
        add(times, element);
        break;
      case 'video':
      case 'audio':
        add(media, element);
        break;
      case 'source': {
        const parent = element.parent;
        if (parent !== null && isTag(parent) && (parent.name === 'video' || parent.name === 'audio'))
          add(media, element);
        break;
      }
      case 'a':
      case 'link': {
        const rel = attribs['rel'];
        if (rel !== undefined && rel.toLowerCase().split(REL_SEPARATOR).includes('author'))
          add(relAuthors, element);
        const href = element.name === 'a' ? attribs['href'] : undefined;
        if (href !== undefined && LINK_HINT.test(href)) add(links, element);
        break;
      }
    }
    const itemprop = attribs['itemprop'];
    if (itemprop !== undefined) {
      for (const property of itemprop.toLowerCase().split(REL_SEPARATOR)) {
        if (!ITEMPROPS.has(property)) continue;
        let list = itemprops.get(property);
        if (list === undefined) itemprops.set(property, (list = []));
        add(list, element);
      }
    }
    const className = attribs['class'];
    const id = attribs['id'];
    // Each tested on its own: joining them would allocate a string for most elements of the page.
    const classHinted = className !== undefined && HINT.test(className);
    const idHinted = id !== undefined && HINT.test(id);
    if (!classHinted && !idHinted) return;
    const hinted = (pattern: RegExp) =>
      (classHinted && pattern.test(className as string)) || (idHinted && pattern.test(id as string));
    if (hinted(AUTHOR_HINT) && !hinted(NOT_AUTHOR)) add(authors, element);
    if (classHinted && BYLINE_HINT.test(className as string)) add(bylines, element);
    if (hinted(DATE_HINT)) add(dates, element);
    if (hinted(LOGO_HINT) || (element.name === 'a' && classHinted && BRAND_HINT.test(className as string)))
      add(logos, element);
  };

  return {
    visit,
    signals: { itemprops, relAuthors, authors, bylines, dates, times, logos, media, links },
  };
}

/** The same signals for a page parsed without the collector: one walk of its own, iterative. */
export function collectMetadataSignals(document: Document): MetadataSignals {
  const collector = createMetadataCollector();
  const stack: AnyNode[] = [...document.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node) || node.name === 'template') continue;
    collector.visit(node);
    if (node.name === 'script' || node.name === 'style') continue;
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return collector.signals;
}

function add(list: Element[], element: Element): void {
  if (list.length < MAX_PER_KIND) list.push(element);
}

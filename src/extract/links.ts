import { isTag, type AnyNode, type Element } from 'domhandler';
import type { PageLink } from './page-facts.js';
import type { ParsedPage } from './parsed-page.js';
import { normalizeWhitespace, textOf } from './text.js';
import { resolveWebUrl, siteHost } from './urls.js';

const WHITESPACE = /\s+/;

/**
 * Every `<a href>` that leads to a web page, in document order, duplicates kept (each is an anchor of
 * the backlink graph): resolved against the document base, fragment dropped.
 */
export function extractLinks(page: ParsedPage): PageLink[] {
  const pageHost = siteHost(page.url.hostname);
  const links: PageLink[] = [];
  for (const anchor of page.index.anchors) {
    const url = resolveWebUrl((anchor.attribs['href'] as string).trim(), page.base);
    if (url === null) continue;
    const rel = anchor.attribs['rel'];
    links.push({
      url: url.href,
      text: textOf(anchor) || imageAlt(anchor),
      rel:
        rel === undefined
          ? []
          : rel
              .toLowerCase()
              .split(WHITESPACE)
              .filter((token) => token !== ''),
      internal: siteHost(url.hostname) === pageHost,
    });
  }
  return links;
}

/** An image-only link reads as its image's alt text, as a screen reader or a search engine reads it. */
function imageAlt(anchor: Element): string {
  const stack: AnyNode[] = [...anchor.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node)) continue;
    if (node.name === 'img') {
      const alt = normalizeWhitespace(node.attribs['alt'] ?? '');
      if (alt !== '') return alt;
    }
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return '';
}

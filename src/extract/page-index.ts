import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import { BLOCK_TAGS } from './text.js';

/** Called once for every element outside `<template>`, in document order, during the single walk. */
export type ElementVisitor = (element: Element) => void;

/**
 * The elements every extractor needs, gathered in one walk of the document so that no extractor walks the
 * whole tree again: a full walk costs a tenth to a fifth of the parse, and there are many extractors.
 */
export interface PageIndex {
  readonly html: Element | null;
  readonly head: Element | null;
  readonly body: Element | null;
  /** The document's `<title>` (the first one outside SVG, as `document.title` has it). */
  readonly title: Element | null;
  /** The first `<base>` with an `href`, the only one browsers honour. */
  readonly base: Element | null;
  readonly metas: readonly Element[];
  /** `<link>` elements (canonical, alternate, icons…). */
  readonly linkTags: readonly Element[];
  /** `<a>` elements that carry an `href`. */
  readonly anchors: readonly Element[];
  readonly images: readonly Element[];
  /** `<h1>` … `<h6>` in document order. */
  readonly headings: readonly Element[];
  /** `<script type="application/ld+json">`. */
  readonly jsonLdScripts: readonly Element[];
  /** The visible text, block boundaries kept as spaces, not yet normalized. */
  readonly visibleText: string;
}

// Markers on the walk's stack, popped when an element's subtree is done.
const END_BLOCK = 0;
const END_HIDDEN = 1;
type StackEntry = AnyNode | typeof END_BLOCK | typeof END_HIDDEN;

const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Subtrees whose text is never visible. Script and style are not even descended into (raw text).
const HIDDEN_TAGS: ReadonlySet<string> = new Set(['head', 'title', 'noscript']);
const DISPLAY_NONE = /display\s*:\s*none/i;
const JSON_LD_TYPE = /^\s*application\/ld\+json\s*(?:;|$)/i;

/** Walks the document once, iteratively (deeply nested broken markup must not overflow the stack). */
export function indexDocument(document: Document, visitors: readonly ElementVisitor[] = []): PageIndex {
  let html: Element | null = null;
  let head: Element | null = null;
  let body: Element | null = null;
  let title: Element | null = null;
  let base: Element | null = null;
  const metas: Element[] = [];
  const linkTags: Element[] = [];
  const anchors: Element[] = [];
  const images: Element[] = [];
  const headings: Element[] = [];
  const jsonLdScripts: Element[] = [];
  const text: string[] = [];
  let hiddenDepth = 0;

  const stack: StackEntry[] = [];
  pushChildren(stack, document);
  while (stack.length > 0) {
    const entry = stack.pop() as StackEntry;
    if (entry === END_BLOCK) {
      if (hiddenDepth === 0) text.push(' ');
      continue;
    }
    if (entry === END_HIDDEN) {
      hiddenDepth -= 1;
      continue;
    }
    if (isText(entry)) {
      if (hiddenDepth === 0) text.push(entry.data);
      continue;
    }
    if (!isTag(entry)) continue; // comments, processing instructions, doctype
    const name = entry.name;
    // Template content is inert in a browser: not rendered, not queried.
    if (name === 'template') continue;
    for (let i = 0; i < visitors.length; i += 1) (visitors[i] as ElementVisitor)(entry);

    switch (name) {
      case 'script':
        if (JSON_LD_TYPE.test(entry.attribs['type'] ?? '')) jsonLdScripts.push(entry);
        continue; // raw text: its content is code or data, never markup or visible text
      case 'style':
        continue;
      case 'meta':
        metas.push(entry);
        break;
      case 'link':
        linkTags.push(entry);
        break;
      case 'a':
        if (entry.attribs['href'] !== undefined) anchors.push(entry);
        break;
      case 'img':
        images.push(entry);
        break;
      case 'html':
        html ??= entry;
        break;
      case 'head':
        head ??= entry;
        break;
      case 'body':
        body ??= entry;
        break;
      case 'title':
        if (title === null && !insideSvg(entry)) title = entry;
        break;
      case 'base':
        if (base === null && entry.attribs['href'] !== undefined) base = entry;
        break;
      default:
        if (HEADING_TAGS.has(name)) headings.push(entry);
    }

    if (isHidden(entry)) {
      hiddenDepth += 1;
      stack.push(END_HIDDEN);
    }
    if (BLOCK_TAGS.has(name)) {
      if (hiddenDepth === 0) text.push(' ');
      stack.push(END_BLOCK);
    }
    pushChildren(stack, entry);
  }

  return {
    html,
    head,
    body,
    title,
    base,
    metas,
    linkTags,
    anchors,
    images,
    headings,
    jsonLdScripts,
    visibleText: text.join(''),
  };
}

function pushChildren(stack: StackEntry[], parent: Document | Element): void {
  const children = parent.children;
  for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as AnyNode);
}

function isHidden(element: Element): boolean {
  if (HIDDEN_TAGS.has(element.name) || element.attribs['hidden'] !== undefined) return true;
  const style = element.attribs['style'];
  return style !== undefined && DISPLAY_NONE.test(style);
}

function insideSvg(element: Element): boolean {
  for (let node = element.parent; node !== null; node = node.parent) {
    if (isTag(node) && node.name === 'svg') return true;
  }
  return false;
}

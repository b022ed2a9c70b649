import type { Element } from 'domhandler';
import type { MicroformatView } from './microformat-backcompat.js';
import { rootClasses } from './microformat-classes.js';
import { mfTextContent, plainText, innerHtml } from './microformat-text.js';
import type { JsonObject } from './structured-data-types.js';
import { tryUrlJoin } from './url-join.js';
import { pyStrip } from './python-strings.js';
import type { TextBudget } from './text-budget.js';

/**
 * Property values and implied properties of microformats2, rule for rule as mf2py (extruct's parser)
 * reads them: https://microformats.org/wiki/microformats2-parsing, value-class pattern included.
 */
export type MfValue = string | JsonObject;

export interface ValueContext {
  readonly view: MicroformatView;
  readonly baseUrl: string | null;
  readonly budget: TextBudget;
}

const attr = (element: Element, name: string, tags: readonly string[]): string | undefined =>
  tags.includes(element.name) ? element.attribs[name] : undefined;

const isRoot = (context: ValueContext, element: Element): boolean =>
  rootClasses(context.view.classes(element)).length > 0;

/** An image as a value: its src, with its alt when it has one (`{value, alt}`). */
function imageValue(element: Element, baseUrl: string | null): MfValue | undefined {
  if (element.name !== 'img') return undefined;
  const src = element.attribs['src'];
  if (src === undefined) return undefined;
  const value = tryUrlJoin(baseUrl, src);
  const alt = element.attribs['alt'];
  return alt === undefined ? value : { value, alt };
}

/** `p-*`. */
export function textValue(element: Element, context: ValueContext): string {
  return (
    valueClassText(element, context) ??
    attr(element, 'title', ['abbr', 'link']) ??
    attr(element, 'value', ['data', 'input']) ??
    attr(element, 'alt', ['img', 'area']) ??
    mfTextContent(element, {
      replaceImg: true,
      imgToSrc: true,
      baseUrl: context.baseUrl,
      budget: context.budget,
    })
  );
}

/** `u-*`. */
export function urlValue(element: Element, context: ValueContext): MfValue {
  let url = attr(element, 'href', ['a', 'area', 'link']);
  if (url === undefined) {
    const image = imageValue(element, context.baseUrl);
    if (image !== undefined) return image;
  }
  url ??=
    attr(element, 'src', ['audio', 'video', 'source', 'iframe']) ??
    attr(element, 'poster', ['video']) ??
    attr(element, 'data', ['object']);
  if (url !== undefined) return tryUrlJoin(context.baseUrl, url);
  return (
    valueClassText(element, context) ??
    attr(element, 'title', ['abbr']) ??
    attr(element, 'value', ['data', 'input']) ??
    mfTextContent(element, {
      replaceImg: false,
      imgToSrc: true,
      baseUrl: context.baseUrl,
      budget: context.budget,
    })
  );
}

/** `e-*`: the inner HTML as written, and its text. */
export function embeddedValue(element: Element, context: ValueContext): JsonObject {
  return {
    html: pyStrip(innerHtml(element, context.budget)),
    value: mfTextContent(element, {
      replaceImg: true,
      imgToSrc: true,
      baseUrl: context.baseUrl,
      budget: context.budget,
    }),
  };
}

/** The value-class pattern's children (`class="value"` or `value-title`). */
function valueChildren(element: Element, context: ValueContext): Element[] {
  return context.view.children(element).filter((child) => {
    if (child.attribs['class'] === undefined) return false;
    const classes = context.view.classes(child);
    return classes.includes('value') || classes.includes('value-title');
  });
}

function valueClassText(element: Element, context: ValueContext): string | undefined {
  const children = valueChildren(element, context);
  if (children.length === 0) return undefined;
  return children
    .map((child) =>
      context.view.classes(child).includes('value-title')
        ? (child.attribs['title'] ?? '')
        : plainText(child, context.budget),
    )
    .join('');
}

/** `name` when no `p-*`, `e-*` or nested item says it. */
export function impliedName(element: Element, context: ValueContext): string {
  const nonEmpty = (value: string | undefined): value is string => value !== undefined && value !== '';
  const own = attr(element, 'alt', ['img', 'area']);
  if (nonEmpty(own)) return own;
  const title = attr(element, 'title', ['abbr']);
  if (nonEmpty(title)) return title;
  let candidate: Element | null = null;
  const children = context.view.children(element);
  if (children.length === 1) {
    candidate = children[0] as Element;
    if (isRoot(context, candidate)) candidate = null;
    if (candidate !== null && !['img', 'area', 'abbr'].includes(candidate.name)) {
      const grandchildren = context.view.children(candidate);
      if (grandchildren.length === 1) {
        candidate = grandchildren[0] as Element;
        if (!['img', 'area', 'abbr'].includes(candidate.name) || isRoot(context, candidate)) candidate = null;
      }
    }
  }
  if (candidate !== null) {
    const alt = attr(candidate, 'alt', ['img', 'area']);
    if (nonEmpty(alt)) return alt;
    const abbrTitle = attr(candidate, 'title', ['abbr']);
    if (nonEmpty(abbrTitle)) return abbrTitle;
  }
  return mfTextContent(element, {
    replaceImg: true,
    imgToSrc: false,
    baseUrl: context.baseUrl,
    budget: context.budget,
  });
}

/** `photo` when none is explicit: the element's own image or object, or its only one (or a grandchild's). */
export function impliedPhoto(element: Element, context: ValueContext): MfValue | undefined {
  const own = imageValue(element, context.baseUrl) ?? attr(element, 'data', ['object']);
  if (own !== undefined) return own;
  const children = context.view.children(element);
  let candidate = onlyChild(children, ['img', 'object'], context);
  if (candidate === undefined && children.length === 1 && !isRoot(context, children[0] as Element))
    candidate = onlyChild(context.view.children(children[0] as Element), ['img', 'object'], context);
  if (candidate === undefined) return undefined;
  return imageValue(candidate, context.baseUrl) ?? attr(candidate, 'data', ['object']);
}

/** `url` when no `u-*` or nested item says it: the element's own link, or its only one (or a grandchild's). */
export function impliedUrl(element: Element, context: ValueContext): string | undefined {
  const own = attr(element, 'href', ['a', 'area']);
  if (own !== undefined) return tryUrlJoin(context.baseUrl, own); // an empty href is a link to the page
  const children = context.view.children(element);
  let candidate = onlyChild(children, ['a', 'area'], context);
  if (candidate === undefined && children.length === 1 && !isRoot(context, children[0] as Element))
    candidate = onlyChild(context.view.children(children[0] as Element), ['a', 'area'], context);
  const href = candidate === undefined ? undefined : attr(candidate, 'href', ['a', 'area']);
  return href === undefined ? undefined : tryUrlJoin(context.baseUrl, href);
}

/** The only child of the first of `tags` that has exactly one, unless it is itself an item. */
function onlyChild(
  children: readonly Element[],
  tags: readonly string[],
  context: ValueContext,
): Element | undefined {
  for (const tag of tags) {
    const matching = children.filter((child) => child.name === tag);
    if (matching.length === 1) {
      const only = matching[0] as Element;
      if (!isRoot(context, only)) return only;
    }
  }
  return undefined;
}

export { valueChildren };

import type { Element } from 'domhandler';

/**
 * What the markup says about a subtree before its text is read: tags whose content is never article
 * text, tags, roles, classes and ids that name boilerplate (navigation, comments, share bars, related
 * links, ads, cookie banners) or the article body. These are the conventions of the web at large
 * (HTML5 sectioning, ARIA landmarks, schema.org, the class names of the common CMS themes), the same
 * signals Readability, trafilatura and boilerpipe read; none is specific to a site.
 */

/** Subtrees never read: code, embedded objects, form controls, media. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'map',
  'select',
  'option',
  'textarea',
  'button',
  'input',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'dialog',
]);

/** Elements whose boundaries end a paragraph (a text block). */
export const BLOCK_LEVEL_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Sectioning elements and landmarks that hold what surrounds an article, not the article. */
const BOILERPLATE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header', 'menu']);
const BOILERPLATE_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
  'alertdialog',
  'tablist',
]);

// Class and id words, matched as whole words of the camel-case-split, lower-cased `class id` string.
// Strong: what such a word names is boilerplate wherever it sits, even inside the article element.
const STRONG_BOILERPLATE =
  /(?:^|[^a-z])(?:comments?|commenting|commentlist|disqus|replies|respond|share|shares|sharing|sharebar|sharethis|addthis|social|socials|socialmedia|related|relatedposts|recommended|recommendations?|newsletter|newsletters|subscribe|subscription|signup|sign-up|cookies?|cookiebanner|consent|gdpr|breadcrumbs?|sponsored|sponsors?|outbrain|taboola|advert|adverts|advertisement|advertising|adsense|ad|ads|adslot|adunit|ad-slot|ad-unit|dfp|promo|promos|promotion|popup|modal|overlay|paywall|popular|most-read|mostread|trending|read-more|readmore|more-stories|recirc|recirculation|author-bio|authorbio|about-author|byline|bylines|tags|tag-list|taglist|tagcloud|tag-cloud|keywords|print|rating|ratings|pagination|pager|skip-link|skiplink|jump-link)(?:$|[^a-z])/;
// Weak: boilerplate when it is a part of the page; a layout wrapper when it holds most of the page's text
// (`<div class="main-with-sidebar">`), so a big one is not trusted (see `voidedMarks`).
const WEAK_BOILERPLATE =
  /(?:^|[^a-z])(?:sidebar|side-bar|aside|rail|right-rail|left-rail|footer|header|masthead|menu|nav|navbar|navigation|widget|widgets|banner|meta|metadata|supplemental|toolbar|author|authors|date|dateline|timestamp|caption|credit|credits|disclaimer|copyright|carousel|slider|gallery|thumbnails?|topbar)(?:$|[^a-z])/;
/** Text that assistive technology reads and no reader sees ("Share on Facebook", "Opens in a new window"). */
const SCREEN_READER_ONLY =
  /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screen-reader-only|element-invisible|a11y-hidden|offscreen)(?:$|\s)/i;

// Container hints (Readability's class weights, widened with the CMS names trafilatura looks for).
const POSITIVE_CLASS =
  /(?:^|[^a-z])(?:article|articles|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|copy|rich-text|richtext)(?:$|[^a-z])/;
const ARTICLE_BODY_CLASS =
  /(?:^|[^a-z])(?:article|post|entry|story|news|blog|content|main|page|single)-?(?:body|content|text|entry|copy|container|inner|main|detail|details)(?:$|[^a-z])|(?:^|[^a-z])(?:articlebody|article-body|post-content|entry-content|story-body|body-copy|body-text|rich-text|text-body)(?:$|[^a-z])/;

/** Content shown only on hover or click (tooltips, hover cards): hidden by the page's CSS until then. */
const SHOWN_ON_INTERACTION =
  /(?:^|[^a-z])(?:tooltip|tooltips|tooltip-content|popover|popover-content|hovercard|hover-card|rollover|flyout|dropdown-content)(?:$|[^a-z])/;
const DISPLAY_NONE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const CAMEL_BOUNDARY = /([a-z0-9])([A-Z])/g;
const WHITESPACE = /\s+/;
/**
 * Class names a CMS derives from the article's own taxonomy (WordPress puts `tag-social`,
 * `category-ads`, `format-gallery` on the `<article>` and the `<body>`): they name topics, not boilerplate.
 */
const TAXONOMY_CLASS =
  /^(?:tag|tags|category|categories|cat|term|topic|format|post-format|type|status|postid)-/i;
const UPPER_CASE = /[A-Z]/;
/** Distinct `class id` strings remembered per page; past this they are read afresh each time. */
const MAX_CACHED = 4096;

/** What an element's `class` and `id` say, read once per distinct pair. */
export interface ClassHints {
  /** Boilerplate as far as the words tell. */
  mark: BoilerplateMark;
  /** Never seen by a reader (screen-reader text) or only on hover or click (tooltips, hover cards). */
  invisible: boolean;
  /** Readability's class weight: +25 for a word that names content, −25 for one that names boilerplate. */
  weight: number;
  /** A CMS's name for the article body (`entry-content`, `article-body`, `post__text`…). */
  articleBody: boolean;
}

export const NO_MARK = 0;
export const WEAK_MARK = 1;
export const STRONG_MARK = 2;
export type BoilerplateMark = typeof NO_MARK | typeof WEAK_MARK | typeof STRONG_MARK;

export const NO_HINTS: ClassHints = { mark: NO_MARK, invisible: false, weight: 0, articleBody: false };

/** Reads class and id hints, remembering them per distinct pair: a page repeats its class names. */
export class HintReader {
  readonly #cache = new Map<string, ClassHints>();

  read(element: Element): ClassHints {
    const className = element.attribs['class'];
    const id = element.attribs['id'];
    if (className === undefined && id === undefined) return NO_HINTS;
    const key = id === undefined ? (className as string) : `${className ?? ''} ${id}`;
    let hints = this.#cache.get(key);
    if (hints === undefined) {
      hints = readHints(key, className);
      if (this.#cache.size < MAX_CACHED) this.#cache.set(key, hints);
    }
    return hints;
  }
}

function readHints(raw: string, className: string | undefined): ClassHints {
  const named = raw.includes('-')
    ? raw
        .split(WHITESPACE)
        .filter((token) => !TAXONOMY_CLASS.test(token))
        .join(' ')
    : raw;
  // `articleBody main-content` reads as the words `article-body main-content`.
  const words = (UPPER_CASE.test(named) ? named.replace(CAMEL_BOUNDARY, '$1-$2') : named).toLowerCase();
  if (words.trim() === '') return NO_HINTS;
  const strong = STRONG_BOILERPLATE.test(words);
  const weak = !strong && WEAK_BOILERPLATE.test(words);
  return {
    mark: strong ? STRONG_MARK : weak ? WEAK_MARK : NO_MARK,
    invisible:
      (className !== undefined && SCREEN_READER_ONLY.test(className)) || SHOWN_ON_INTERACTION.test(words),
    weight: (POSITIVE_CLASS.test(words) ? 25 : 0) - (strong || weak ? 25 : 0),
    articleBody: ARTICLE_BODY_CLASS.test(words),
  };
}

/** Not rendered: `hidden`, `aria-hidden`, `display: none`, or a class for hidden text. */
export function isInvisible(element: Element, hints: ClassHints): boolean {
  if (hints.invisible) return true;
  const attribs = element.attribs;
  if (attribs['hidden'] !== undefined || attribs['aria-hidden'] === 'true') return true;
  const style = attribs['style'];
  return style !== undefined && DISPLAY_NONE.test(style);
}

/** How surely the element holds boilerplate, from its tag, role, class and id. */
export function boilerplateMark(element: Element, hints: ClassHints): BoilerplateMark {
  if (hints.mark === STRONG_MARK) return isArticleBody(element) ? NO_MARK : STRONG_MARK;
  const role = element.attribs['role'];
  if (role !== undefined && BOILERPLATE_ROLES.has(role.toLowerCase())) return WEAK_MARK;
  if (BOILERPLATE_TAGS.has(element.name)) return WEAK_MARK;
  return hints.mark === WEAK_MARK && !isArticleBody(element) ? WEAK_MARK : NO_MARK;
}

/** The markup's own claim to hold the article body: schema.org `articleBody` (2), or a CMS class (1). */
export function articleBodyHint(element: Element, hints: ClassHints): 0 | 1 | 2 {
  if (isArticleBody(element)) return 2;
  return hints.articleBody ? 1 : 0;
}

function isArticleBody(element: Element): boolean {
  const itemprop = element.attribs['itemprop'];
  return itemprop !== undefined && itemprop.toLowerCase().includes('articlebody');
}

import type { RenderContext } from './render-context.js';
import { escapeHtml } from './text.js';

/** The shell every HTML page shares: head metadata, header navigation, footer boilerplate. */

export const SITE_NAME = 'Gleaner Demo Shop';

export interface PageMeta {
  /** Canonical path, without query. */
  path: string;
  title: string;
  description: string;
  ogType: 'website' | 'product' | 'article';
  /** Path of the OpenGraph image. @default '/images/og-default.jpg' */
  ogImage?: string;
  /** Extra markup for the head: structured data, rel=prev/next, article meta. */
  head?: string;
  /** For pages that ask not to be indexed (the private ones). */
  robots?: string;
  /** Navigation item to mark current, matched against hrefs. */
  section?: string;
  /** The `<html lang>`; null leaves it out (the accessibility lab page, on purpose). @default 'en' */
  lang?: string | null;
}

export function renderDocument(ctx: RenderContext, meta: PageMeta, main: string): string {
  const canonical = escapeHtml(ctx.absolute(meta.path));
  const title = escapeHtml(meta.title);
  const description = escapeHtml(meta.description);
  const lang = meta.lang === null ? '' : ` lang="${escapeHtml(meta.lang ?? 'en')}"`;
  return `<!DOCTYPE html>
<html${lang}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | ${SITE_NAME}</title>
<meta name="description" content="${description}">
${meta.robots ? `<meta name="robots" content="${meta.robots}">\n` : ''}<link rel="canonical" href="${canonical}">
<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:type" content="${meta.ogType}">
<meta property="og:url" content="${canonical}">
<meta property="og:image" content="${escapeHtml(ctx.absolute(meta.ogImage ?? '/images/og-default.jpg'))}">
<meta name="twitter:card" content="summary_large_image">
<link rel="icon" type="image/jpeg" href="/images/icons/favicon.jpg">
<link rel="stylesheet" href="/static/site.css">
${meta.head ?? ''}</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${header(ctx, meta.section)}
<main id="main">
${main}
</main>
${FOOTER}
<script src="/static/site.js" defer></script>
</body>
</html>
`;
}

function header(ctx: RenderContext, section: string | undefined): string {
  const top = ctx.catalog.categories.filter((c) => c.level === 1);
  const item = (href: string, label: string, attributes = '') =>
    `<li><a href="${href}"${attributes}${href === section ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`;
  return `<header class="site-header">
<a class="logo" href="/"><img src="/images/logo.jpg" alt="${SITE_NAME}" width="160" height="40"></a>
<nav class="main-nav" aria-label="Main">
<ul>
${top.map((c) => item(c.path, c.name, ` data-category-id="${c.id}"`)).join('\n')}
${item('/brands', 'Brands')}
${item('/blog', 'Blog')}
</ul>
</nav>
<form class="search" action="/search" method="get" role="search"><label for="q">Search</label><input id="q" name="q" type="search"><button type="submit"><img src="/images/icons/search.jpg" alt="" width="16" height="16">Search</button></form>
<a class="cart-link" href="#cart" aria-label="Cart"><img src="/images/icons/cart.jpg" width="16" height="16"> Cart (0)</a>
</header>`;
}

// Identical on every page: the boilerplate that main-content extraction must learn to drop.
const FOOTER = `<footer class="site-footer">
<nav aria-label="Footer">
<ul>
<li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li>
<li><a href="/status">Service status</a></li>
<li><a href="/blog">Blog</a></li>
<li><a href="/brands">All brands</a></li>
<li><a href="/files/catalog.pdf">Download our catalogue (PDF)</a></li>
<li><a href="/sitemap.xml">Sitemap</a></li>
</ul>
</nav>
<p class="newsletter">Sign up for our newsletter for deals, new arrivals and buying guides. We never share your address.</p>
<ul class="social">
<li><a href="https://example.org/social/gleaner-demo-shop" rel="noopener">Follow us</a></li>
<li><a href="https://example.org/terms" rel="nofollow">Terms of service</a></li>
</ul>
<p class="legal">&copy; 2024 ${SITE_NAME}. Prices include VAT where applicable. Free shipping on orders over $50.</p>
</footer>`;

/** Numbered pagination, every page linked, so a crawler reaches them all from the first. */
export function pagination(basePath: string, page: number, pageCount: number): string {
  if (pageCount <= 1) return '';
  const href = (n: number) => (n === 1 ? basePath : `${basePath}/page/${n}`);
  const links: string[] = [];
  if (page > 1) links.push(`<li><a href="${href(page - 1)}" rel="prev">Previous</a></li>`);
  for (let n = 1; n <= pageCount; n++) {
    links.push(
      n === page
        ? `<li><span aria-current="page">${n}</span></li>`
        : `<li><a href="${href(n)}">${n}</a></li>`,
    );
  }
  if (page < pageCount) links.push(`<li><a href="${href(page + 1)}" rel="next">Next</a></li>`);
  return `<nav class="pagination" aria-label="Pagination"><ul>${links.join('')}</ul></nav>`;
}

/** `<link rel=prev/next>` for the head of a paginated listing. */
export function paginationHead(
  ctx: RenderContext,
  basePath: string,
  page: number,
  pageCount: number,
): string {
  const href = (n: number) => escapeHtml(ctx.absolute(n === 1 ? basePath : `${basePath}/page/${n}`));
  return (
    (page > 1 ? `<link rel="prev" href="${href(page - 1)}">\n` : '') +
    (page < pageCount ? `<link rel="next" href="${href(page + 1)}">\n` : '')
  );
}

/** Path of listing page `page` of a paginated base path. */
export function pagePath(basePath: string, page: number): string {
  return page === 1 ? basePath : `${basePath}/page/${page}`;
}

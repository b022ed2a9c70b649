import type { RenderContext } from './render-context.js';
import { escapeHtml } from './text.js';

/** robots.txt and sitemap.xml: the files a polite crawler reads before the pages. */

export const DISALLOWED_PREFIX = '/private/';
/** Products carry no dates of their own; one fixed date keeps the sitemap deterministic. */
const PRODUCT_LASTMOD = '2024-11-01';

export function robotsTxt(origin: string): string {
  return `# Gleaner Demo Shop
User-agent: *
Disallow: ${DISALLOWED_PREFIX}
Allow: /

Sitemap: ${origin}/sitemap.xml
`;
}

/** Every product (variants included) and every article, with absolute URLs on the running server. */
export function sitemapXml(ctx: RenderContext): string {
  const entry = (path: string, lastmod: string, priority: string) =>
    `<url><loc>${escapeHtml(ctx.absolute(path))}</loc><lastmod>${lastmod}</lastmod><priority>${priority}</priority></url>`;
  const urls = [
    ...ctx.catalog.products.map((p) => entry(p.path, PRODUCT_LASTMOD, p.variantOf ? '0.6' : '0.8')),
    ...ctx.catalog.articles.map((a) => entry(a.path, a.publishedAt, '0.5')),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

import { buildBadPages, REDIRECT_LOOP_SECOND } from './bad-pages.js';
import { renderArticlePage, renderBlogIndex } from './blog-pages.js';
import type { DemoCatalog } from './catalog-types.js';
import { robotsTxt, sitemapXml } from './crawler-files.js';
import { ImageLibrary } from './images.js';
import {
  PRIVATE_PAGES,
  renderAboutPage,
  renderContactPage,
  renderPrivatePage,
  renderSearchPage,
  renderStatusPage,
} from './info-pages.js';
import { LAB_ASSETS, labPages } from './lab-pages.js';
import { pagePath } from './layout.js';
import { renderBrandPage, renderBrandsIndex, renderCategoryPage, renderHomePage } from './listing-pages.js';
import { buildPdf } from './pdf.js';
import { renderProductPage } from './product-page.js';
import type { RenderContext } from './render-context.js';
import { SITE_CSS, SITE_JS } from './static-assets.js';
import type { DemoBadPage } from './types.js';

/**
 * Every path the site answers, in one table built once at start. The server answers from it and the
 * truth is read from it, so the two cannot drift: a page added here is served and counted.
 */

export type Route =
  /** An HTML page; `linked` pages are reachable from '/' (the search page is only reached by its form). */
  | { type: 'page'; linked: boolean; render: (ctx: RenderContext) => string }
  /** Linked, but disallowed by robots.txt. */
  | { type: 'private'; render: (ctx: RenderContext) => string }
  | { type: 'bad'; bad: DemoBadPage }
  | { type: 'redirect'; status: 301 | 302; location: string }
  | { type: 'asset'; contentType: string; body: (ctx: RenderContext) => string | Buffer };

export interface SiteRoutes {
  routes: ReadonlyMap<string, Route>;
  badPages: DemoBadPage[];
}

export function buildSiteRoutes(catalog: DemoCatalog): SiteRoutes {
  const routes = new Map<string, Route>();
  const page = (path: string, render: (ctx: RenderContext) => string, linked = true) => {
    if (routes.has(path)) throw new Error(`demo site route ${path} is defined twice`);
    routes.set(path, { type: 'page', linked, render });
  };

  page('/', renderHomePage);
  page('/about', renderAboutPage);
  page('/contact', renderContactPage);
  page('/status', renderStatusPage);
  page('/brands', renderBrandsIndex);
  page('/search', renderSearchPage, false);
  for (const category of catalog.categories) {
    for (let n = 1; n <= category.pageCount; n++)
      page(pagePath(category.path, n), (ctx) => renderCategoryPage(ctx, category, n));
  }
  for (const brand of catalog.brands) page(brand.path, (ctx) => renderBrandPage(ctx, brand));
  for (const product of catalog.products) page(product.path, (ctx) => renderProductPage(ctx, product));
  for (let n = 1; n <= catalog.blogPageCount; n++)
    page(pagePath('/blog', n), (ctx) => renderBlogIndex(ctx, n));
  catalog.articles.forEach((article, i) => page(article.path, (ctx) => renderArticlePage(ctx, article, i)));
  for (const [path, render] of labPages()) page(path, render);

  for (const privatePage of PRIVATE_PAGES)
    routes.set(privatePage.path, { type: 'private', render: (ctx) => renderPrivatePage(ctx, privatePage) });

  const badPages = buildBadPages(catalog);
  for (const bad of badPages) routes.set(bad.path, { type: 'bad', bad });
  routes.set(REDIRECT_LOOP_SECOND, { type: 'redirect', status: 302, location: '/bad/redirect-loop' });

  const images = new ImageLibrary(catalog);
  const asset = (path: string, contentType: string, body: (ctx: RenderContext) => string | Buffer) =>
    routes.set(path, { type: 'asset', contentType, body });
  asset('/robots.txt', 'text/plain; charset=utf-8', (ctx) => robotsTxt(ctx.origin));
  asset('/sitemap.xml', 'application/xml; charset=utf-8', sitemapXml);
  asset('/static/site.css', 'text/css; charset=utf-8', () => SITE_CSS);
  asset('/static/site.js', 'text/javascript; charset=utf-8', () => SITE_JS);
  for (const [path, contentType, body] of LAB_ASSETS) asset(path, contentType, () => body);
  const pdf = buildPdf(
    'Gleaner Demo Shop - Catalogue',
    catalog.categories.map((c) => `${c.trail.join(' > ')}: ${c.productIds.length} products`),
  );
  asset('/files/catalog.pdf', 'application/pdf', () => pdf);
  for (const path of images.paths()) asset(path, 'image/jpeg', () => images.get(path)!);
  return { routes, badPages };
}

import type { DemoBrand, DemoCategory } from './catalog-types.js';
import { pagePath, pagination, paginationHead, renderDocument } from './layout.js';
import { productGrid } from './product-card.js';
import type { RenderContext } from './render-context.js';
import { breadcrumbJsonLd, websiteJsonLd } from './structured-data.js';
import { escapeHtml, listInProse } from './text.js';

/** The pages that list others: home, categories (paginated at the leaves), brands. */

const LATEST_ARTICLES_ON_HOME = 5;
const FEATURED_PER_UPPER_CATEGORY = 8;
const PRODUCTS_PER_BRAND_PAGE = 24;

export function renderHomePage(ctx: RenderContext): string {
  const { catalog } = ctx;
  const departments = catalog.categories
    .filter((c) => c.level === 1)
    .map((top) => {
      const children = top.childIds.map((id) => ctx.category(id));
      return `<li data-category-id="${top.id}"><a href="${top.path}"><img src="/images/categories/${top.slug}.jpg" alt="" width="320" height="160">${escapeHtml(top.name)}</a>
<ul>${children.map((c) => `<li><a href="${c.path}" data-category-id="${c.id}">${escapeHtml(c.name)}</a></li>`).join('')}</ul></li>`;
    });
  const latest = catalog.articles
    .slice(0, LATEST_ARTICLES_ON_HOME)
    .map(
      (a) =>
        `<li><a href="${a.path}">${escapeHtml(a.title)}</a> <time datetime="${a.publishedAt}">${a.publishedAt}</time></li>`,
    );
  const main = `<section class="hero"><h1>Everything for work, home and the outdoors</h1>
<p>Hand-picked electronics, kitchen appliances, outdoor gear and footwear from ${catalog.brands.length} brands, with free returns within 30 days.</p>
<img src="/images/banners/hero.jpg" alt="A desk with headphones, a laptop and a coffee cup" width="1200" height="400"></section>
<section class="departments"><h2>Shop by department</h2><ul>
${departments.join('\n')}
</ul></section>
<section class="featured"><h2>Featured products</h2>
${productGrid(catalog.featuredProductIds.map((id) => ctx.product(id)))}
</section>
${latest.length > 0 ? `<section class="latest-articles"><h2>From the blog</h2><ul>${latest.join('')}</ul><p><a href="/blog">All articles</a></p></section>` : ''}
<section class="staff"><h2>For staff</h2><ul>
<li><a href="/private/staff-pricing">Staff pricing</a></li>
<li><a href="/private/drafts">Draft pages</a></li>
</ul></section>
<section class="partners"><h2>Our partners</h2><p>We work with <a href="https://example.org/partners/logistics">reliable logistics partners</a> and <a href="https://example.org/partners/payments">secure payment providers</a>.</p></section>`;
  return renderDocument(
    ctx,
    {
      path: '/',
      title: 'Electronics, home, outdoor and fashion',
      description:
        'Gleaner Demo Shop sells electronics, kitchen appliances, furniture, outdoor gear, footwear and bags, with free returns.',
      ogType: 'website',
      ogImage: '/images/banners/hero.jpg',
      head: websiteJsonLd(ctx),
      section: '/',
    },
    main,
  );
}

export function renderCategoryPage(ctx: RenderContext, category: DemoCategory, page: number): string {
  const trail = ctx.trailOf(category);
  const crumbs = [
    `<li><a href="/">Home</a></li>`,
    ...trail
      .slice(0, -1)
      .map((c) => `<li><a href="${c.path}" data-category-id="${c.id}">${escapeHtml(c.name)}</a></li>`),
    `<li aria-current="page">${escapeHtml(category.name)}</li>`,
  ];
  const per = ctx.catalog.productsPerPage;
  const ids = category.leaf
    ? category.productIds.slice((page - 1) * per, page * per)
    : category.productIds.slice(0, FEATURED_PER_UPPER_CATEGORY);
  const children = category.childIds.map((id) => ctx.category(id));
  const subcategories =
    children.length === 0
      ? ''
      : `<section class="subcategories"><h2>Browse ${escapeHtml(category.name)}</h2><ul>
${children.map((c) => `<li data-category-id="${c.id}"><a href="${c.path}">${escapeHtml(c.name)}</a> <span class="count">(${c.productIds.length})</span></li>`).join('\n')}
</ul></section>`;
  const count = category.productIds.length;
  const intro = category.leaf
    ? `Browse our ${count} ${category.name.toLowerCase()}: ${category.leaf.types.map((t) => t.toLowerCase()).join(', ')} and more, with ${category.leaf.features[0]} and ${category.leaf.features[1]}.`
    : `${count} products in ${category.name}, from ${listInProse(children.map((c) => c.name.toLowerCase()))}.`;
  const title = page > 1 ? `${category.name} (page ${page} of ${category.pageCount})` : category.name;
  const main = `<nav aria-label="breadcrumb"><ol class="breadcrumb">${crumbs.join('')}</ol></nav>
<section class="category" data-category-id="${category.id}">
<h1>${escapeHtml(title)}</h1>
<img class="category-banner" src="/images/categories/${category.slug}.jpg" alt="" width="1200" height="240">
<p class="category-intro">${escapeHtml(intro)}</p>
${subcategories}
<h2>${category.leaf ? 'Products' : 'Popular right now'}</h2>
${productGrid(ids.map((id) => ctx.product(id)))}
${category.leaf ? pagination(category.path, page, category.pageCount) : ''}
</section>`;
  const head =
    (category.leaf ? paginationHead(ctx, category.path, page, category.pageCount) : '') +
    (category.leaf ? breadcrumbJsonLd(ctx, trail) : '');
  return renderDocument(
    ctx,
    {
      path: pagePath(category.path, page),
      title,
      description: intro,
      ogType: 'website',
      ogImage: `/images/categories/${category.slug}.jpg`,
      head,
      section: trail[0]!.path,
    },
    main,
  );
}

export function renderBrandsIndex(ctx: RenderContext): string {
  const items = ctx.catalog.brands.map(
    (b) =>
      `<li><a href="${b.path}">${escapeHtml(b.name)}</a> <span class="count">(${b.productIds.length})</span></li>`,
  );
  const main = `<h1>All brands</h1>\n<p>We stock ${items.length} brands, each chosen for quality and good after-sales service.</p>\n<ul class="brand-list">\n${items.join('\n')}\n</ul>`;
  return renderDocument(
    ctx,
    {
      path: '/brands',
      title: 'All brands',
      description: `The ${items.length} brands sold at the Gleaner Demo Shop.`,
      ogType: 'website',
      section: '/brands',
    },
    main,
  );
}

export function renderBrandPage(ctx: RenderContext, brand: DemoBrand): string {
  const shown = brand.productIds.slice(0, PRODUCTS_PER_BRAND_PAGE).map((id) => ctx.product(id));
  const more =
    brand.productIds.length > shown.length
      ? `<p>Showing ${shown.length} of ${brand.productIds.length} products. Browse the categories for the rest.</p>`
      : '';
  const main = `<nav aria-label="breadcrumb"><ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/brands">Brands</a></li><li aria-current="page">${escapeHtml(brand.name)}</li></ol></nav>
<h1>${escapeHtml(brand.name)}</h1>
<p class="brand-intro">Products by ${escapeHtml(brand.name)} available in our shop.</p>
${productGrid(shown)}
${more}`;
  return renderDocument(
    ctx,
    {
      path: brand.path,
      title: `${brand.name} products`,
      description: `Shop ${brand.productIds.length} products by ${brand.name}.`,
      ogType: 'website',
      section: '/brands',
    },
    main,
  );
}

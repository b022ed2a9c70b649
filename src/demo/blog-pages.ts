import type { DemoArticle } from './catalog-types.js';
import { pagePath, pagination, paginationHead, renderDocument } from './layout.js';
import { productGrid } from './product-card.js';
import type { RenderContext } from './render-context.js';
import { articleJsonLd } from './structured-data.js';
import { escapeHtml } from './text.js';

/** The blog: a paginated index and the articles, whose main text sits among nav, aside and footer. */

export function renderBlogIndex(ctx: RenderContext, page: number): string {
  const per = ctx.catalog.articlesPerPage;
  const pageCount = ctx.catalog.blogPageCount;
  const articles = ctx.catalog.articles.slice((page - 1) * per, page * per);
  const items = articles.map(
    (a) => `<article class="post-summary">
<h2><a href="${a.path}">${escapeHtml(a.title)}</a></h2>
<p class="meta">By ${escapeHtml(a.author)} on <time datetime="${a.publishedAt}">${a.publishedAt}</time></p>
<p>${escapeHtml(a.summary)}</p>
<p><a href="${a.path}" aria-label="Read more: ${escapeHtml(a.title)}">Read more</a></p>
</article>`,
  );
  const title = page > 1 ? `Blog (page ${page} of ${pageCount})` : 'Blog';
  const main = `<h1>${title}</h1>
<p class="blog-intro">Buying guides, care tips and honest opinions from our team.</p>
${items.length > 0 ? items.join('\n') : '<p>No articles yet.</p>'}
${pagination('/blog', page, pageCount)}`;
  return renderDocument(
    ctx,
    {
      path: pagePath('/blog', page),
      title,
      description: 'Buying guides, care tips and product news from the Gleaner Demo Shop team.',
      ogType: 'website',
      head: paginationHead(ctx, '/blog', page, pageCount),
      section: '/blog',
    },
    main,
  );
}

export function renderArticlePage(ctx: RenderContext, article: DemoArticle, index: number): string {
  const category = ctx.category(article.categoryId);
  const sections = article.sections.map((section) => {
    const parts = [
      `<h2>${escapeHtml(section.heading)}</h2>`,
      ...section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ];
    if (section.list)
      parts.push(`<ul>${section.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    if (section.subsection)
      parts.push(
        `<h3>${escapeHtml(section.subsection.heading)}</h3>`,
        `<p>${escapeHtml(section.subsection.paragraph)}</p>`,
      );
    return parts.join('\n');
  });
  const { articles } = ctx.catalog;
  const newer = articles[index - 1];
  const older = articles[index + 1];
  const head = `<meta property="article:published_time" content="${article.publishedAt}">
<meta property="article:author" content="${escapeHtml(article.author)}">
<meta name="author" content="${escapeHtml(article.author)}">
${article.jsonLd ? articleJsonLd(ctx, article) : ''}`;
  const main = `<nav aria-label="breadcrumb"><ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/blog">Blog</a></li><li aria-current="page">${escapeHtml(article.title)}</li></ol></nav>
<article class="post">
<header>
<h1>${escapeHtml(article.title)}</h1>
<p class="meta">By <span class="author">${escapeHtml(article.author)}</span> &middot; <time datetime="${article.publishedAt}">${article.publishedAt}</time> &middot; in <a href="${category.path}" data-category-id="${category.id}">${escapeHtml(category.name)}</a></p>
</header>
<figure><img src="/images/blog/${article.slug}.jpg" alt="${escapeHtml(article.title)}" width="960" height="480"><figcaption>Photo: Gleaner Demo Shop</figcaption></figure>
${article.intro.map((p) => `<p class="lead">${escapeHtml(p)}</p>`).join('\n')}
${sections.join('\n')}
<p>For independent test results, see <a href="https://example.org/reviews/${category.slug}">the reviews at example.org</a>.</p>
</article>
<aside class="related-products"><h2>Products mentioned</h2>
${productGrid(article.relatedProductIds.map((id) => ctx.product(id)))}
</aside>
<nav class="post-nav" aria-label="More articles">${newer ? `<a href="${newer.path}" rel="prev">Newer: ${escapeHtml(newer.title)}</a>` : ''} ${older ? `<a href="${older.path}" rel="next">Older: ${escapeHtml(older.title)}</a>` : ''}</nav>
<section class="comments"><h2>Comments</h2><p>Comments are closed for this article.</p></section>`;
  return renderDocument(
    ctx,
    {
      path: article.path,
      title: article.title,
      description: article.summary,
      ogType: 'article',
      ogImage: `/images/blog/${article.slug}.jpg`,
      head,
      section: '/blog',
    },
    main,
  );
}

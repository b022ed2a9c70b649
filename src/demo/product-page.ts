import type { DemoProduct } from './catalog-types.js';
import { renderDocument } from './layout.js';
import { formatVisiblePrice } from './money.js';
import { productGrid } from './product-card.js';
import type { RenderContext } from './render-context.js';
import { breadcrumbJsonLd, productJsonLd } from './structured-data.js';
import { escapeHtml } from './text.js';

/**
 * A product page in one of three forms: JSON-LD in the head, microdata on the visible elements, or no
 * markup at all (the facts only in visible text, as on many small shops). The visible page is the same
 * in all three, so the forms differ only in what a structured-data extractor can read.
 */

const AVAILABILITY_TEXT = {
  InStock: 'In stock',
  OutOfStock: 'Out of stock',
  PreOrder: 'Available for pre-order',
} as const;
const BUTTON_TEXT = {
  InStock: 'Add to cart',
  OutOfStock: 'Notify me when available',
  PreOrder: 'Pre-order now',
} as const;

export function renderProductPage(ctx: RenderContext, product: DemoProduct): string {
  const md = product.markup === 'microdata';
  const parent = product.variantOf ? ctx.product(product.variantOf) : null;
  const head =
    (product.markup === 'json-ld' ? productJsonLd(ctx, product) : '') +
    (product.markup === 'json-ld' && product.structuredBreadcrumb
      ? breadcrumbJsonLd(ctx, ctx.trailOf(ctx.category(product.categoryId)), product)
      : '');
  const main = `${product.shown.category ? breadcrumb(ctx, product, md && product.structuredBreadcrumb) : ''}
<article class="product" data-product-id="${product.id}"${md ? ' itemscope itemtype="https://schema.org/Product"' : ''}>
<div class="product-gallery">
${image(product, md)}
${product.linksFullImage ? `<p><a href="${product.imagePath}">View full-size image</a></p>` : ''}
</div>
<div class="product-info">
<h1 class="product-title"${md ? ' itemprop="name"' : ''}>${escapeHtml(product.name)}</h1>
${product.shown.brand ? brandLine(product, md) : ''}
${offer(product, md)}
${parent ? `<p class="variant-of">This is a variant of <a href="${parent.path}" data-product-id="${parent.id}">${escapeHtml(parent.name)}</a>.</p>` : ''}
${variantSelector(ctx, parent ?? product, product)}
<div class="product-description"${md ? ' itemprop="description"' : ''}>
<p>${escapeHtml(product.description)}</p>
</div>
${specifications(product, md)}
<p class="product-links"><a href="#reviews">Read reviews</a> &middot; <a href="/contact">Questions? Contact us</a></p>
</div>
</article>
${reviews(product, md)}
${related(ctx, product)}`;
  return renderDocument(
    ctx,
    {
      path: product.path,
      title: product.name,
      description: product.description.split('. ')[0] + '.',
      ogType: 'product',
      ogImage: product.imagePath,
      head,
    },
    main,
  );
}

function breadcrumb(ctx: RenderContext, product: DemoProduct, microdata: boolean): string {
  const trail = ctx.trailOf(ctx.category(product.categoryId));
  const items = [
    { name: 'Home', path: '/', id: '' },
    ...trail.map((c) => ({ name: c.name, path: c.path, id: c.id })),
  ];
  const list = microdata ? ' itemscope itemtype="https://schema.org/BreadcrumbList"' : '';
  const li = microdata ? ' itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"' : '';
  const links = items.map((item, i) =>
    microdata
      ? `<li${li}><a itemprop="item" href="${item.path}"${item.id ? ` data-category-id="${item.id}"` : ''}><span itemprop="name">${escapeHtml(item.name)}</span></a><meta itemprop="position" content="${i + 1}"></li>`
      : `<li><a href="${item.path}"${item.id ? ` data-category-id="${item.id}"` : ''}>${escapeHtml(item.name)}</a></li>`,
  );
  return `<nav aria-label="breadcrumb"><ol class="breadcrumb"${list}>${links.join('')}<li aria-current="page">${escapeHtml(product.name)}</li></ol></nav>`;
}

function image(product: DemoProduct, md: boolean): string {
  const alt =
    product.imageAlt === 'text'
      ? ` alt="${escapeHtml(product.name)}"`
      : product.imageAlt === 'empty'
        ? ' alt=""'
        : '';
  return `<img src="${product.imagePath}"${alt} width="640" height="640"${md ? ' itemprop="image"' : ''}>`;
}

function brandLine(product: DemoProduct, md: boolean): string {
  const name = escapeHtml(product.brand);
  return md
    ? `<p class="product-brand">Brand: <span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><a href="/brand/${product.brandSlug}"><span itemprop="name">${name}</span></a></span></p>`
    : `<p class="product-brand">Brand: <a href="/brand/${product.brandSlug}">${name}</a></p>`;
}

function offer(product: DemoProduct, md: boolean): string {
  const visible = escapeHtml(formatVisiblePrice(product.price, product.currency, product.priceStyle));
  const disabled = product.availability === 'OutOfStock' ? ' disabled' : '';
  const buy = `<form class="buy-box" action="/cart" method="post"><input type="hidden" name="product" value="${product.id}"><label>Quantity <input type="number" name="qty" value="1" min="1"></label><button type="submit" class="add-to-cart"${disabled}>${BUTTON_TEXT[product.availability]}</button></form>`;
  if (!md) {
    return `<div class="offer"><p class="price-line"><span class="price">${visible}</span> <small>incl. VAT</small></p>
<p class="availability">${AVAILABILITY_TEXT[product.availability]}</p>
${buy}</div>`;
  }
  return `<div class="offer" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><p class="price-line"><span class="price" itemprop="price" content="${product.price}">${visible}</span><meta itemprop="priceCurrency" content="${product.currency}"> <small>incl. VAT</small></p>
<p class="availability"><link itemprop="availability" href="https://schema.org/${product.availability}">${AVAILABILITY_TEXT[product.availability]}</p>
${buy}</div>`;
}

/** Links between a parent and its variants: each is a page of its own, reachable from the parent. */
function variantSelector(ctx: RenderContext, parent: DemoProduct, current: DemoProduct): string {
  if (parent.variantIds.length === 0) return '';
  const options = [parent, ...parent.variantIds.map((id) => ctx.product(id))].map((p) => {
    const label = escapeHtml(p.variantLabel ?? 'Standard');
    return p.id === current.id
      ? `<li><span aria-current="true">${label}</span></li>`
      : `<li><a href="${p.path}" data-product-id="${p.id}">${label}</a></li>`;
  });
  return `<div class="variant-selector"><p>Also available:</p><ul>${options.join('')}</ul></div>`;
}

function specifications(product: DemoProduct, md: boolean): string {
  const prop = (name: string) => (md ? ` itemprop="${name}"` : '');
  const rows = [`<tr><th>SKU</th><td${prop('sku')}>${escapeHtml(product.sku)}</td></tr>`];
  if (product.shown.gtin) rows.push(`<tr><th>EAN</th><td${prop('gtin13')}>${product.gtin13}</td></tr>`);
  if (product.shown.category)
    rows.push(
      `<tr><th>Category</th><td${prop('category')}>${escapeHtml(product.category.join(' › '))}</td></tr>`,
    );
  if (product.variantLabel) rows.push(`<tr><th>Option</th><td>${escapeHtml(product.variantLabel)}</td></tr>`);
  return `<h2>Specifications</h2>\n<table class="specs">${rows.join('')}</table>`;
}

function reviews(product: DemoProduct, md: boolean): string {
  if (product.reviews.length === 0)
    return '<section class="reviews" id="reviews"><h2>Customer reviews</h2><p>No reviews yet. Be the first to review this product.</p></section>';
  const items = product.reviews.map((review) => {
    const stars = '★'.repeat(review.rating) + '☆'.repeat(5 - review.rating);
    return md
      ? `<div class="review" data-user-id="${review.userId}" itemprop="review" itemscope itemtype="https://schema.org/Review"><p class="rating" itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">${stars} <span itemprop="ratingValue">${review.rating}</span> out of 5</p><p itemprop="reviewBody">${escapeHtml(review.text)}</p><p class="byline"><span itemprop="author">${escapeHtml(review.author)}</span>, <time datetime="${review.date}">${review.date}</time></p></div>`
      : `<div class="review" data-user-id="${review.userId}"><p class="rating">${stars} ${review.rating} out of 5</p><p>${escapeHtml(review.text)}</p><p class="byline">${escapeHtml(review.author)}, <time datetime="${review.date}">${review.date}</time></p></div>`;
  });
  return `<section class="reviews" id="reviews"><h2>Customer reviews</h2>\n${items.join('\n')}\n</section>`;
}

function related(ctx: RenderContext, product: DemoProduct): string {
  if (product.relatedIds.length === 0) return '';
  return `<section class="related"><h2>You may also like</h2>\n${productGrid(product.relatedIds.map((id) => ctx.product(id)))}\n</section>`;
}

import type { DemoProduct } from './catalog-types.js';
import { formatVisiblePrice } from './money.js';
import { escapeHtml } from './text.js';

/** A product as listings show it: photo, name, price, a link. Cards never carry structured markup. */
export function productCard(product: DemoProduct): string {
  const name = escapeHtml(product.name);
  return `<li class="product-card" data-product-id="${product.id}">
<a href="${product.path}"><img src="${product.imagePath}" alt="${name}" width="240" height="240" loading="lazy">
<h3 class="product-card-title">${name}</h3></a>
<p class="product-card-price"><span class="price">${escapeHtml(formatVisiblePrice(product.price, product.currency, product.priceStyle))}</span></p>
</li>`;
}

export function productGrid(products: readonly DemoProduct[]): string {
  if (products.length === 0) return '<p class="empty">No products here yet. Please check back soon.</p>';
  return `<ul class="product-grid">\n${products.map(productCard).join('\n')}\n</ul>`;
}

import type { DemoProduct } from './catalog-types.js';
import { renderDocument } from './layout.js';
import type { RenderContext } from './render-context.js';
import { escapeHtml } from './text.js';
import type { DemoLabTruth } from './types.js';

/** `/lab/schema-links`: customers, their orders, users, cart items and people marked with `data-*` keys. */

export const LAB_SCHEMA_LINKS_PATH = '/lab/schema-links';

const CUSTOMERS = [
  { id: 'cus-1001', user: 'u1001', name: 'Ada Lovelace', orders: ['ord-5001', 'ord-5002'] },
  { id: 'cus-1002', user: 'u1002', name: 'Alan Turing', orders: ['ord-5003'] },
];

/** What the schema linker must find; `linked-to` products only when the catalog has products to link. */
export function labSchemaLinksTruth(hasProducts: boolean): Omit<DemoLabTruth['schemaLinks'], 'path'> {
  return {
    links: [
      { attribute: 'data-customer-id', table: 'customers', relationship: 'maps-to', confidence: 0.9 },
      { attribute: 'data-user-id', table: 'users', relationship: 'maps-to', confidence: 0.9 },
      { attribute: 'data-order-id', table: 'orders', relationship: 'maps-to', confidence: 0.9 },
      { attribute: 'data-user-id', table: 'customers', relationship: 'contained-in', confidence: 0.9 },
      { attribute: 'data-order-id', table: 'customers', relationship: 'contained-in', confidence: 0.9 },
      ...(hasProducts
        ? [
            {
              attribute: 'data-order-id',
              table: 'products',
              relationship: 'linked-to' as const,
              confidence: 0.7,
            },
          ]
        : []),
      { attribute: 'data-sku', table: 'products', relationship: 'maps-to', confidence: 0.7 },
      { attribute: 'data-item-key', table: 'items', relationship: 'maps-to', confidence: 0.7 },
      { attribute: 'data-product', table: 'products', relationship: 'maps-to', confidence: 0.7 },
      { attribute: 'data-id', table: 'people', relationship: 'maps-to', confidence: 0.6 },
      { attribute: 'data-id', table: 'invoices', relationship: 'maps-to', confidence: 0.6 },
      { attribute: 'field:order_id', table: 'orders', relationship: 'maps-to', confidence: 0.7 },
    ],
    tables: ['customers', 'users', 'orders', 'products', 'items', 'people', 'invoices'],
  };
}

export function renderLabSchemaLinks(ctx: RenderContext): string {
  const products = ctx.catalog.products.slice(0, 3);
  const product = (i: number): DemoProduct | undefined => products[i % Math.max(1, products.length)];
  let row = 0;
  const orderRow = (orderId: string) => {
    const p = product(row++);
    const link = p ? `<a href="${p.path}">${escapeHtml(p.name)}</a>` : 'Gift card';
    return `<tr data-order-id="${orderId}"><td>${orderId}</td><td>${link}</td><td data-sku="${p ? escapeHtml(p.sku) : 'GIFT-01'}">${p ? escapeHtml(p.sku) : 'GIFT-01'}</td></tr>`;
  };
  const customers = CUSTOMERS.map(
    (c) => `<article class="customer" data-customer-id="${c.id}">
<h2>${escapeHtml(c.name)}</h2>
<p class="account" data-user-id="${c.user}">Signed in as ${c.user}</p>
<table class="orders"><thead><tr><th>Order</th><th>Product</th><th>SKU</th></tr></thead><tbody>
${c.orders.map(orderRow).join('\n')}
</tbody></table>
</article>`,
  );
  const main = `<h1>Schema links lab</h1>
<p>Customers, their accounts and orders, cart items and people, each marked with the key of its database row.</p>
${customers.join('\n')}
<h2>Cart</h2>
<ul class="cart">
<li data-item-key="ik-77" data-product="${product(0)?.id ?? '1'}">First item</li>
<li data-item-key="ik-78" data-product="${product(1)?.id ?? '2'}">Second item</li>
</ul>
<h2>People and invoices</h2>
<div itemscope itemtype="https://schema.org/Person" data-id="42"><span itemprop="name">Grace Hopper</span></div>
<div class="invoice-card" data-id="inv-9001">Invoice inv-9001</div>
<form class="reorder" action="/lab/checkout" method="get">
<input type="hidden" name="order_id" value="ord-5001">
<button type="submit">Reorder</button>
</form>`;
  return renderDocument(
    ctx,
    {
      path: LAB_SCHEMA_LINKS_PATH,
      title: 'Schema links lab',
      description: 'Customers, orders, users and products marked with the keys of their database rows.',
      ogType: 'website',
    },
    main,
  );
}

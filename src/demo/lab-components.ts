import { pagePath, pagination, paginationHead, renderDocument } from './layout.js';
import type { RenderContext } from './render-context.js';
import { escapeHtml } from './text.js';
import type { DemoLabTruth } from './types.js';

/**
 * `/lab/components` (three pages): a card grid, breadcrumbs, pagination, tabs, an accordion, a modal
 * dialog and a call to action, for the component and UX-pattern profiles.
 */

export const LAB_COMPONENTS_PATH = '/lab/components';
export const LAB_COMPONENTS_PAGES = 3;

const GUIDES = [
  ['Headphones buying guide', '/blog', 'What matters in closed, open and noise-cancelling headphones.'],
  ['Our brands', '/brands', 'Every brand we stock, from small workshops to household names.'],
  ['About the shop', '/about', 'Who we are and how we choose what we sell.'],
  ['Customer service', '/contact', 'Email, phone and live chat on weekdays.'],
  ['Design tokens', '/lab/design-system', 'The colours, spacing and type of this lab.'],
  ['Checkout flow', '/lab/checkout', 'Four steps from the cart to your order.'],
] as const;

export const LAB_COMPONENTS_TRUTH: Omit<DemoLabTruth['components'], 'paths'> = {
  card: {
    className: 'card',
    instances: GUIDES.length,
    props: ['card-title', 'card-text', 'btn-href'],
    breakpoint: '(max-width: 640px)',
  },
  breadcrumbs: ['Home', 'Lab', 'Components'],
  modal: { label: 'Newsletter', trigger: 'Subscribe to the newsletter' },
  tabs: 2,
  accordions: 2,
  callToAction: 'Start checkout',
};

const STYLE = `<style>
.card-grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; list-style: none; padding: 0; }
.card { display: flex; flex-direction: column; gap: 8px; padding: 16px; border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.2); }
.card.is-featured { border: 2px solid #0b5fff; }
.btn { display: inline-block; background: #0b5fff; color: #ffffff; padding: 8px 16px; border-radius: 4px; border: 0; }
.btn-secondary { background: #e4e7eb; color: #1f2933; }
.tablist { display: flex; gap: 8px; }
@media (max-width: 640px) { .card-grid { grid-template-columns: 1fr; } .card { padding: 8px; } }
</style>
`;

export function renderLabComponents(ctx: RenderContext, page: number): string {
  const cards = GUIDES.map(
    (
      [title, href, text],
      i,
    ) => `<li class="card${i === 0 ? ' is-featured' : ''}" data-guide-id="g${page}-${i + 1}">
<img src="/images/banners/hero.jpg" alt="" width="240" height="80">
<h3 class="card-title">${escapeHtml(title)}</h3>
<p class="card-text">${escapeHtml(text)}</p>
<a class="btn btn-secondary" href="${href}">Read more</a>
</li>`,
  );
  const main = `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
<li><a href="/">Home</a></li><li><a href="/lab">Lab</a></li><li aria-current="page">Components</li>
</ol></nav>
<h1>Components lab</h1>
<p>Guides and pages of the shop, as cards. <a class="btn" href="/lab/checkout">Start checkout</a></p>
<div class="tablist" role="tablist" aria-label="Views">
<button role="tab" id="tab-grid" aria-selected="true" aria-controls="panel-grid">Grid</button>
<button role="tab" id="tab-list" aria-selected="false" aria-controls="panel-grid" tabindex="-1">List</button>
</div>
<div id="panel-grid" role="tabpanel" aria-labelledby="tab-grid">
<ul class="card-grid">
${cards.join('\n')}
</ul>
</div>
${pagination(LAB_COMPONENTS_PATH, page, LAB_COMPONENTS_PAGES)}
<h2>Questions</h2>
<details><summary>How long does shipping take?</summary><p>Two to four working days.</p></details>
<details><summary>Can I return an item?</summary><p>Within 30 days, free of charge.</p></details>
<p><button type="button" class="btn" aria-haspopup="dialog" aria-controls="newsletter-dialog">Subscribe to the newsletter</button></p>
<dialog id="newsletter-dialog" aria-labelledby="newsletter-title">
<h2 id="newsletter-title">Newsletter</h2>
<form method="dialog"><label for="newsletter-email">Email</label><input id="newsletter-email" name="email" type="email"><button type="submit">Subscribe</button></form>
</dialog>`;
  return renderDocument(
    ctx,
    {
      path: pagePath(LAB_COMPONENTS_PATH, page),
      title: page === 1 ? 'Components lab' : `Components lab, page ${page}`,
      description: 'Cards, breadcrumbs, pagination, tabs, an accordion and a modal dialog, for UI analysis.',
      ogType: 'website',
      head: STYLE + paginationHead(ctx, LAB_COMPONENTS_PATH, page, LAB_COMPONENTS_PAGES),
    },
    main,
  );
}

import { renderDocument } from './layout.js';
import type { RenderContext } from './render-context.js';
import { escapeHtml } from './text.js';

/** The small pages: about, contact, status (which links every bad case), private, search and errors. */

/** Every path the status page links, with its label: each is a case a crawler must handle. */
export const STATUS_LINKS: readonly (readonly [string, string])[] = [
  ['/bad/not-found', 'Retired page'],
  ['/bad/server-error', 'Inventory service'],
  ['/bad/slow', 'Warehouse report (slow)'],
  ['/bad/redirect-loop', 'Legacy shop address'],
  ['/bad/huge', 'Full stock export'],
  ['/bad/binary', 'Label printer feed'],
  ['/bad/moved', 'Old product address'],
];

export const PRIVATE_PAGES: readonly { path: string; title: string }[] = [
  { path: '/private/staff-pricing', title: 'Staff pricing' },
  { path: '/private/drafts', title: 'Draft pages' },
];

export function renderAboutPage(ctx: RenderContext): string {
  const main = `<h1>About us</h1>
<p>Gleaner Demo Shop started in 2015 as a small stall selling refurbished headphones at a weekend market. Today we ship electronics, kitchen appliances, furniture, outdoor gear and footwear across Europe and North America.</p>
<h2>What we believe</h2>
<p>We only stock products we would buy ourselves. Every item is tested by our team before it is listed, and our buying guides on the <a href="${ctx.absolute('/blog')}">blog</a> say what we liked and what we did not.</p>
<h2>Our team</h2>
<p>Twenty-four people work at the shop, from the warehouse to customer service. You can reach all of them through our <a href="contact">contact page</a>.</p>
<img src="/images/banners/team.jpg" alt="The Gleaner Demo Shop team in front of the warehouse" width="960" height="400">
<p>Read more about our sustainability commitments at <a href="https://example.org/sustainability">example.org</a>.</p>`;
  return renderDocument(
    ctx,
    {
      path: '/about',
      title: 'About us',
      description: 'Who we are, what we sell and how we choose it.',
      ogType: 'website',
    },
    main,
  );
}

export function renderContactPage(ctx: RenderContext): string {
  const main = `<h1>Contact</h1>
<p>Our customer service answers on weekdays from 9:00 to 17:00.</p>
<ul class="contact-options">
<li>Email: <a href="mailto:hello@example.org">hello@example.org</a></li>
<li>Phone: <a href="tel:+15555550123">+1 555 555 0123</a></li>
<li><a href="javascript:void(0)" class="open-chat">Open live chat</a></li>
</ul>
<form class="contact-form" action="/contact" method="post">
<label for="name">Name</label><input id="name" name="name" required>
<label for="email">Email</label><input id="email" name="email" type="email" required>
<label for="message">Message</label><textarea id="message" name="message" rows="6"></textarea>
<button type="submit">Send</button>
</form>
<p>Visit us: 12 Example Street, Springfield. <a href="https://example.org/maps/gleaner-demo-shop">Open in maps</a></p>`;
  return renderDocument(
    ctx,
    {
      path: '/contact',
      title: 'Contact',
      description: 'Email, phone and live chat with our customer service.',
      ogType: 'website',
    },
    main,
  );
}

export function renderStatusPage(ctx: RenderContext): string {
  const firstProduct = ctx.catalog.products[0];
  const files = [
    `<li><a href="/files/catalog.pdf">Printed catalogue (PDF)</a></li>`,
    `<li><a href="/images/banners/hero.jpg">Homepage banner (JPEG)</a></li>`,
    ...(firstProduct ? [`<li><a href="${firstProduct.imagePath}">Product photo (JPEG)</a></li>`] : []),
  ];
  const main = `<h1>Service status</h1>
<p>Links to our internal services. Some are retired, slow or misbehaving; they are kept here on purpose.</p>
<ul class="status-links">
${STATUS_LINKS.map(([path, label]) => `<li><a href="${path}">${escapeHtml(label)}</a></li>`).join('\n')}
</ul>
<h2>Downloads</h2>
<ul>${files.join('')}</ul>
<h2>Profile lab</h2>
<p>Pages built to show what each mining profile finds: <a href="/lab">the lab</a>.</p>`;
  return renderDocument(
    ctx,
    {
      path: '/status',
      title: 'Service status',
      description: 'The state of our internal services and downloads.',
      ogType: 'website',
    },
    main,
  );
}

export function renderPrivatePage(ctx: RenderContext, page: { path: string; title: string }): string {
  const main = `<h1>${escapeHtml(page.title)}</h1>
<p>This page is for staff only. It is disallowed in robots.txt, so well-behaved crawlers never fetch it.</p>
<p><a href="/">Back to the shop</a></p>`;
  return renderDocument(
    ctx,
    {
      path: page.path,
      title: page.title,
      description: 'Staff only.',
      ogType: 'website',
      robots: 'noindex, nofollow',
    },
    main,
  );
}

export function renderSearchPage(ctx: RenderContext): string {
  const main = `<h1>Search</h1>\n<p>Search is not available in the demo shop. Browse the <a href="/brands">brands</a> or the departments instead.</p>`;
  return renderDocument(
    ctx,
    {
      path: '/search',
      title: 'Search',
      description: 'Search the shop.',
      ogType: 'website',
      robots: 'noindex',
    },
    main,
  );
}

export function renderErrorPage(ctx: RenderContext, path: string, status: 404 | 500): string {
  const [title, text] =
    status === 404
      ? [
          'Page not found',
          'The page you asked for does not exist or has moved. Try the home page or the departments above.',
        ]
      : [
          'Something went wrong',
          'Our server ran into a problem while answering. Please try again in a few minutes.',
        ];
  return renderDocument(
    ctx,
    { path, title, description: text, ogType: 'website', robots: 'noindex' },
    `<h1>${title}</h1>\n<p>${text}</p>\n<p><a href="/">Go to the home page</a></p>`,
  );
}

export function renderSlowPage(ctx: RenderContext): string {
  const main = `<h1>Warehouse report</h1>\n<p>This report is built on request and takes a while. All warehouses are operating normally.</p>`;
  return renderDocument(
    ctx,
    {
      path: '/bad/slow',
      title: 'Warehouse report',
      description: 'Daily warehouse report.',
      ogType: 'website',
    },
    main,
  );
}

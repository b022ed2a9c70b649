import type { DemoCatalog } from './catalog-types.js';
import {
  LAB_ACCESSIBILITY_PATH,
  LAB_ACCESSIBILITY_TRUTH,
  renderLabAccessibility,
} from './lab-accessibility.js';
import { LAB_CHECKOUT_PATH, LAB_CHECKOUT_TRUTH, renderLabCheckout } from './lab-checkout.js';
import {
  LAB_COMPONENTS_PAGES,
  LAB_COMPONENTS_PATH,
  LAB_COMPONENTS_TRUTH,
  renderLabComponents,
} from './lab-components.js';
import {
  LAB_DESIGN_SYSTEM_PATH,
  LAB_DESIGN_SYSTEM_TRUTH,
  renderLabDesignSystem,
} from './lab-design-system.js';
import {
  LAB_BLOCKING_CSS,
  LAB_BLOCKING_CSS_BODY,
  LAB_BLOCKING_JS,
  LAB_BLOCKING_JS_BODY,
  LAB_PERFORMANCE_PATH,
  LAB_PERFORMANCE_TRUTH,
  renderLabPerformance,
} from './lab-performance.js';
import { labSchemaLinksTruth, LAB_SCHEMA_LINKS_PATH, renderLabSchemaLinks } from './lab-schema-links.js';
import { labSeoTruth, LAB_SEO_PATH, renderLabSeo } from './lab-seo.js';
import { pagePath, renderDocument } from './layout.js';
import type { RenderContext } from './render-context.js';
import type { DemoLabTruth } from './types.js';

/**
 * The lab: pages built to show what each mining profile finds, linked from `/status` through `/lab`.
 * They are ordinary reachable pages (counted in `reachablePaths`); their expected attributes are in
 * the truth's `lab`.
 */

export const LAB_INDEX_PATH = '/lab';

const LAB_LINKS: readonly (readonly [string, string, string])[] = [
  [
    LAB_ACCESSIBILITY_PATH,
    'Accessibility',
    'known violations: missing alt and labels, low contrast, an empty button',
  ],
  [LAB_SCHEMA_LINKS_PATH, 'Schema links', 'customers, orders, users and products marked with data-*-id keys'],
  [LAB_DESIGN_SYSTEM_PATH, 'Design system', 'custom properties, a type and spacing scale, three breakpoints'],
  [LAB_CHECKOUT_PATH, 'Checkout', 'a four-step checkout with a stepped form'],
  [LAB_COMPONENTS_PATH, 'Components', 'cards, breadcrumbs, pagination, tabs, an accordion and a modal'],
  [LAB_SEO_PATH, 'SEO', 'language alternates, a skipped heading level, tiny links'],
  [LAB_PERFORMANCE_PATH, 'Performance', 'render-blocking resources, long tasks, a big DOM, a layout shift'],
];

function renderLabIndex(ctx: RenderContext): string {
  const main = `<h1>Profile lab</h1>
<p>Each page below is built to show what one mining profile finds.</p>
<ul class="lab-pages">
${LAB_LINKS.map(([path, name, what]) => `<li><a href="${path}">${name}</a>: ${what}</li>`).join('\n')}
</ul>`;
  return renderDocument(
    ctx,
    {
      path: LAB_INDEX_PATH,
      title: 'Profile lab',
      description: 'Pages built to show what each mining profile finds.',
      ogType: 'website',
    },
    main,
  );
}

/** Every lab page: path and renderer. */
export function labPages(): [string, (ctx: RenderContext) => string][] {
  return [
    [LAB_INDEX_PATH, renderLabIndex],
    [LAB_ACCESSIBILITY_PATH, renderLabAccessibility],
    [LAB_SCHEMA_LINKS_PATH, renderLabSchemaLinks],
    [LAB_DESIGN_SYSTEM_PATH, renderLabDesignSystem],
    [LAB_CHECKOUT_PATH, renderLabCheckout],
    ...Array.from({ length: LAB_COMPONENTS_PAGES }, (_, i): [string, (ctx: RenderContext) => string] => [
      pagePath(LAB_COMPONENTS_PATH, i + 1),
      (ctx) => renderLabComponents(ctx, i + 1),
    ]),
    [LAB_SEO_PATH, renderLabSeo],
    [LAB_PERFORMANCE_PATH, renderLabPerformance],
  ];
}

/** The lab's static files: path, content type, body. */
export const LAB_ASSETS: readonly (readonly [string, string, string])[] = [
  [LAB_BLOCKING_CSS, 'text/css; charset=utf-8', LAB_BLOCKING_CSS_BODY],
  [LAB_BLOCKING_JS, 'text/javascript; charset=utf-8', LAB_BLOCKING_JS_BODY],
];

/** What the profiles should find on the lab pages of this catalog, served at `origin`. */
export function labTruth(catalog: DemoCatalog, origin: string): DemoLabTruth {
  return {
    paths: labPages()
      .map(([path]) => path)
      .sort(),
    accessibility: { path: LAB_ACCESSIBILITY_PATH, ...LAB_ACCESSIBILITY_TRUTH },
    schemaLinks: { path: LAB_SCHEMA_LINKS_PATH, ...labSchemaLinksTruth(catalog.products.length > 0) },
    designSystem: { path: LAB_DESIGN_SYSTEM_PATH, ...LAB_DESIGN_SYSTEM_TRUTH },
    checkout: { path: LAB_CHECKOUT_PATH, ...LAB_CHECKOUT_TRUTH },
    components: {
      paths: Array.from({ length: LAB_COMPONENTS_PAGES }, (_, i) => pagePath(LAB_COMPONENTS_PATH, i + 1)),
      ...LAB_COMPONENTS_TRUTH,
    },
    seo: { path: LAB_SEO_PATH, ...labSeoTruth(origin) },
    performance: { path: LAB_PERFORMANCE_PATH, ...LAB_PERFORMANCE_TRUTH },
  };
}

import { renderDocument } from './layout.js';
import type { RenderContext } from './render-context.js';
import type { DemoLabTruth } from './types.js';

/** `/lab/design-system`: a small design system written with custom properties and media queries. */

export const LAB_DESIGN_SYSTEM_PATH = '/lab/design-system';

const TOKENS: Record<string, string> = {
  '--color-brand': '#0b5fff',
  '--color-accent': '#ff6b35',
  '--color-text': '#1f2933',
  '--color-surface': '#f5f7fa',
  '--space-1': '4px',
  '--space-2': '8px',
  '--space-3': '16px',
  '--space-4': '24px',
  '--radius-sm': '4px',
  '--radius-lg': '12px',
  '--shadow-card': '0 2px 8px rgba(15, 23, 42, 0.12)',
  '--font-size-base': '16px',
  '--font-size-lg': '20px',
  '--font-size-xl': '25px',
};

export const LAB_DESIGN_SYSTEM_TRUTH: Omit<DemoLabTruth['designSystem'], 'path'> = {
  customProperties: TOKENS,
  breakpointsPx: [480, 640, 1024],
  brand: { hex: '#0b5fff', property: '--color-brand' },
};

const STYLE = `<style>
:root { ${Object.entries(TOKENS)
  .map(([name, value]) => `${name}: ${value};`)
  .join(' ')} }
.ds { color: var(--color-text); font-size: var(--font-size-base); }
.ds h2 { font-size: var(--font-size-xl); margin: var(--space-4) 0 var(--space-2); }
.ds-grid { display: grid; grid-template-columns: 1fr; gap: var(--space-3); padding: 0; list-style: none; }
.ds-card { background: var(--color-surface); padding: var(--space-3); border-radius: var(--radius-lg); box-shadow: var(--shadow-card); }
.ds-card h3 { font-size: var(--font-size-lg); margin: 0 0 var(--space-2); }
.ds-button { display: inline-block; background: var(--color-brand); color: #ffffff; padding: var(--space-2) var(--space-3); border-radius: var(--radius-sm); }
.ds-tag { color: var(--color-accent); margin-right: var(--space-1); }
@media (max-width: 480px) { .ds-card { padding: var(--space-2); } }
@media (min-width: 640px) { .ds-grid { grid-template-columns: repeat(2, 1fr); } }
@media (min-width: 1024px) { .ds-grid { grid-template-columns: repeat(4, 1fr); } }
</style>
`;

export function renderLabDesignSystem(ctx: RenderContext): string {
  const cards = ['Colour', 'Type', 'Spacing', 'Elevation'].map(
    (name) =>
      `<li class="ds-card"><h3>${name}</h3><p><span class="ds-tag">token</span>Defined once as a custom property and used everywhere.</p><a class="ds-button" href="/lab">Back to the lab</a></li>`,
  );
  const main = `<div class="ds">
<h1>Design system lab</h1>
<p>Colours, spacing, radii, shadows and type sizes come from custom properties on the root element; the grid changes at three breakpoints.</p>
<h2>Tokens in use</h2>
<ul class="ds-grid">
${cards.join('\n')}
</ul>
</div>`;
  return renderDocument(
    ctx,
    {
      path: LAB_DESIGN_SYSTEM_PATH,
      title: 'Design system lab',
      description:
        'Design tokens as CSS custom properties, a type and spacing scale and responsive breakpoints.',
      ogType: 'website',
      head: STYLE,
    },
    main,
  );
}

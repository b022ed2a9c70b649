import { renderDocument } from './layout.js';
import type { RenderContext } from './render-context.js';
import type { DemoLabTruth } from './types.js';

/** `/lab/accessibility`: a page with known accessibility violations, for the accessibility profile. */

export const LAB_ACCESSIBILITY_PATH = '/lab/accessibility';

export const LAB_ACCESSIBILITY_TRUTH: Omit<DemoLabTruth['accessibility'], 'path'> = {
  violations: [
    { rule: 'html-has-lang', impact: 'serious' },
    { rule: 'image-alt', impact: 'critical' },
    { rule: 'label', impact: 'critical' },
    { rule: 'select-name', impact: 'critical' },
    { rule: 'button-name', impact: 'critical' },
    { rule: 'link-name', impact: 'serious' },
    { rule: 'color-contrast', impact: 'serious' },
    { rule: 'tabindex', impact: 'serious' },
    { rule: 'heading-order', impact: 'moderate' },
  ],
  unlabelledControls: ['nickname', 'size'],
  positiveTabindex: 1,
};

export function renderLabAccessibility(ctx: RenderContext): string {
  // Each flaw is deliberate and named in LAB_ACCESSIBILITY_TRUTH; the page has no lang attribute either.
  const main = `<h1>Accessibility lab</h1>
<p>This page breaks common accessibility rules on purpose, so that an accessibility audit has known problems to find.</p>
<img src="/images/banners/team.jpg" width="480" height="200">
<h2>Newsletter</h2>
<form class="lab-form" action="/lab/accessibility" method="get">
<input type="text" name="nickname">
<select name="size"><option>Small</option><option>Large</option></select>
<button type="button"></button>
<label for="lab-email">Email</label><input id="lab-email" name="email" type="email">
<button type="submit">Subscribe</button>
</form>
<p class="faint" style="color:#b8b8b8;background:#ffffff">Light grey text on white is hard to read for many people.</p>
<p><a href="/about"></a> <a href="/contact" tabindex="3">Contact us first</a></p>
<h4>A heading that skips a level</h4>
<p>The heading above jumps from level two to level four.</p>`;
  return renderDocument(
    ctx,
    {
      path: LAB_ACCESSIBILITY_PATH,
      title: 'Accessibility lab',
      description: 'A page with known accessibility violations, for testing accessibility audits.',
      ogType: 'website',
      lang: null,
    },
    main,
  );
}

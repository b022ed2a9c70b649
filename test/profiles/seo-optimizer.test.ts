import { describe, expect, it } from 'vitest';
import { seoOptimizer, type SeoAttributes } from '../../src/profiles/index.js';
import { expectDeclaredAttributes } from './declared-attributes.js';
import { labSuite, loadStatic } from './live-page-harness.js';

describe('seo_optimizer', () => {
  const lab = labSuite();

  const live = (path: string) => lab.run(path, seoOptimizer);

  it('reads the SEO lab page: hreflang, skipped heading levels, schema types, alt text, tap targets', async () => {
    const truth = lab.site.truth.lab.seo;
    const run = await live(truth.path);
    expectDeclaredAttributes(seoOptimizer, run.attributes);
    const a = run.attributes as SeoAttributes;
    expect(a.hreflang).toEqual(truth.hreflang);
    expect(a.heading_structure.skippedLevels).toEqual(truth.skippedLevels);
    expect(a.heading_structure.h1Count).toBe(1);
    expect(a.schema_types).toEqual(expect.arrayContaining(truth.schemaTypes));
    expect(a.structured_data.syntaxes).toContain('json-ld');
    expect(a.image_alt.missingAlt).toBe(truth.missingAlt);
    expect(a.canonical).toEqual({
      url: `${lab.site.url}${truth.path}`,
      present: true,
      selfReferencing: true,
    });
    expect(a.content.thin).toBe(false);
    expect(a.mobile).toMatchObject({ measured: true, responsiveViewport: true, horizontalScroll: false });
    expect(a.mobile.smallTapTargets).toBeGreaterThanOrEqual(truth.smallTapTargets);
    expect(a.load_time_ms).toBeGreaterThan(0);
    expect(a.issues).toEqual(
      expect.arrayContaining(['skipped-heading-level', 'images-missing-alt', 'small-tap-targets']),
    );
    expect(a.checks.passed).toBeLessThan(a.checks.total);
    expect(run.quality).toBeGreaterThan(50);
    expect(run.quality).toBeLessThan(100);
  });

  it('runs statically from the fetched HTML, without the live measurements', async () => {
    const truth = lab.site.truth.lab.seo;
    const page = await loadStatic(lab.site.url + truth.path, [seoOptimizer]);
    const run = page.profiles.get('seo_optimizer')!;
    expect(run.raw).toBeNull();
    expectDeclaredAttributes(seoOptimizer, run.attributes);
    const a = run.attributes as SeoAttributes;
    expect(a.hreflang).toEqual(truth.hreflang);
    expect(a.heading_structure.skippedLevels).toEqual(truth.skippedLevels);
    expect(a.mobile).toMatchObject({ measured: false, tapTargets: null, horizontalScroll: null });
    expect(a.load_time_ms).toBeNull();
    // The checks that need the browser are left out, not failed.
    expect(a.issues).not.toContain('small-tap-targets');
    expect(seoOptimizer.quality(a)).toBe(run.quality);
  });

  it('scores a complete product page above a thin page without structured data', async () => {
    const product = lab.site.truth.products.find((p) => p.markup === 'json-ld' && !p.jsonLdQuirk)!;
    const good = (await loadStatic(lab.site.url + product.path, [seoOptimizer])).profiles.get(
      'seo_optimizer',
    )!;
    const thin = (await loadStatic(`${lab.site.url}/contact`, [seoOptimizer])).profiles.get('seo_optimizer')!;
    expect((good.attributes as SeoAttributes).schema_types).toContain('Product');
    expect((thin.attributes as SeoAttributes).issues).toEqual(
      expect.arrayContaining(['no-structured-data', 'thin-content']),
    );
    expect(good.quality).toBeGreaterThan(thin.quality);
  });
});

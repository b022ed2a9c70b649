import { describe, expect, it } from 'vitest';
import { designSystemAnalyzer, type DesignSystemAttributes } from '../../src/profiles/index.js';
import { colorToHex, valueKind } from '../../src/profiles/design-system-analyzer/css-values.js';
import { expectDeclaredAttributes } from './declared-attributes.js';
import { labSuite } from './live-page-harness.js';

describe('design_system_analyzer', () => {
  const lab = labSuite();

  const analyze = (path: string) => lab.run(path, designSystemAnalyzer);

  it('turns the design-system lab page into tokens: custom properties, breakpoints, palette, scales', async () => {
    const truth = lab.site.truth.lab.designSystem;
    const run = await analyze(truth.path);
    expectDeclaredAttributes(designSystemAnalyzer, run.attributes);
    const a = run.attributes as DesignSystemAttributes;
    expect(Object.fromEntries(a.custom_properties.map((p) => [p.name, p.value]))).toEqual(
      truth.customProperties,
    );
    expect(a.custom_properties.find((p) => p.name === '--shadow-card')!.kind).toBe('shadow');
    expect(a.custom_properties.find((p) => p.name === '--space-2')!.kind).toBe('length');
    expect(a.breakpoints.map((b) => b.px)).toEqual(truth.breakpointsPx);
    expect(a.breakpoints[0]!.features).toEqual(['max-width']);
    const brand = a.color_palette.find((c) => c.hex === truth.brand.hex);
    expect(brand).toMatchObject({ token: truth.brand.property.slice(2), roles: ['background'] });
    expect(a.design_tokens['color']![truth.brand.property.slice(2)]).toEqual({
      $value: truth.brand.hex,
      $type: 'color',
    });
    expect(a.design_tokens['custom']!['--color-brand']).toEqual({ $value: '#0b5fff', $type: 'color' });
    expect(a.design_tokens['breakpoint']).toMatchObject({
      'bp-640': { $value: '640px', $type: 'dimension' },
    });
    expect(a.radii.map((r) => r.value)).toEqual(expect.arrayContaining(['12px', '4px']));
    expect(a.shadows[0]!.value).toContain('rgba(15, 23, 42, 0.12)');
    expect(a.type_scale.map((s) => s.sizePx)).toEqual(expect.arrayContaining([16, 20, 25]));
    expect(a.spacing_scale.map((s) => s.px)).toEqual(expect.arrayContaining([8, 16]));
    expect(a.spacing_base_px).not.toBeNull();
    expect(a.elements_sampled).toBeGreaterThan(20);
    expect(run.quality).toBeGreaterThan(70);
  });

  it('scores a page without tokens or breakpoints lower', async () => {
    const tokens = await analyze(lab.site.truth.lab.designSystem.path);
    const plain = await analyze('/contact');
    const a = plain.attributes as DesignSystemAttributes;
    expect(a.custom_properties).toEqual([]);
    expect(a.breakpoints).toEqual([]);
    expect(plain.quality).toBeLessThan(tokens.quality);
  });

  it('reads computed colours and declared values', () => {
    expect(colorToHex('rgb(11, 95, 255)')).toBe('#0b5fff');
    expect(colorToHex('rgba(0, 0, 0, 0)')).toBeNull();
    expect(colorToHex('rgba(255, 0, 0, 0.5)')).toBe('#ff000080');
    expect(colorToHex('#ABC')).toBe('#aabbcc');
    expect(valueKind('1.5rem')).toBe('length');
    expect(valueKind('"Inter", sans-serif')).toBe('font');
    expect(valueKind('0 1px 2px #0003')).toBe('shadow');
  });
});

import { describe, expect, it } from 'vitest';
import { performanceOptimizer, type PerformanceAttributes } from '../../src/profiles/index.js';
import { logNormalScore } from '../../src/profiles/performance-optimizer/quality.js';
import { cumulativeLayoutShift } from '../../src/profiles/performance-optimizer/to-attributes.js';
import { expectDeclaredAttributes } from './declared-attributes.js';
import { labSuite } from './live-page-harness.js';

describe('performance_optimizer', () => {
  const lab = labSuite();

  it('finds the performance lab page’s blocking resources, long tasks, big DOM and requests by type', async () => {
    const truth = lab.site.truth.lab.performance;
    const run = (await lab.browser.load(lab.site.url + truth.path, [performanceOptimizer])).profiles.get(
      'performance_optimizer',
    )!;
    expectDeclaredAttributes(performanceOptimizer, run.attributes);
    const a = run.attributes as PerformanceAttributes;
    const blocking = a.render_blocking_resources.map((r) => new URL(r.url).pathname);
    expect(blocking).toEqual(expect.arrayContaining(truth.renderBlocking));
    expect(a.long_tasks.count).toBeGreaterThanOrEqual(1);
    expect(a.long_tasks.longestMs).toBeGreaterThanOrEqual(truth.longTaskMs - 10);
    expect(a.dom_size.elements).toBeGreaterThanOrEqual(truth.domElements);
    expect(a.dom_size.maxChildren).toBeGreaterThanOrEqual(400);
    expect(a.resources_by_type['document']).toMatchObject({ count: 1 });
    expect(a.resources_by_type['stylesheet']!.count).toBeGreaterThanOrEqual(2);
    expect(a.resources_by_type['script']!.count).toBeGreaterThanOrEqual(2);
    expect(a.total_bytes).toBeGreaterThan(a.resources_by_type['document']!.bytes);
    expect(a.request_count).toBe(Object.values(a.resources_by_type).reduce((n, t) => n + t.count, 0));
    expect(a.first_contentful_paint_ms).toBeGreaterThan(0);
    expect(a.navigation_timings.loadMs).toBeGreaterThan(0);
    expect(a.js_heap!.usedBytes).toBeGreaterThan(0);
    expect(a.runtime_metrics['nodes']).toBeGreaterThan(truth.domElements);
    expect(a.cumulative_layout_shift).toBeGreaterThanOrEqual(0);
    expect(run.quality).toBe(performanceOptimizer.quality(a));
  });

  it('falls back to Resource Timing when the Network domain was not enabled', async () => {
    const withoutNetwork = { ...performanceOptimizer, cdpDomains: ['Performance' as const] };
    const page = await lab.browser.load(`${lab.site.url}${lab.site.truth.lab.performance.path}`, [
      withoutNetwork,
    ]);
    expect(page.live.network).toEqual([]);
    const a = page.profiles.get('performance_optimizer')!.attributes as PerformanceAttributes;
    expect(a.resources_by_type['stylesheet']!.count).toBeGreaterThanOrEqual(2);
    expect(a.render_blocking_resources.map((r) => new URL(r.url).pathname)).toEqual(
      expect.arrayContaining(lab.site.truth.lab.performance.renderBlocking),
    );
  });

  it('scores with Lighthouse’s curves: 0.9 at p10, 0.5 at the median', () => {
    expect(logNormalScore(934, { p10: 934, median: 1600 })).toBeCloseTo(0.9, 2);
    expect(logNormalScore(1600, { p10: 934, median: 1600 })).toBeCloseTo(0.5, 5);
    expect(logNormalScore(0, { p10: 934, median: 1600 })).toBe(1);
    expect(logNormalScore(10_000, { p10: 934, median: 1600 })).toBeLessThan(0.05);
    const fast = {
      first_contentful_paint_ms: 300,
      largest_contentful_paint_ms: 400,
      total_blocking_time_ms: 0,
      cumulative_layout_shift: 0,
    };
    const slow = {
      first_contentful_paint_ms: 8000,
      largest_contentful_paint_ms: 12000,
      total_blocking_time_ms: 2000,
      cumulative_layout_shift: 1,
    };
    expect(performanceOptimizer.quality(fast)).toBe(100);
    expect(performanceOptimizer.quality(slow)).toBeLessThan(5);
  });

  it('takes the largest session window of layout shifts as CLS', () => {
    const shifts = [
      { startMs: 100, value: 0.1 },
      { startMs: 500, value: 0.05 },
      // A gap of more than a second starts a new window.
      { startMs: 2000, value: 0.2 },
      { startMs: 2500, value: 0.1 },
    ];
    expect(cumulativeLayoutShift(shifts)).toBeCloseTo(0.3, 5);
    expect(cumulativeLayoutShift([])).toBe(0);
  });
});

import type { AttributeSpec } from '../profile.js';

/** Requests and bytes of one resource type. */
export interface ResourceTally {
  count: number;
  bytes: number;
}

/** What the performance profile yields for a page; every key is one of `PERFORMANCE_ATTRIBUTES`. */
export type PerformanceAttributes = {
  navigation_timings: {
    ttfbMs: number | null;
    domInteractiveMs: number | null;
    domContentLoadedMs: number | null;
    loadMs: number | null;
    firstPaintMs: number | null;
    documentBytes: number | null;
  };
  first_contentful_paint_ms: number | null;
  largest_contentful_paint_ms: number | null;
  lcp_element: string | null;
  cumulative_layout_shift: number;
  long_tasks: { count: number; totalMs: number; longestMs: number };
  total_blocking_time_ms: number;
  resources_by_type: Record<string, ResourceTally>;
  request_count: number;
  total_bytes: number;
  render_blocking_resources: { url: string; type: string; durationMs: number }[];
  dom_size: { elements: number; maxDepth: number; maxChildren: number };
  js_heap: { usedBytes: number; totalBytes: number } | null;
  runtime_metrics: Record<string, number>;
};

export const PERFORMANCE_ATTRIBUTES: AttributeSpec[] = [
  {
    name: 'navigation_timings',
    type: 'object',
    description:
      'Milliseconds from navigation start to first byte, DOM interactive, DOMContentLoaded, load and first paint; bytes of the HTML document',
  },
  {
    name: 'first_contentful_paint_ms',
    type: 'number',
    description: 'First Contentful Paint, ms from navigation start',
  },
  {
    name: 'largest_contentful_paint_ms',
    type: 'number',
    description: 'Largest Contentful Paint (the last candidate before gathering), ms from navigation start',
  },
  {
    name: 'lcp_element',
    type: 'string',
    description: 'The LCP element as tag#id.class (null when it left the DOM)',
  },
  {
    name: 'cumulative_layout_shift',
    type: 'number',
    description:
      'CLS: the largest session window of layout shifts without recent input (gaps < 1 s, windows ≤ 5 s)',
  },
  {
    name: 'long_tasks',
    type: 'object',
    description: 'Main-thread tasks of 50 ms or more: count, total and longest duration (ms)',
  },
  {
    name: 'total_blocking_time_ms',
    type: 'number',
    description:
      'Σ (duration − 50 ms) of the long tasks that started after First Contentful Paint, up to gathering',
  },
  {
    name: 'resources_by_type',
    type: 'object',
    description:
      'Requests and bytes over the wire by type (document, stylesheet, script, image, font, xhr, fetch, media, other)',
  },
  { name: 'request_count', type: 'number', description: 'Requests the page made while loading' },
  { name: 'total_bytes', type: 'number', description: 'Bytes over the wire for all those requests' },
  {
    name: 'render_blocking_resources',
    type: 'object[]',
    description: 'Stylesheets and synchronous scripts that blocked the first render: URL, type, duration',
  },
  {
    name: 'dom_size',
    type: 'object',
    description: 'Elements in the DOM, its maximum depth and the most children of one element',
  },
  {
    name: 'js_heap',
    type: 'object',
    description:
      "JavaScript heap used and allocated, in bytes (CDP Performance.getMetrics): the renderer's heap, so it includes the isolated worlds of other profiles on the same load (axe-core, about 3 MB, with accessibility_analyzer)",
  },
  {
    name: 'runtime_metrics',
    type: 'object',
    description:
      'Other CDP Performance.getMetrics counters: layouts, style recalculations, script and task time (ms), event listeners, documents, frames, nodes',
  },
];

export const PERFORMANCE_QUALITY_RULE =
  "Lighthouse's performance scoring without Speed Index: each metric is scored 0-1 on a log-normal curve " +
  'through its p10 and median control points (desktop: FCP 934 / 1600 ms, LCP 1200 / 2400 ms, TBT 150 / 350 ms, ' +
  'CLS 0.1 / 0.25), then weighted FCP 10, LCP 25, TBT 30, CLS 25; the weighted mean × 100, rounded. ' +
  'A metric the page did not produce (no LCP candidate) is left out of the weights.';

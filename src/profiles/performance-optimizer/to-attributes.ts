import type { NetworkEntry } from '../../crawl/index.js';
import type { PageSnapshot } from '../profile.js';
import { round } from '../scoring.js';
import type { PerformanceRaw } from './gather.js';
import type { PerformanceTimeline } from './in-page.js';
import type { PerformanceAttributes, ResourceTally } from './spec.js';

// Web Vitals' CLS session windows.
const SESSION_GAP_MS = 1000;
const SESSION_SPAN_MS = 5000;
const LONG_TASK_MS = 50;
const MAX_LISTED = 30;

const CDP_TYPES: Record<string, string> = {
  Document: 'document',
  Stylesheet: 'stylesheet',
  Script: 'script',
  Image: 'image',
  Font: 'font',
  XHR: 'xhr',
  Fetch: 'fetch',
  Media: 'media',
};

/** One request, from the CDP network log or, without it, from Resource Timing. */
interface Request {
  url: string;
  type: string;
  bytes: number;
  durationMs: number;
  renderBlocking: boolean;
}

export function performanceAttributes(raw: PerformanceRaw, _page: PageSnapshot): PerformanceAttributes {
  const { timeline, metrics, timingsMs } = raw;
  const requests = raw.network.length > 0 ? fromNetwork(raw.network) : fromResourceTiming(timeline);
  const byType: Record<string, ResourceTally> = {};
  for (const r of requests) {
    const tally = (byType[r.type] ??= { count: 0, bytes: 0 });
    tally.count++;
    tally.bytes += r.bytes;
  }
  const fcp = timeline.firstContentfulPaintMs ?? positive(timingsMs['fcp']);
  const tasks = timeline.longTasks;
  const nav = timeline.navigation;
  const metric = (name: string, scale = 1): number | undefined =>
    typeof metrics[name] === 'number' ? round(metrics[name] * scale, 1) : undefined;
  const runtime: Record<string, number> = {};
  for (const [key, name, scale] of [
    ['layoutCount', 'LayoutCount', 1],
    ['recalcStyleCount', 'RecalcStyleCount', 1],
    ['scriptDurationMs', 'ScriptDuration', 1000],
    ['taskDurationMs', 'TaskDuration', 1000],
    ['jsEventListeners', 'JSEventListeners', 1],
    ['documents', 'Documents', 1],
    ['frames', 'Frames', 1],
    ['nodes', 'Nodes', 1],
    ['layoutObjects', 'LayoutObjects', 1],
  ] as const) {
    const value = metric(name, scale);
    if (value !== undefined) runtime[key] = value;
  }
  const heapUsed = metric('JSHeapUsedSize');
  const heapTotal = metric('JSHeapTotalSize');
  return {
    navigation_timings: {
      ttfbMs: positive(nav?.ttfbMs) ?? positive(timingsMs['ttfb']),
      domInteractiveMs: positive(nav?.domInteractiveMs),
      domContentLoadedMs: positive(nav?.domContentLoadedMs) ?? positive(timingsMs['domContentLoaded']),
      // The load event may still be running when gathering starts (loadEventEnd 0): the fetcher's clock then.
      loadMs: positive(nav?.loadMs) ?? positive(timingsMs['load']),
      firstPaintMs: timeline.firstPaintMs ?? positive(timingsMs['firstPaint']),
      documentBytes: positive(nav?.documentBytes),
    },
    first_contentful_paint_ms: fcp,
    largest_contentful_paint_ms: timeline.lcp?.startMs ?? null,
    lcp_element: timeline.lcp?.element ?? null,
    cumulative_layout_shift: round(cumulativeLayoutShift(timeline.layoutShifts), 4),
    long_tasks: {
      count: tasks.length,
      totalMs: tasks.reduce((sum, t) => sum + t.durationMs, 0),
      longestMs: tasks.reduce((max, t) => Math.max(max, t.durationMs), 0),
    },
    total_blocking_time_ms: tasks
      .filter((t) => fcp === null || t.startMs >= fcp)
      .reduce((sum, t) => sum + Math.max(0, t.durationMs - LONG_TASK_MS), 0),
    resources_by_type: byType,
    request_count: requests.length,
    total_bytes: requests.reduce((sum, r) => sum + r.bytes, 0),
    render_blocking_resources: requests
      .filter((r) => r.renderBlocking)
      .slice(0, MAX_LISTED)
      .map(({ url, type, durationMs }) => ({ url, type, durationMs })),
    dom_size: timeline.dom,
    js_heap:
      heapUsed !== undefined && heapTotal !== undefined
        ? { usedBytes: Math.round(heapUsed), totalBytes: Math.round(heapTotal) }
        : null,
    runtime_metrics: runtime,
  };
}

/** The largest session window: shifts less than 1 s apart, the window at most 5 s long. */
export function cumulativeLayoutShift(shifts: readonly { startMs: number; value: number }[]): number {
  let max = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].sort((a, b) => a.startMs - b.startMs)) {
    if (shift.startMs - previous >= SESSION_GAP_MS || shift.startMs - windowStart >= SESSION_SPAN_MS) {
      current = 0;
      windowStart = shift.startMs;
    }
    current += shift.value;
    previous = shift.startMs;
    if (current > max) max = current;
  }
  return max;
}

function fromNetwork(entries: readonly NetworkEntry[]): Request[] {
  return entries.map((e) => ({
    url: e.url,
    type: CDP_TYPES[e.type] ?? 'other',
    bytes: e.bytes,
    durationMs: Math.round(e.durationMs),
    renderBlocking: e.renderBlocking,
  }));
}

function fromResourceTiming(timeline: PerformanceTimeline): Request[] {
  const document: Request[] = timeline.navigation
    ? [
        {
          url: '',
          type: 'document',
          bytes: timeline.navigation.documentBytes,
          durationMs: timeline.navigation.ttfbMs,
          renderBlocking: false,
        },
      ]
    : [];
  return [
    ...document,
    ...timeline.resources.map((r) => ({
      url: r.url,
      type: typeFromInitiator(r.initiator, r.url),
      bytes: r.bytes,
      durationMs: r.durationMs,
      renderBlocking: r.renderBlocking,
    })),
  ];
}

function typeFromInitiator(initiator: string, url: string): string {
  const path = url.split(/[?#]/)[0]!.toLowerCase();
  const byExtension = (): string =>
    /\.css$/.test(path)
      ? 'stylesheet'
      : /\.(m?js)$/.test(path)
        ? 'script'
        : /\.(woff2?|ttf|otf|eot)$/.test(path)
          ? 'font'
          : /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$/.test(path)
            ? 'image'
            : 'other';
  switch (initiator) {
    case 'script':
      return 'script';
    case 'img':
    case 'image':
    case 'input':
      return 'image';
    case 'xmlhttprequest':
      return 'xhr';
    case 'fetch':
    case 'beacon':
      return 'fetch';
    case 'video':
    case 'audio':
    case 'track':
      return 'media';
    case 'iframe':
    case 'frame':
      return 'document';
    default:
      return byExtension();
  }
}

function positive(value: number | undefined): number | null {
  return typeof value === 'number' && value > 0 ? Math.round(value) : null;
}

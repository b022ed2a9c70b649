import type {
  InPageDocument,
  InPageElement,
  InPagePerformance,
  InPagePerformanceEntry,
  InPagePerformanceObserverClass,
} from '../in-page-dom.js';

declare const document: InPageDocument;
declare const performance: InPagePerformance;
declare const PerformanceObserver: InPagePerformanceObserverClass;

/** What the page's performance timeline and DOM say, read in one evaluation after the load. */
export interface PerformanceTimeline {
  navigation: {
    ttfbMs: number;
    domInteractiveMs: number;
    domContentLoadedMs: number;
    loadMs: number;
    documentBytes: number;
  } | null;
  firstPaintMs: number | null;
  firstContentfulPaintMs: number | null;
  lcp: { startMs: number; size: number; element: string | null; url: string | null } | null;
  /** Layout shifts without recent input: start and value. */
  layoutShifts: { startMs: number; value: number }[];
  longTasks: { startMs: number; durationMs: number }[];
  resources: {
    url: string;
    initiator: string;
    bytes: number;
    durationMs: number;
    renderBlocking: boolean;
  }[];
  dom: { elements: number; maxDepth: number; maxChildren: number };
}

export interface TimelineLimits {
  maxEntries: number;
  maxWalk: number;
  /** How long to wait for the first contentful paint of a page loaded before it. */
  paintWaitMs: number;
}

/**
 * In the page. Observers registered now with `buffered: true` are handed every entry the page buffered
 * since navigation (LCP, layout shifts, long tasks), synchronously through `takeRecords`: the load is
 * over when profiles gather, so nothing is injected before navigation. A small page can fire `load`
 * before its first frame, and paint entries (first paint, FCP, LCP) are only queued once that frame is
 * presented, after the frame's `requestAnimationFrame`: so a page without its first contentful paint yet
 * is waited for until it has one (a paint observer), at most `paintWaitMs`. Waiting for one animation
 * frame only left FCP and LCP empty on 15-25% of demo pages.
 */
export async function readPerformanceTimeline(limits: TimelineLimits): Promise<PerformanceTimeline> {
  const painted = () =>
    performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint');
  if (!painted())
    await new Promise<void>((resolve) => {
      const observer = new PerformanceObserver(() => {
        if (painted()) done();
      });
      const timer = setTimeout(() => done(), limits.paintWaitMs);
      function done(): void {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      }
      observer.observe({ type: 'paint', buffered: false });
    });
  const ms = (n: number) => Math.round(n);
  const buffered = (type: string): InPagePerformanceEntry[] => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return [];
    const observer = new PerformanceObserver(() => undefined);
    try {
      observer.observe({ type, buffered: true });
      return observer.takeRecords();
    } finally {
      observer.disconnect();
    }
  };
  const describe = (element: InPageElement | null | undefined): string | null => {
    if (!element) return null;
    const id = element.id ? `#${element.id}` : '';
    const classes = Array.from(element.classList)
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join('');
    return `${element.localName}${id}${classes}`;
  };

  const nav = performance.getEntriesByType('navigation')[0] as
    (InPagePerformanceEntry & Record<string, number>) | undefined;
  const paint = new Map(performance.getEntriesByType('paint').map((e) => [e.name, ms(e.startTime)]));
  const lcpEntries = buffered('largest-contentful-paint') as (InPagePerformanceEntry & {
    size: number;
    url: string;
    element: InPageElement | null;
    renderTime: number;
    loadTime: number;
  })[];
  const lcp = lcpEntries[lcpEntries.length - 1];
  const shifts = buffered('layout-shift') as (InPagePerformanceEntry & {
    value: number;
    hadRecentInput: boolean;
  })[];
  const resources = performance
    .getEntriesByType('resource')
    .slice(0, limits.maxEntries) as (InPagePerformanceEntry & {
    initiatorType: string;
    transferSize: number;
    encodedBodySize: number;
    renderBlockingStatus?: string;
  })[];

  let elements = 0;
  let maxDepth = 0;
  let maxChildren = 0;
  const stack: [InPageElement, number][] = [[document.documentElement, 1]];
  while (stack.length > 0 && elements < limits.maxWalk) {
    const [element, depth] = stack.pop()!;
    elements++;
    if (depth > maxDepth) maxDepth = depth;
    const children = element.children;
    if (children.length > maxChildren) maxChildren = children.length;
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }

  return {
    navigation: nav
      ? {
          ttfbMs: ms(nav['responseStart'] ?? 0),
          domInteractiveMs: ms(nav['domInteractive'] ?? 0),
          domContentLoadedMs: ms(nav['domContentLoadedEventEnd'] ?? 0),
          loadMs: ms(nav['loadEventEnd'] ?? 0),
          documentBytes: (nav['transferSize'] ?? 0) || (nav['encodedBodySize'] ?? 0),
        }
      : null,
    firstPaintMs: paint.get('first-paint') ?? null,
    firstContentfulPaintMs: paint.get('first-contentful-paint') ?? null,
    lcp: lcp
      ? {
          startMs: ms(lcp.startTime || lcp.renderTime || lcp.loadTime),
          size: lcp.size,
          element: describe(lcp.element),
          url: lcp.url || null,
        }
      : null,
    layoutShifts: shifts
      .filter((s) => !s.hadRecentInput)
      .slice(0, limits.maxEntries)
      .map((s) => ({ startMs: ms(s.startTime), value: s.value })),
    longTasks: buffered('longtask')
      .slice(0, limits.maxEntries)
      .map((t) => ({ startMs: ms(t.startTime), durationMs: ms(t.duration) })),
    resources: resources.map((r) => ({
      url: r.name,
      initiator: r.initiatorType,
      bytes: r.transferSize || r.encodedBodySize || 0,
      durationMs: ms(r.duration),
      renderBlocking: r.renderBlockingStatus === 'blocking',
    })),
    dom: {
      elements: Math.max(elements, document.getElementsByTagName('*').length),
      maxDepth,
      maxChildren,
    },
  };
}

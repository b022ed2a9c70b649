/**
 * Scripts run inside the page. They are text (the Node build has no DOM types) and use only standard
 * DOM APIs; each is one expression whose value comes back over CDP.
 */

/**
 * `{ nodes, html }`: the element count, and the serialized document (doctype included, as
 * puppeteer's `page.content()`), or `html: null` when the count is over `maxNodes`, so that a huge DOM is
 * refused before it is serialized.
 */
export function captureScript(maxNodes: number): string {
  return `(() => {
    const nodes = document.getElementsByTagName('*').length;
    if (nodes > ${Math.floor(maxNodes)}) return { nodes, html: null };
    let html = '';
    for (const node of document.childNodes)
      html += node === document.documentElement ? node.outerHTML : new XMLSerializer().serializeToString(node);
    return { nodes, html };
  })()`;
}

/** Navigation and paint timings in ms from navigation start, as the page measured them. */
export const NAVIGATION_TIMINGS = `(() => {
  const timings = {};
  const nav = performance.getEntriesByType('navigation')[0];
  if (nav) {
    timings.ttfb = nav.responseStart;
    timings.domContentLoaded = nav.domContentLoadedEventEnd;
    timings.load = nav.loadEventEnd;
  }
  for (const paint of performance.getEntriesByType('paint')) {
    if (paint.name === 'first-paint') timings.firstPaint = paint.startTime;
    if (paint.name === 'first-contentful-paint') timings.fcp = paint.startTime;
  }
  return timings;
})()`;

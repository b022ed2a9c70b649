import type { GatherContext } from '../profile.js';
import type { InPageDocument, InPageElement, InPageWindow } from '../in-page-dom.js';
import { runInPage } from '../in-page.js';

declare const document: InPageDocument;
declare const window: InPageWindow;

/** What the SEO profile measures in the rendered page (browser mode only). */
export interface SeoLiveRaw {
  viewportWidth: number;
  documentWidth: number;
  tapTargets: number;
  smallTapTargets: number;
  smallTapTargetExamples: { text: string; width: number; height: number }[];
  loadMs: number | null;
}

/** Browser mode: mobile measurements and the load time; static mode: nothing (the facts carry the rest). */
export async function gatherSeo(context: GatherContext): Promise<SeoLiveRaw | null> {
  const live = context.live;
  if (!live) return null;
  const measured = await runInPage(live, measureTapTargets, {
    minPx: 24,
    maxTargets: 600,
    maxScan: 3000,
    examples: 5,
  });
  const load = live.timingsMs['load'];
  return { ...measured, loadMs: typeof load === 'number' && load > 0 ? Math.round(load) : null };
}

/**
 * In the page: visible tap targets and those smaller than `minPx` in either dimension (WCAG 2.5.8's
 * minimum). Links inline in running text are exempt, as in WCAG: their size follows the text.
 */
function measureTapTargets(limits: {
  minPx: number;
  maxTargets: number;
  maxScan: number;
  examples: number;
}): Omit<SeoLiveRaw, 'loadMs'> {
  const selector =
    'a[href],button,input:not([type=hidden]),select,textarea,[role=button],[role=link],[onclick],[tabindex]:not([tabindex="-1"])';
  const nodes = document.querySelectorAll(selector);
  let tapTargets = 0;
  let small = 0;
  const examples: { text: string; width: number; height: number }[] = [];
  const inlineInText = (element: InPageElement): boolean => {
    if (element.localName !== 'a') return false;
    const parent = element.parentElement;
    if (!parent) return false;
    const own = (element.textContent ?? '').trim().length;
    const around = (parent.textContent ?? '').trim().length;
    return around > own + 20 && window.getComputedStyle(element).getPropertyValue('display') === 'inline';
  };
  for (let i = 0; i < nodes.length && i < limits.maxScan && tapTargets < limits.maxTargets; i++) {
    const element = nodes[i]!;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    tapTargets++;
    if (box.width >= limits.minPx && box.height >= limits.minPx) continue;
    if (inlineInText(element)) continue;
    small++;
    if (examples.length < limits.examples) {
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      examples.push({
        text: text || element.getAttribute('aria-label') || element.localName,
        width: Math.round(box.width),
        height: Math.round(box.height),
      });
    }
  }
  return {
    viewportWidth: window.innerWidth,
    documentWidth: document.documentElement.scrollWidth,
    tapTargets,
    smallTapTargets: small,
    smallTapTargetExamples: examples,
  };
}

import type { LivePage } from '../../crawl/index.js';
import { elementCount, requireLive, untilAborted } from '../in-page.js';
import type { GatherContext } from '../profile.js';
import { SNAPSHOT_PROPERTIES, tallyStyles, type SnapshotDocument, type StyleTally } from './style-tally.js';

/** A media query's width conditions, as CDP reports them. */
export interface MediaQuery {
  text: string;
  /** Width features (min-width, max-width, width) with their computed length in px. */
  widths: { feature: string; px: number }[];
}

export interface DesignSystemRaw {
  tally: StyleTally;
  mediaQueries: MediaQuery[];
  customProperties: { name: string; value: string }[];
}

// A snapshot of a page past maxSnapshotElements is tens of MB over CDP: such a page keeps its custom
// properties and breakpoints, and its scales are left empty (elements_sampled 0).
const LIMITS = {
  maxNodes: 20_000,
  maxSnapshotElements: 30_000,
  maxMediaQueries: 500,
  maxCustomProperties: 200,
};
const EMPTY_SNAPSHOT = { documents: [], strings: [] };

/**
 * One DOMSnapshot with a fixed list of computed properties (one CDP call for the whole page, far cheaper
 * than getComputedStyle per element), the stylesheets' media queries and the root's custom properties.
 */
export async function gatherDesignSystem(context: GatherContext): Promise<DesignSystemRaw> {
  const live = requireLive(context, 'design_system_analyzer');
  const [snapshot, mediaQueries, customProperties] = await Promise.all([
    elementCount(live).then((elements) =>
      elements > LIMITS.maxSnapshotElements
        ? EMPTY_SNAPSHOT
        : untilAborted(
            live.signal,
            live.cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: [...SNAPSHOT_PROPERTIES] }),
          ),
    ),
    readMediaQueries(live),
    readCustomProperties(live),
  ]);
  const main = snapshot.documents[0];
  const tally = main
    ? tallyStyles(main as unknown as SnapshotDocument, snapshot.strings, LIMITS.maxNodes)
    : tallyStyles({ nodes: {}, layout: { nodeIndex: [], styles: [] } }, [], 0);
  return { tally, mediaQueries, customProperties };
}

async function readMediaQueries(live: LivePage): Promise<MediaQuery[]> {
  try {
    const { medias } = await untilAborted(live.signal, live.cdp.send('CSS.getMediaQueries'));
    return medias.slice(0, LIMITS.maxMediaQueries).map((media) => ({
      text: media.text,
      widths: (media.mediaList ?? []).flatMap((query) =>
        query.expressions
          .filter((e) => /(^|-)width$/.test(e.feature))
          .map((e) => ({ feature: e.feature, px: Math.round(e.computedLength ?? e.value) })),
      ),
    }));
  } catch (error) {
    if (live.signal.aborted) throw error;
    // The CSS domain was not enabled for this load: no breakpoints rather than no profile.
    return [];
  }
}

async function readCustomProperties(live: LivePage): Promise<{ name: string; value: string }[]> {
  try {
    const { root } = await untilAborted(live.signal, live.cdp.send('DOM.getDocument', { depth: 0 }));
    const { nodeId } = await untilAborted(
      live.signal,
      live.cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'html' }),
    );
    if (!nodeId) return [];
    const { computedStyle } = await untilAborted(
      live.signal,
      live.cdp.send('CSS.getComputedStyleForNode', { nodeId }),
    );
    return computedStyle
      .filter((p) => p.name.startsWith('--'))
      .slice(0, LIMITS.maxCustomProperties)
      .map((p) => ({ name: p.name, value: p.value.trim() }));
  } catch (error) {
    if (live.signal.aborted) throw error;
    return [];
  }
}

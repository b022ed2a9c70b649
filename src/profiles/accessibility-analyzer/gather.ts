import type { LivePage, PageScript } from '../../crawl/index.js';
import {
  elementCount,
  evaluateInWorld,
  requireLive,
  runInPage,
  runInWorld,
  untilAborted,
} from '../in-page.js';
import type { GatherContext } from '../profile.js';
import { axeBundle } from './axe-source.js';
import { checkContrast, type ContrastFailure } from './contrast-check.js';
import { runAxe, type AccessibilityPageFacts } from './in-page.js';

/** The accessibility tree, summarized in Node as it arrives (the full tree is never kept). */
export interface AxTreeSummary {
  nodes: number;
  ignored: number;
  roles: Record<string, number>;
  unnamedInteractive: Record<string, number>;
  landmarks: { role: string; name: string }[];
  mainLandmarks: number;
}

export interface AccessibilityRaw {
  page: AccessibilityPageFacts;
  contrast: { failures: number; examples: ContrastFailure[] };
  tree: AxTreeSummary | null;
  axeVersion: string;
}

// WCAG 2.0 and 2.1 A and AA, and axe's best practices (landmarks, headings, tabindex): the rules a page is
// usually judged by. The experimental and AAA rules are left out (slow, and rarely asked for).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
// Two rules off, measured on the demo pages: color-contrast checks overlap element by element (seconds on
// a page of a few thousand table cells; the in-page contrast check replaces it, see contrast-check.ts), and
// region (best practice: all content inside landmarks) took 80 of axe's 140 ms median; the landmarks
// themselves come from the accessibility tree.
const DISABLED_RULES = ['color-contrast', 'region'];
const LIMITS = {
  maxTargets: 5,
  maxUnlabelled: 10,
  maxFocus: 60,
  maxTextElements: 1500,
  maxAxNodes: 50_000,
  maxTreeElements: 30_000,
  maxLandmarks: 30,
};

const INTERACTIVE_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'checkbox',
  'radio',
  'combobox',
  'listbox',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'slider',
  'spinbutton',
  'switch',
  'tab',
]);
const LANDMARK_ROLES = new Set([
  'banner',
  'navigation',
  'main',
  'complementary',
  'contentinfo',
  'search',
  'region',
  'form',
]);

/** The isolated world axe-core runs in: the page neither sees it nor can break it. */
export const AXE_WORLD = 'gleaner-axe';
let axeScript: PageScript | null = null;

/**
 * axe-core as a page script: registered once on the tab, it is in every new document's `AXE_WORLD`
 * before the gather asks, instead of 650 kB sent over CDP with every page (about 20 ms of CPU a page
 * between Node and the browser process). Frames other than the top one skip it.
 */
export async function axePageScripts(): Promise<PageScript[]> {
  const { source } = await axeBundle();
  // The same string every time: the tab compares it with what it registered.
  axeScript ??= { world: AXE_WORLD, source: `if (window === window.top) {\n${source}\n}` };
  return [axeScript];
}

export async function gatherAccessibility(context: GatherContext): Promise<AccessibilityRaw> {
  const live = requireLive(context, 'accessibility_analyzer');
  const { source, version } = await axeBundle();
  await injectAxe(live, source);
  // Contrast and the tree are read while axe runs: all renderer work, but the round trips overlap.
  const [page, contrast, tree] = await Promise.all([
    runInWorld(live, AXE_WORLD, runAxe, { tags: AXE_TAGS, disabledRules: DISABLED_RULES, ...LIMITS }),
    runInPage(live, checkContrast, { maxElements: LIMITS.maxTextElements, maxExamples: LIMITS.maxTargets }),
    readTree(live),
  ]);
  return { page, contrast, tree, axeVersion: version };
}

/**
 * The accessibility tree, summarized; null when it cannot be read or the page is past `maxTreeElements`
 * (the full tree of such a page is tens of MB over CDP). The axe results stand either way.
 */
async function readTree(live: LivePage): Promise<AxTreeSummary | null> {
  try {
    if ((await elementCount(live)) > LIMITS.maxTreeElements) return null;
    const { nodes } = await untilAborted(live.signal, live.cdp.send('Accessibility.getFullAXTree', {}));
    return summarizeTree(nodes);
  } catch (error) {
    if (live.signal.aborted) throw error;
    return null;
  }
}

/** Injects axe-core into `AXE_WORLD` unless its page script (or an earlier gather on this load) put it there. */
async function injectAxe(live: LivePage, source: string): Promise<void> {
  const present = await evaluateInWorld(
    live,
    AXE_WORLD,
    'typeof window.axe === "object" && typeof window.axe.run === "function"',
  );
  if (present !== true) await evaluateInWorld(live, AXE_WORLD, `${source}\n;true`);
}

interface AxNode {
  ignored: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
}

export function summarizeTree(nodes: readonly AxNode[]): AxTreeSummary {
  const summary: AxTreeSummary = {
    nodes: nodes.length,
    ignored: 0,
    roles: {},
    unnamedInteractive: {},
    landmarks: [],
    mainLandmarks: 0,
  };
  for (const node of nodes.slice(0, LIMITS.maxAxNodes)) {
    if (node.ignored) {
      summary.ignored++;
      continue;
    }
    const role = typeof node.role?.value === 'string' ? node.role.value : 'unknown';
    const name = typeof node.name?.value === 'string' ? node.name.value.trim() : '';
    summary.roles[role] = (summary.roles[role] ?? 0) + 1;
    if (INTERACTIVE_ROLES.has(role) && name === '')
      summary.unnamedInteractive[role] = (summary.unnamedInteractive[role] ?? 0) + 1;
    if (LANDMARK_ROLES.has(role)) {
      if (role === 'main') summary.mainLandmarks++;
      if (summary.landmarks.length < LIMITS.maxLandmarks) summary.landmarks.push({ role, name });
    }
  }
  return summary;
}

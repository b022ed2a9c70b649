import type { InPageDocument, InPageElement, InPageFormControl, InPageWindow } from '../in-page-dom.js';

declare const document: InPageDocument;
declare const window: InPageWindow;
declare const axe: {
  run(context: unknown, options: Record<string, unknown>): Promise<{ violations: AxeViolation[] }>;
};

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  tags: string[];
  nodes: { target: unknown[] }[];
}

/** One violated rule, compacted in the page (axe's own result is far larger). */
export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  tags: string[];
  nodes: number;
  targets: string[];
}

export interface AccessibilityPageFacts {
  findings: AxeFinding[];
  controls: number;
  unlabelled: { tag: string; type: string; name: string; id: string }[];
  labelled: number;
  focusOrder: { index: number; tag: string; role: string | null; name: string; tabIndex: number }[];
  positiveTabindex: number;
  lang: string | null;
}

export interface AxeRunOptions {
  tags: string[];
  /** axe rules switched off (color-contrast: measured by contrast-check.ts instead, at a bounded cost). */
  disabledRules: string[];
  maxTargets: number;
  maxUnlabelled: number;
  maxFocus: number;
}

/**
 * In the page, with axe-core already injected: run the rules of the given tags (violations only, no
 * XPath, ancestry or element references: each is extra work per node) and read the form labels and the
 * focus order in the same evaluation.
 */
export async function runAxe(options: AxeRunOptions): Promise<AccessibilityPageFacts> {
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: options.tags },
    rules: Object.fromEntries(options.disabledRules.map((id) => [id, { enabled: false }])),
    resultTypes: ['violations'],
    elementRef: false,
    ancestry: false,
    xpath: false,
    iframes: false,
    performanceTimer: false,
  });
  const selector = (target: unknown[]): string => target.map(String).join(' ');
  const findings: AxeFinding[] = result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    tags: v.tags.filter((t) => /^wcag/.test(t)),
    nodes: v.nodes.length,
    targets: v.nodes.slice(0, options.maxTargets).map((n) => selector(n.target)),
  }));

  const visible = (element: InPageElement): boolean => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    return window.getComputedStyle(element).getPropertyValue('visibility') !== 'hidden';
  };
  const text = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();
  const byIds = (ids: string): string =>
    ids
      .split(/\s+/)
      .map((id) => text(document.getElementById(id)?.textContent))
      .join(' ')
      .trim();

  const controls = Array.from(
    document.querySelectorAll(
      'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]),select,textarea',
    ),
  ) as InPageFormControl[];
  const unlabelled: AccessibilityPageFacts['unlabelled'] = [];
  let labelled = 0;
  for (const control of controls) {
    const hasLabel =
      Array.from(control.labels ?? []).some((label) => text(label.textContent) !== '') ||
      text(control.getAttribute('aria-label')) !== '' ||
      byIds(control.getAttribute('aria-labelledby') ?? '') !== '' ||
      text(control.getAttribute('title')) !== '';
    if (hasLabel) labelled++;
    else if (unlabelled.length < options.maxUnlabelled)
      unlabelled.push({ tag: control.localName, type: control.type, name: control.name, id: control.id });
  }

  const candidates = Array.from(
    document.querySelectorAll(
      'a[href],area[href],button,input,select,textarea,iframe,summary,[tabindex],[contenteditable=""],[contenteditable=true]',
    ),
  ).filter((element) => {
    const control = element as InPageFormControl;
    if (control.disabled === true || element.tabIndex < 0) return false;
    if (element.localName === 'input' && control.type === 'hidden') return false;
    return visible(element);
  });
  const ordered = candidates
    .map((element, position) => ({ element, position }))
    .sort((a, b) => {
      const ta = a.element.tabIndex;
      const tb = b.element.tabIndex;
      if (ta > 0 && tb > 0) return ta - tb || a.position - b.position;
      if (ta > 0) return -1;
      if (tb > 0) return 1;
      return a.position - b.position;
    });
  const accessibleName = (element: InPageElement): string => {
    const control = element as InPageFormControl;
    return text(
      element.getAttribute('aria-label') ||
        byIds(element.getAttribute('aria-labelledby') ?? '') ||
        Array.from(control.labels ?? [])
          .map((l) => l.textContent)
          .join(' ') ||
        element.textContent ||
        element.querySelector('img[alt]')?.getAttribute('alt') ||
        element.getAttribute('alt') ||
        element.getAttribute('title') ||
        element.getAttribute('placeholder'),
    ).slice(0, 60);
  };

  return {
    findings,
    controls: controls.length,
    labelled,
    unlabelled,
    focusOrder: ordered.slice(0, options.maxFocus).map(({ element }, index) => ({
      index,
      tag: element.localName,
      role: element.getAttribute('role'),
      name: accessibleName(element),
      tabIndex: element.tabIndex,
    })),
    positiveTabindex: candidates.filter((e) => e.tabIndex > 0).length,
    lang: document.documentElement.getAttribute('lang'),
  };
}

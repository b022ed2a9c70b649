import type { InPageDocument, InPageElement, InPageFormControl, InPageWindow } from '../in-page-dom.js';

declare const document: InPageDocument;
declare const window: InPageWindow;

export interface StepItem {
  text: string;
  url: string | null;
  current: boolean;
  completed: boolean;
}

export interface StepIndicator {
  kind: 'list' | 'progressbar' | 'text';
  label: string;
  items: StepItem[];
  /** For progress bars and "Step 2 of 4" texts. */
  current: number | null;
  total: number | null;
}

export interface FormField {
  name: string;
  type: string;
  label: string;
  required: boolean;
  /** Index of the form step (fieldset or [data-step]) it belongs to; -1 outside any. */
  step: number;
  visible: boolean;
}

export interface ScannedForm {
  hint: string;
  action: string;
  method: string;
  steps: { label: string; visible: boolean }[];
  fields: FormField[];
  submit: string;
  validation: { required: number; pattern: number; minMax: number; typed: number; novalidate: boolean };
}

export interface ScannedLink {
  text: string;
  url: string;
  rel: string;
  /** Button-like controls outside forms are listed too, without a URL. */
  kind: 'link' | 'button';
}

export interface WorkflowScan {
  indicators: StepIndicator[];
  forms: ScannedForm[];
  links: ScannedLink[];
}

export interface WorkflowLimits {
  maxForms: number;
  maxFields: number;
  maxLinks: number;
  maxIndicators: number;
  /** Elements looked at per query, at most (a huge page is read in part, not stalled on). */
  maxScan: number;
  /** Case-insensitive pattern of link and button texts or URLs that matter to flows. */
  flowWords: string;
}

/** In the page: step indicators, forms with their steps and fields in order, and flow-related links. */
export function scanWorkflows(limits: WorkflowLimits): WorkflowScan {
  const FLOW = new RegExp(limits.flowWords, 'i');
  const clean = (value: string | null | undefined, max = 80) =>
    (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  const visible = (element: InPageElement) => {
    const r = element.getBoundingClientRect();
    return (
      r.width > 0 &&
      r.height > 0 &&
      window.getComputedStyle(element).getPropertyValue('visibility') !== 'hidden'
    );
  };
  const absolute = (href: string | null) => {
    if (!href) return null;
    try {
      return new URL(href, document.baseURI).href;
    } catch {
      return null;
    }
  };
  const stateText = (element: InPageElement) =>
    `${element.getAttribute('class') ?? ''} ${element.getAttribute('data-state') ?? ''} ${element.getAttribute('aria-label') ?? ''}`.toLowerCase();

  // Step indicators: lists marked as steps, lists holding aria-current="step", progress bars, "Step N of M".
  const indicators: StepIndicator[] = [];
  const seen = new Set<InPageElement>();
  const lists = [
    ...Array.from(document.querySelectorAll('[aria-current=step]')).map((e) => e.closest('ol,ul')),
    ...Array.from(document.querySelectorAll('ol,ul')).filter((l) =>
      /step|progress|wizard|stepper/i.test(
        `${l.getAttribute('class') ?? ''} ${l.getAttribute('aria-label') ?? ''}`,
      ),
    ),
  ];
  for (const list of lists) {
    if (!list || seen.has(list) || indicators.length >= limits.maxIndicators) continue;
    seen.add(list);
    const items = Array.from(list.querySelectorAll(':scope > li')).map((li) => {
      const link = li.querySelector('a[href]');
      const current =
        /^(step|page|true)$/.test(
          li.getAttribute('aria-current') ??
            li.querySelector('[aria-current]')?.getAttribute('aria-current') ??
            '',
        ) || /\b(current|active)\b/.test(stateText(li));
      return {
        text: clean(li.textContent, 60),
        url: absolute(link?.getAttribute('href') ?? null),
        current,
        completed: /\b(done|complete|completed)\b/.test(stateText(li)),
      };
    });
    if (items.length >= 2)
      indicators.push({
        kind: 'list',
        label: clean(list.getAttribute('aria-label')),
        items,
        current: null,
        total: null,
      });
  }
  for (const bar of Array.from(document.querySelectorAll('progress,[role=progressbar]'))) {
    if (indicators.length >= limits.maxIndicators) break;
    const now = Number(bar.getAttribute('aria-valuenow') ?? bar.getAttribute('value'));
    const max = Number(bar.getAttribute('aria-valuemax') ?? bar.getAttribute('max'));
    if (Number.isFinite(now) && Number.isFinite(max) && max > 1 && max <= 20)
      indicators.push({
        kind: 'progressbar',
        label: clean(bar.getAttribute('aria-label')),
        items: [],
        current: now,
        total: max,
      });
  }
  for (const element of Array.from(document.querySelectorAll('h1,h2,h3,h4,legend,p,span,div')).slice(
    0,
    limits.maxScan,
  )) {
    if (indicators.length >= limits.maxIndicators) break;
    if (element.childElementCount > 0) continue;
    const match = /\bstep\s+(\d+)\s+(?:of|\/)\s+(\d+)\b/i.exec(element.textContent ?? '');
    if (match && visible(element))
      indicators.push({
        kind: 'text',
        label: clean(element.textContent),
        items: [],
        current: Number(match[1]),
        total: Number(match[2]),
      });
  }

  // Forms, fields in document order, steps from fieldsets or [data-step] containers.
  const forms = Array.from(document.querySelectorAll('form'))
    .slice(0, limits.maxForms)
    .map((form) => {
      const stepElements = Array.from(form.querySelectorAll('[data-step],fieldset'));
      const steps = stepElements.map((s) => ({
        label: clean(
          s.querySelector('legend,h2,h3,h4')?.textContent ||
            s.getAttribute('data-step') ||
            s.getAttribute('aria-label'),
        ),
        visible: visible(s),
      }));
      const controls = Array.from(form.querySelectorAll('input,select,textarea')).filter(
        (c) => !/^(hidden|submit|button|reset|image)$/.test((c as InPageFormControl).type ?? ''),
      ) as InPageFormControl[];
      const labelOf = (c: InPageFormControl) =>
        clean(
          c.getAttribute('aria-label') ||
            Array.from(c.labels ?? [])
              .map((l) => l.textContent)
              .join(' ') ||
            c.getAttribute('placeholder') ||
            c.name,
          60,
        );
      const submit = form.querySelector('button:not([type=button]):not([type=reset]),input[type=submit]');
      return {
        hint: clean(
          `${form.getAttribute('id') ?? ''} ${form.getAttribute('class') ?? ''} ${form.getAttribute('aria-label') ?? ''} ${form.getAttribute('action') ?? ''} ${form.getAttribute('role') ?? ''}`,
          200,
        ),
        action: absolute(form.getAttribute('action') ?? '') ?? '',
        method: (form.getAttribute('method') ?? 'get').toLowerCase(),
        steps,
        fields: controls.slice(0, limits.maxFields).map((c) => ({
          name: c.name,
          type: c.localName === 'input' ? c.type : c.localName,
          label: labelOf(c),
          required: c.required,
          step: stepElements.findIndex((s) => s.contains(c)),
          visible: visible(c),
        })),
        submit: clean(submit ? submit.textContent || submit.getAttribute('value') : '', 60),
        validation: {
          required: controls.filter((c) => c.required).length,
          pattern: controls.filter((c) => c.hasAttribute('pattern')).length,
          minMax: controls.filter((c) =>
            ['min', 'max', 'minlength', 'maxlength'].some((a) => c.hasAttribute(a)),
          ).length,
          typed: controls.filter((c) =>
            /^(email|tel|url|number|date|datetime-local|month|week|time)$/.test(c.type),
          ).length,
          novalidate: form.hasAttribute('novalidate'),
        },
      };
    });

  // Links and buttons that move a flow along: steps, next/back, cart, checkout, sign-up…
  const links: ScannedLink[] = [];
  for (const element of Array.from(document.querySelectorAll('a[href],button,[role=button]')).slice(
    0,
    limits.maxScan,
  )) {
    if (links.length >= limits.maxLinks) break;
    if (element.localName !== 'a' && element.closest('form')) continue;
    const text = clean(element.textContent || element.getAttribute('aria-label'), 60);
    const href = element.getAttribute('href');
    const rel = (element.getAttribute('rel') ?? '').toLowerCase();
    if (!FLOW.test(text) && !FLOW.test(href ?? '') && !/\b(next|prev)\b/.test(rel)) continue;
    links.push({ text, url: absolute(href) ?? '', rel, kind: element.localName === 'a' ? 'link' : 'button' });
  }
  return { indicators, forms, links };
}

import type { PageSnapshot } from '../profile.js';
import { findFlows, formPurpose, stepLinks, commerceLinks } from './flows.js';
import type { ScannedForm, WorkflowScan } from './in-page.js';
import type { Action, WorkflowAttributes } from './spec.js';

const MAX_ACTIONS = 40;
const MAX_FORM_FIELDS = 20;
const ENTRY =
  /\b(add to (cart|bag|basket)|check ?out|sign ?up|register|get started|start now|subscribe|book now|buy now)\b/i;
const ONWARD = /^(next|continue|proceed)\b/i;

export function workflowAttributes(scan: WorkflowScan, page: PageSnapshot): WorkflowAttributes {
  const flows = findFlows(scan.indicators, scan.forms, scan.links, page.url);
  const primary = [...flows].sort(
    (a, b) => b.evidence.length - a.evidence.length || b.totalSteps - a.totalSteps,
  )[0];
  const actions = userActions(scan);
  const current = primary?.currentStep ? primary.steps[primary.currentStep - 1] : undefined;
  const stepsSeq = stepLinks(scan.links);
  const commerce = commerceLinks(scan.links, page.url);
  const nextPrev = scan.links.filter((l) => /\b(next|prev)\b/.test(l.rel));
  const toLinks = (links: typeof scan.links) => links.map(({ text, url }) => ({ text, url }));
  return {
    flows,
    flow_count: flows.length,
    primary_flow: primary?.kind ?? null,
    current_step:
      primary && current
        ? { flow: primary.kind, index: current.index, label: current.label, of: primary.totalSteps }
        : null,
    forms: scan.forms.map((form) => ({
      purpose: formPurpose(form),
      action: form.action,
      method: form.method,
      steps: form.steps.map((s) => s.label),
      fields: form.fields
        .slice(0, MAX_FORM_FIELDS)
        .map(({ name, type, label, required }) => ({ name, type, label, required })),
      submit: form.submit,
    })),
    step_indicators: scan.indicators.map((i) => ({
      kind: i.kind,
      label: i.label,
      steps: i.items.map((item) => item.text),
      current: i.kind === 'list' ? i.items.findIndex((item) => item.current) + 1 || null : i.current,
      total: i.kind === 'list' ? i.items.length : i.total,
    })),
    actions,
    action_count: actions.length,
    next_action: actions[0] ?? null,
    link_sequences: [
      ...(stepsSeq.length >= 2 ? [{ kind: 'steps', links: toLinks(stepsSeq) }] : []),
      ...(nextPrev.length > 0 ? [{ kind: 'next-prev', links: toLinks(nextPrev) }] : []),
      ...(commerce.length >= 2 ? [{ kind: 'commerce', links: toLinks(commerce) }] : []),
    ],
    entry_points: scan.links
      .filter((l) => ENTRY.test(l.text))
      .map((l) => ({ text: l.text, url: l.url || null, flow: entryFlow(l.text) })),
    required_fields: scan.forms.reduce((sum, f) => sum + f.validation.required, 0),
    validation: scan.forms.reduce<WorkflowAttributes['validation']>(
      (total, { validation: v }) => ({
        required: total.required + v.required,
        pattern: total.pattern + v.pattern,
        minMax: total.minMax + v.minMax,
        typed: total.typed + v.typed,
        novalidate: total.novalidate || v.novalidate,
      }),
      { required: 0, pattern: 0, minMax: 0, typed: 0, novalidate: false },
    ),
  };
}

/**
 * The actions of the page's task form (a stepped form, else the form with the most visible fields):
 * each visible field of the current step in document order (a radio group once), its submit, then the
 * links that continue the flow.
 */
function userActions(scan: WorkflowScan): Action[] {
  const visibleFields = (f: ScannedForm) => f.fields.filter((field) => field.visible).length;
  const form =
    scan.forms.find((f) => f.steps.length >= 2 && f.steps.some((s) => s.visible)) ??
    [...scan.forms]
      .filter((f) => visibleFields(f) > 0)
      .sort((a, b) => visibleFields(b) - visibleFields(a))[0];
  const actions: Omit<Action, 'order'>[] = [];
  if (form) {
    const currentStep = form.steps.findIndex((s) => s.visible);
    const radios = new Set<string>();
    for (const field of form.fields) {
      if (!field.visible || (currentStep >= 0 && field.step >= 0 && field.step !== currentStep)) continue;
      const kind =
        field.type === 'select'
          ? 'select'
          : field.type === 'checkbox'
            ? 'check'
            : field.type === 'radio'
              ? 'choose'
              : 'fill';
      if (kind === 'choose') {
        if (radios.has(field.name)) continue;
        radios.add(field.name);
      }
      actions.push({ kind, target: field.name || field.label, label: field.label, required: field.required });
    }
    if (form.submit)
      actions.push({ kind: 'submit', target: form.action, label: form.submit, required: true });
  }
  for (const link of scan.links)
    if (ONWARD.test(link.text) || /\bnext\b/.test(link.rel))
      actions.push({ kind: 'navigate', target: link.url, label: link.text, required: false });
  return actions.slice(0, MAX_ACTIONS).map((a, i) => ({ order: i + 1, ...a }));
}

function entryFlow(text: string): string {
  if (/add to|check ?out|buy/i.test(text)) return 'checkout';
  if (/sign ?up|register|get started|start/i.test(text)) return 'signup';
  if (/subscribe/i.test(text)) return 'newsletter';
  return 'booking';
}

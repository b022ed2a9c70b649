import type { ScannedForm, ScannedLink, StepIndicator } from './in-page.js';
import type { Flow, FlowStep } from './spec.js';

/** Commerce stages in the order a purchase goes through them. */
export const COMMERCE_STAGES: readonly (readonly [string, RegExp])[] = [
  ['cart', /\b(cart|bag|basket)\b/i],
  ['checkout', /\bcheck ?out\b/i],
  ['shipping', /\b(shipping|delivery|address)\b/i],
  ['payment', /\b(payment|billing|pay)\b/i],
  ['review', /\b(review|summary)\b/i],
  ['confirmation', /\b(confirm|confirmation|place order|thank you)\b/i],
];
const SIGNUP = /\b(account|sign ?up|register|profile|verify|password|welcome)\b/i;

function stageOf(text: string): number {
  return COMMERCE_STAGES.findIndex(([, pattern]) => pattern.test(text));
}

/** checkout when two or more labels name commerce stages, signup for account words, else wizard. */
export function kindOfSteps(labels: readonly string[]): string {
  const stages = new Set(labels.map(stageOf).filter((s) => s >= 0));
  if (stages.size >= 2) return 'checkout';
  if (labels.filter((l) => SIGNUP.test(l)).length >= 2) return 'signup';
  return 'wizard';
}

/** A form's purpose from its id, class, label, action and fields. */
export function formPurpose(form: ScannedForm): string {
  const hint = form.hint.toLowerCase();
  const names = form.fields
    .map((f) => `${f.name} ${f.type}`)
    .join(' ')
    .toLowerCase();
  const types = form.fields.map((f) => f.type);
  if (/search/.test(hint) || types.includes('search') || /\b(q|query|keywords?)\b/.test(names))
    return 'search';
  if (
    /checkout|payment|shipping|billing/.test(hint) ||
    /\b(cc-\w+|card\w*|cvc|cvv|postal\w*|zip)\b/.test(names)
  )
    return 'checkout';
  if (types.includes('password'))
    return form.fields.length <= 3 && !/sign ?up|register/.test(hint) ? 'login' : 'signup';
  if (/newsletter|subscribe/.test(hint) || (form.fields.length === 1 && types[0] === 'email'))
    return 'newsletter';
  if (types.includes('textarea') && /mail/.test(names)) return 'contact';
  return 'other';
}

/**
 * The page's multi-step flows: one per step list, stepped form and numbered or commerce link sequence;
 * a progress bar or "Step N of M" text joins a flow of as many steps as evidence, else stands alone.
 */
export function findFlows(
  indicators: StepIndicator[],
  forms: ScannedForm[],
  links: ScannedLink[],
  pageUrl: string,
): Flow[] {
  const flows: Flow[] = [];
  const join = (total: number, evidence: string, current: number | null): boolean => {
    const same = flows.find((f) => f.totalSteps === total);
    if (!same) return false;
    if (!same.evidence.includes(evidence)) same.evidence.push(evidence);
    if (same.currentStep === null && current !== null) same.currentStep = current;
    return true;
  };

  for (const indicator of indicators.filter((i) => i.kind === 'list')) {
    const currentIndex = indicator.items.findIndex((i) => i.current);
    const steps: FlowStep[] = indicator.items.map((item, i) => ({
      index: i + 1,
      label: item.text,
      url: item.url,
      current: i === currentIndex,
      completed: item.completed || (currentIndex >= 0 && i < currentIndex),
    }));
    const kind = kindOfSteps(steps.map((s) => s.label));
    flows.push({
      kind,
      name: indicator.label || `${kind} steps`,
      steps,
      currentStep: currentIndex >= 0 ? currentIndex + 1 : null,
      totalSteps: steps.length,
      evidence: ['step-list'],
    });
  }

  for (const form of forms) {
    if (form.steps.length < 2) continue;
    const visible = form.steps.findIndex((s) => s.visible);
    if (join(form.steps.length, 'form-steps', visible >= 0 ? visible + 1 : null)) continue;
    const labels = form.steps.map((s) => s.label);
    const purpose = formPurpose(form);
    const kind = purpose === 'checkout' || purpose === 'signup' ? purpose : kindOfSteps(labels);
    flows.push({
      kind,
      name: `${kind} form`,
      steps: labels.map((label, i) => ({
        index: i + 1,
        label,
        url: null,
        current: i === visible,
        completed: visible >= 0 && i < visible,
      })),
      currentStep: visible >= 0 ? visible + 1 : null,
      totalSteps: labels.length,
      evidence: ['form-steps'],
    });
  }

  for (const indicator of indicators.filter((i) => i.kind !== 'list')) {
    const evidence = indicator.kind === 'progressbar' ? 'progressbar' : 'step-text';
    if (indicator.total === null || join(indicator.total, evidence, indicator.current)) continue;
    flows.push({
      kind: kindOfSteps([indicator.label]),
      name: indicator.label || 'steps',
      steps: Array.from({ length: indicator.total }, (_, i) => ({
        index: i + 1,
        label: `Step ${i + 1}`,
        url: null,
        current: i + 1 === indicator.current,
        completed: indicator.current !== null && i + 1 < indicator.current,
      })),
      currentStep: indicator.current,
      totalSteps: indicator.total,
      evidence: [evidence],
    });
  }

  const numbered = stepLinks(links);
  if (numbered.length >= 2 && !join(numbered.length, 'step-links', null))
    flows.push({
      kind: kindOfSteps(numbered.map((l) => l.text)),
      name: 'numbered steps',
      steps: numbered.map((l, i) => ({
        index: i + 1,
        label: l.text,
        url: l.url,
        current: false,
        completed: false,
      })),
      currentStep: null,
      totalSteps: numbered.length,
      evidence: ['step-links'],
    });

  const commerce = commerceLinks(links, pageUrl);
  if (commerce.length >= 2) {
    const checkout = flows.find((f) => f.kind === 'checkout');
    if (checkout) {
      if (!checkout.evidence.includes('commerce-links')) checkout.evidence.push('commerce-links');
    } else
      flows.push({
        kind: 'checkout',
        name: 'cart to checkout',
        steps: commerce.map((l, i) => ({
          index: i + 1,
          label: l.text,
          url: l.url,
          current: false,
          completed: false,
        })),
        currentStep: null,
        totalSteps: commerce.length,
        evidence: ['commerce-links'],
      });
  }
  return flows;
}

/** Links labelled "Step N", ordered by N, one per number. */
export function stepLinks(links: readonly ScannedLink[]): ScannedLink[] {
  const byNumber = new Map<number, ScannedLink>();
  for (const link of links) {
    const match = /\bstep\s*(\d+)/i.exec(link.text);
    if (match && !byNumber.has(Number(match[1]))) byNumber.set(Number(match[1]), link);
  }
  return [...byNumber].sort((a, b) => a[0] - b[0]).map(([, link]) => link);
}

/** One same-site link or button per commerce stage, in stage order. */
export function commerceLinks(links: readonly ScannedLink[], pageUrl: string): ScannedLink[] {
  const origin = originOf(pageUrl);
  const byStage = new Map<number, ScannedLink>();
  for (const link of links) {
    // A partner's "secure payments" page is not a step of this site's checkout.
    if (link.url !== '' && originOf(link.url) !== origin) continue;
    const stage = stageOf(`${link.text} ${pathOf(link.url)}`);
    if (stage >= 0 && !byStage.has(stage)) byStage.set(stage, link);
  }
  return [...byStage].sort((a, b) => a[0] - b[0]).map(([, link]) => link);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/[/_-]+/g, ' ');
  } catch {
    return '';
  }
}

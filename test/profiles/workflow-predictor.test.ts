import { describe, expect, it } from 'vitest';
import { workflowPredictor, type WorkflowAttributes } from '../../src/profiles/index.js';
import { expectDeclaredAttributes } from './declared-attributes.js';
import { labSuite } from './live-page-harness.js';

describe('workflow_predictor', () => {
  const lab = labSuite();

  const analyze = (path: string) => lab.run(path, workflowPredictor);

  it('finds the checkout flow, where the user is in it and what they do next, in order', async () => {
    const truth = lab.site.truth.lab.checkout;
    const run = await analyze(truth.path);
    expectDeclaredAttributes(workflowPredictor, run.attributes);
    const a = run.attributes as WorkflowAttributes;
    expect(a.primary_flow).toBe('checkout');
    const flow = a.flows[0]!;
    expect(flow.steps.map((s) => s.label)).toEqual(truth.steps);
    expect(flow.evidence).toEqual(['step-list', 'step-text']);
    expect(flow.steps[0]).toMatchObject({ completed: true, url: `${lab.site.url}/lab/components` });
    expect(a.current_step).toEqual({
      flow: 'checkout',
      index: truth.currentStep,
      label: truth.steps[truth.currentStep - 1],
      of: truth.steps.length,
    });
    const form = a.forms.find((f) => f.purpose === 'checkout')!;
    expect(form.steps).toEqual(truth.formSteps);
    expect(form.submit).toBe(truth.submit);
    const fields = a.actions.filter((x) => x.kind !== 'submit' && x.kind !== 'navigate');
    expect(fields.map((x) => x.target)).toEqual(truth.currentFields);
    expect(fields.map((x) => x.kind)).toEqual(['fill', 'fill', 'fill', 'fill', 'select', 'choose']);
    expect(a.actions[fields.length]).toMatchObject({ kind: 'submit', label: truth.submit });
    expect(a.next_action).toMatchObject({ order: 1, kind: 'fill', target: truth.currentFields[0] });
    expect(a.action_count).toBe(a.actions.length);
    expect(a.required_fields).toBe(truth.requiredFields);
    expect(a.validation).toMatchObject({ required: truth.requiredFields, pattern: 1, novalidate: false });
    expect(a.step_indicators.map((s) => s.kind)).toEqual(['list', 'text']);
    expect(a.link_sequences.find((s) => s.kind === 'next-prev')!.links[0]!.text).toBe('Back to cart');
    expect(run.quality).toBe(100);
  });

  it('lists a single-step form’s actions without inventing a flow', async () => {
    const run = await analyze('/contact');
    const a = run.attributes as WorkflowAttributes;
    expect(a.flows).toEqual([]);
    expect(a.actions.map((x) => `${x.kind}:${x.target}`)).toEqual([
      'fill:name',
      'fill:email',
      'fill:message',
      `submit:${lab.site.url}/contact`,
    ]);
    expect(run.quality).toBeLessThan(70);
  });
});

import type { AttributeSpec } from '../profile.js';

export interface FlowStep {
  index: number;
  label: string;
  url: string | null;
  current: boolean;
  completed: boolean;
}

export interface Flow {
  /** checkout, signup, wizard, or steps (a numbered link sequence). */
  kind: string;
  name: string;
  steps: FlowStep[];
  /** 1-based; null when the page does not say. */
  currentStep: number | null;
  totalSteps: number;
  /** What showed the flow: step-list, progressbar, step-text, form-steps, step-links, commerce-links. */
  evidence: string[];
}

export interface Action {
  order: number;
  /** fill, select, check, choose, submit, navigate. */
  kind: string;
  target: string;
  label: string;
  required: boolean;
}

/** What the workflow profile yields for a page; every key is one of `WORKFLOW_ATTRIBUTES`. */
export type WorkflowAttributes = {
  flows: Flow[];
  flow_count: number;
  primary_flow: string | null;
  current_step: { flow: string; index: number; label: string; of: number } | null;
  forms: {
    purpose: string;
    action: string;
    method: string;
    steps: string[];
    fields: { name: string; type: string; label: string; required: boolean }[];
    submit: string;
  }[];
  step_indicators: {
    kind: string;
    label: string;
    steps: string[];
    current: number | null;
    total: number | null;
  }[];
  actions: Action[];
  action_count: number;
  next_action: Action | null;
  link_sequences: { kind: string; links: { text: string; url: string }[] }[];
  entry_points: { text: string; url: string | null; flow: string }[];
  required_fields: number;
  validation: { required: number; pattern: number; minMax: number; typed: number; novalidate: boolean };
};

export const WORKFLOW_ATTRIBUTES: AttributeSpec[] = [
  {
    name: 'flows',
    type: 'object[]',
    description:
      'Multi-step flows (checkout, signup, wizard, numbered steps): steps with label, URL, current and completed, the current step, the evidence (step list, progress bar, "Step 2 of 4", form steps, step or cart→checkout links)',
  },
  { name: 'flow_count', type: 'number', description: 'Multi-step flows found' },
  {
    name: 'primary_flow',
    type: 'string',
    description: 'Kind of the flow with the most evidence (then the most steps)',
  },
  {
    name: 'current_step',
    type: 'object',
    description: 'Where the user is in the primary flow: step index (1-based), label and step count',
  },
  {
    name: 'forms',
    type: 'object[]',
    description:
      'Forms with their purpose, action, method, steps (fieldsets, [data-step]), fields in order and submit label',
  },
  {
    name: 'step_indicators',
    type: 'object[]',
    description:
      'Step lists, progress bars and "Step N of M" texts: kind, label, step labels, current, total',
  },
  {
    name: 'actions',
    type: 'object[]',
    description:
      'What a user does next, in order: fill, select, check or choose each field of the current step, submit, then navigate onwards',
  },
  { name: 'action_count', type: 'number', description: 'Actions listed' },
  {
    name: 'next_action',
    type: 'object',
    description: 'The first action: the most likely next thing a user does',
  },
  {
    name: 'link_sequences',
    type: 'object[]',
    description:
      'Ordered link sequences: numbered steps, next/previous, commerce stages (cart → checkout → payment…)',
  },
  {
    name: 'entry_points',
    type: 'object[]',
    description:
      'Controls that start a flow (add to cart, checkout, sign up, get started, subscribe) and the flow',
  },
  { name: 'required_fields', type: 'number', description: 'Required form fields on the page' },
  {
    name: 'validation',
    type: 'object',
    description:
      'Client-side validation: required, pattern, min/max(length) and typed (email, tel, number…) fields, novalidate',
  },
];

export const WORKFLOW_QUALITY_RULE =
  'How completely the page describes a task flow, × 100 and rounded: 0.3 × (a multi-step flow with 2+ steps) + ' +
  '0.2 × (its current step is known) + 0.2 × min(1, actions ÷ 5) + 0.15 × share of form fields with a label other ' +
  'than their name (0 without fields) + 0.15 × (a next action is known).';

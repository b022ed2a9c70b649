import type { Attributes, Profile } from '../profile.js';
import { gatherWorkflows } from './gather.js';
import type { WorkflowScan } from './in-page.js';
import { workflowQuality } from './quality.js';
import { WORKFLOW_ATTRIBUTES, WORKFLOW_QUALITY_RULE, type WorkflowAttributes } from './spec.js';
import { workflowAttributes } from './to-attributes.js';

export type { WorkflowAttributes, Flow, FlowStep, Action } from './spec.js';

/**
 * `workflow_predictor`: the task flows a page is part of (checkout, signup and wizard steps from step
 * lists, progress bars, stepped forms and step or cart → checkout links) and the actions a user can take
 * next, in order.
 */
export const workflowPredictor: Profile<WorkflowScan> = {
  name: 'workflow_predictor',
  description:
    'Multi-step flows (forms and their steps, wizards, checkout, step and cart → checkout link sequences) and the actions a user can take, in order',
  needsBrowser: true,
  cdpDomains: [],
  attributes: WORKFLOW_ATTRIBUTES,
  qualityRule: WORKFLOW_QUALITY_RULE,
  gather: gatherWorkflows,
  toAttributes: workflowAttributes,
  quality(attributes: Attributes): number {
    return workflowQuality(attributes as WorkflowAttributes);
  },
};

import { toScore } from '../scoring.js';
import type { WorkflowAttributes } from './spec.js';

/** `WORKFLOW_QUALITY_RULE`. */
export function workflowQuality(a: WorkflowAttributes): number {
  const multiStep = a.flows.some((f) => f.totalSteps >= 2);
  const fields = a.forms.flatMap((f) => f.fields);
  const labelled = fields.filter((f) => f.label !== '' && f.label !== f.name).length;
  return toScore(
    0.3 * (multiStep ? 1 : 0) +
      0.2 * (a.current_step ? 1 : 0) +
      0.2 * Math.min(1, a.action_count / 5) +
      0.15 * (fields.length === 0 ? 0 : labelled / fields.length) +
      0.15 * (a.next_action ? 1 : 0),
  );
}

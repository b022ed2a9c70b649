import { requireLive, runInPage } from '../in-page.js';
import type { GatherContext } from '../profile.js';
import { scanWorkflows, type WorkflowScan } from './in-page.js';

// Texts and URLs of controls that move a task along.
const FLOW_WORDS =
  '\\b(step\\s*\\d+|next|previous|back|continue|proceed|cart|bag|basket|check ?out|shipping|delivery|payment|billing|review|confirm|place order|sign ?up|register|log ?in|sign ?in|get started|start|subscribe|book|add to)\\b';
const LIMITS = {
  maxForms: 10,
  maxFields: 40,
  maxLinks: 60,
  maxIndicators: 6,
  maxScan: 5000,
  flowWords: FLOW_WORDS,
};

export async function gatherWorkflows(context: GatherContext): Promise<WorkflowScan> {
  return runInPage(requireLive(context, 'workflow_predictor'), scanWorkflows, LIMITS);
}

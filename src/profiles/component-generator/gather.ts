import { requireLive, runInPage } from '../in-page.js';
import type { GatherContext } from '../profile.js';
import { scanComponents, type ComponentScan } from './in-page.js';

const LIMITS = {
  maxElements: 8000,
  depth: 3,
  minInstances: 2,
  minElements: 3,
  maxComponents: 20,
  maxInstancesRead: 12,
  maxProps: 12,
  maxExamples: 3,
  maxMediaRules: 300,
};

export async function gatherComponents(context: GatherContext): Promise<ComponentScan> {
  return runInPage(requireLive(context, 'component_generator'), scanComponents, LIMITS);
}

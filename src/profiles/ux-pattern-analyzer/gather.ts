import { requireLive, runInPage } from '../in-page.js';
import type { GatherContext } from '../profile.js';
import { scanUxPatterns, type UxScan } from './in-page.js';

// Verbs and phrases of calls to action, as a case-insensitive pattern over the control's whole text.
const CTA =
  '^\\s*(buy|shop|add to (cart|bag|basket|wishlist)|order|checkout|check out|sign ?up|register|join|subscribe|get started|start|try|book|reserve|download|contact us|get in touch|learn more|see more|view (all|more|details)|request|apply|donate|continue|proceed)\\b';
const LIMITS = { maxEach: 20, maxScan: 3000, cta: CTA };

export async function gatherUxPatterns(context: GatherContext): Promise<UxScan> {
  return runInPage(requireLive(context, 'ux_pattern_analyzer'), scanUxPatterns, LIMITS);
}

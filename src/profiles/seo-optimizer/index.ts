import type { Attributes, Profile } from '../profile.js';
import { toScore, weightedMean } from '../scoring.js';
import { seoChecks } from './checks.js';
import { gatherSeo, type SeoLiveRaw } from './gather.js';
import { SEO_ATTRIBUTES, SEO_QUALITY_RULE, type SeoAttributes } from './spec.js';
import { seoAttributes } from './to-attributes.js';

export type { SeoAttributes } from './spec.js';

/**
 * `seo_optimizer`: what search engines read from a page (meta tags, headings, structured data, links,
 * alt text, canonical and hreflang, content, mobile friendliness, load time). Works from the fetched
 * HTML alone; in browser mode it also measures tap targets, horizontal scrolling and the load time.
 */
export const seoOptimizer: Profile<SeoLiveRaw | null> = {
  name: 'seo_optimizer',
  description:
    'Search-engine signals: meta tags, heading structure, schema markup, links, image alt text, canonical and hreflang, content, mobile friendliness and load time',
  needsBrowser: false,
  cdpDomains: [],
  attributes: SEO_ATTRIBUTES,
  qualityRule: SEO_QUALITY_RULE,
  gather: gatherSeo,
  toAttributes: seoAttributes,
  quality(attributes: Attributes): number {
    return toScore(weightedMean(seoChecks(attributes as SeoAttributes)));
  },
};

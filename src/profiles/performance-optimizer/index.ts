import type { Attributes, Profile } from '../profile.js';
import { gatherPerformance, type PerformanceRaw } from './gather.js';
import { performanceQuality } from './quality.js';
import { PERFORMANCE_ATTRIBUTES, PERFORMANCE_QUALITY_RULE, type PerformanceAttributes } from './spec.js';
import { performanceAttributes } from './to-attributes.js';

export type { PerformanceAttributes } from './spec.js';

/**
 * `performance_optimizer`: how fast the page loads and renders (navigation and paint timings, LCP, CLS,
 * long tasks and TBT, requests and bytes by type, render-blocking resources, DOM size, JS heap), read
 * after the load from the buffered performance timeline and CDP `Performance.getMetrics`.
 */
export const performanceOptimizer: Profile<PerformanceRaw> = {
  name: 'performance_optimizer',
  description:
    'Loading and rendering speed: navigation and paint timings, LCP, CLS, long tasks and total blocking time, resources by type, render-blocking resources, DOM size, JS heap',
  needsBrowser: true,
  cdpDomains: ['Performance', 'Network'],
  attributes: PERFORMANCE_ATTRIBUTES,
  qualityRule: PERFORMANCE_QUALITY_RULE,
  gather: gatherPerformance,
  toAttributes: performanceAttributes,
  quality(attributes: Attributes): number {
    return performanceQuality(attributes as PerformanceAttributes);
  },
};

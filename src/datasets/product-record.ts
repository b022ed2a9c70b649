import type { ProductProfileAttributes } from './product-profile.js';
import { scoreRecord } from './record-score.js';
import type { TopicRules } from './topic-rules.js';

/** Written into each record: records made by another extractor version can be told apart and re-mined. */
export const PRODUCT_EXTRACTOR_VERSION = 'product-1';

export interface ProductRecord {
  topic: string;
  profile: 'product';
  url: string;
  attributes: ProductProfileAttributes['product'];
  quality: number;
  missingFields: string[];
  needsTrainingData: boolean;
  issues: ProductProfileAttributes['issues'];
  extractorVersion: string;
}

/**
 * The training record of a page from its `product` profile result, scored by the topic's rules; null
 * when the page presents no single product (a listing, an article) or the profile failed there.
 */
export function productRecord(
  result: { attributes: Record<string, unknown>; error: string | null } | undefined,
  page: { url: string; topic: string },
  rules: TopicRules,
): ProductRecord | null {
  if (!result || result.error !== null) return null;
  const attributes = result.attributes as unknown as ProductProfileAttributes;
  if (!attributes.isProductPage) return null;
  const score = scoreRecord(attributes.product, rules, attributes.issues.length);
  return {
    topic: page.topic,
    profile: 'product',
    url: page.url,
    attributes: attributes.product,
    ...score,
    issues: attributes.issues,
    extractorVersion: PRODUCT_EXTRACTOR_VERSION,
  };
}

import type { PageFacts } from '../../extract/index.js';

// Enough for any real page's structured data; a pathological one stops here.
const MAX_VISITS = 2000;

/**
 * The types a page declares in JSON-LD (nested and `@graph` nodes included), microdata (nested items
 * included) and RDFa, by short name (`https://schema.org/Product` → `Product`), deduplicated in order.
 */
export function schemaTypes(facts: PageFacts): string[] {
  const types = new Set<string>();
  let visits = 0;
  const add = (value: unknown): void => {
    for (const type of Array.isArray(value) ? value : [value])
      if (typeof type === 'string' && type.trim()) types.add(shortName(type.trim()));
  };
  const visit = (value: unknown, typeKey: string): void => {
    if (++visits > MAX_VISITS || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, typeKey);
      return;
    }
    const record = value as Record<string, unknown>;
    add(record[typeKey]);
    for (const [key, child] of Object.entries(record)) if (key !== typeKey) visit(child, typeKey);
  };
  visit(facts.jsonLd, '@type');
  visit(facts.microdata, 'type');
  for (const node of facts.rdfa) add(node['@type']);
  return [...types];
}

function shortName(type: string): string {
  const cut = Math.max(type.lastIndexOf('/'), type.lastIndexOf('#'), type.lastIndexOf(':'));
  return cut >= 0 && cut < type.length - 1 ? type.slice(cut + 1) : type;
}

import { SOURCE_CONFIDENCE, type BreadcrumbTrail, type ProductSource } from './product-facts-types.js';
import { hasType, isNode, text, values, type SchemaNode } from './product-schema-node.js';

/** Breadcrumb trails declared in markup: schema.org BreadcrumbList anywhere, data-vocabulary.org crumbs. */

/** Entities walked at most looking for trails. */
const MAX_WALK = 4_000;
const BREADCRUMB_TYPES: ReadonlySet<string> = new Set(['breadcrumblist']);

/** Every BreadcrumbList among the entities (anywhere: `WebPage.breadcrumb` too) and data-vocabulary crumbs. */
export function breadcrumbTrails(
  roots: readonly SchemaNode[],
  source: Exclude<ProductSource, 'visible'>,
): BreadcrumbTrail[] {
  const trails: BreadcrumbTrail[] = [];
  const legacy: string[] = [];
  let budget = MAX_WALK;
  const walk = (node: SchemaNode, depth: number): void => {
    if (budget-- <= 0 || depth > 8) return;
    if (hasType(node, BREADCRUMB_TYPES)) {
      const items = listItems(node);
      if (items.length > 0) trails.push({ items, source, confidence: SOURCE_CONFIDENCE[source] });
      return;
    }
    if (node.types.includes('breadcrumb')) {
      // data-vocabulary.org: each crumb an entity of its own (`title`), in document order.
      const title = text(node, 'title', 'name');
      if (title !== null) legacy.push(title);
    }
    for (const list of node.props.values()) for (const v of list) if (isNode(v)) walk(v, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  if (legacy.length > 0) trails.push({ items: legacy, source, confidence: SOURCE_CONFIDENCE[source] * 0.9 });
  return trails;
}

function listItems(list: SchemaNode): string[] {
  const items = values(list, 'itemlistelement')
    .filter(isNode)
    .map((item, index) => {
      const position = Number(text(item, 'position'));
      const target = values(item, 'item').find(isNode);
      const name = text(item, 'name') ?? (target === undefined ? null : text(target, 'name'));
      return { name, order: Number.isFinite(position) ? position : index + 1, index };
    })
    .filter((i): i is { name: string; order: number; index: number } => i.name !== null);
  // Stable by position; pages that number every crumb 1 keep document order.
  items.sort((a, b) => a.order - b.order || a.index - b.index);
  return items.map((i) => i.name);
}

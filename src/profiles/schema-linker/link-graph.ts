import type { ElementScan, TaggedElement } from './collect.js';
import { CONFIDENCE, fieldReference, type Mapping } from './rules.js';
import type { Relationship, SchemaLink } from './spec.js';
import { tableFor } from './table-names.js';

/**
 * Every link of a page: each mapping of each tagged element (maps-to); each element against the nearest
 * enclosing element of another entity, or of the same table with another key (contained-in); the links,
 * form actions and fields inside an element that reference another table on the page (linked-to);
 * fields naming an entity outside any tagged element (maps-to, partial).
 */
export function linkGraph(scan: ElementScan, pageUrl: string): SchemaLink[] {
  const links: SchemaLink[] = [];
  const { elements } = scan;
  const primary = (e: TaggedElement): Mapping => e.mappings[0]!;
  const tablesOnPage = new Set(elements.flatMap((e) => e.mappings.map((m) => m.table)));
  const related = (
    e: TaggedElement,
    table: string,
    relationship: Relationship,
    pattern: string,
    confidence: number,
  ): SchemaLink => {
    const own = primary(e);
    return {
      attribute: own.attribute,
      from: own.table,
      table,
      column: own.column,
      relationship,
      confidence: Math.min(own.confidence, confidence),
      pattern,
      value: own.value,
      element: e.tag,
    };
  };

  elements.forEach((element) => {
    for (const m of element.mappings)
      links.push({
        attribute: m.attribute,
        from: m.table,
        table: m.table,
        column: m.column,
        relationship: 'maps-to',
        confidence: m.confidence,
        pattern: m.pattern,
        value: m.value,
        element: element.tag,
      });
    const own = primary(element);
    for (let p = element.parent; p >= 0; p = elements[p]!.parent) {
      const container = primary(elements[p]!);
      if (container.table === own.table && container.value === own.value) continue;
      links.push(
        related(
          element,
          container.table,
          'contained-in',
          `${own.pattern} inside ${container.pattern}`,
          container.confidence,
        ),
      );
      break;
    }
  });

  const page = safeUrl(pageUrl);
  for (const reference of scan.references) {
    const owner = reference.owner >= 0 ? elements[reference.owner] : undefined;
    if (reference.kind === 'field') {
      const field = fieldReference(reference.value);
      if (!field) continue;
      const table = tableFor(field.entity);
      if (owner && primary(owner).table !== table)
        links.push(related(owner, table, 'linked-to', 'field {entity}_id', CONFIDENCE.partial));
      else if (!owner)
        links.push({
          attribute: `field:${reference.value}`,
          from: table,
          table,
          column: field.column,
          relationship: 'maps-to',
          confidence: CONFIDENCE.partial,
          pattern: 'field {entity}_id',
          value: reference.key,
          element: 'input',
        });
      continue;
    }
    if (!owner || !page) continue;
    const target = safeUrl(reference.value, page);
    if (!target || target.host !== page.host) continue;
    const own = primary(owner).table;
    for (const segment of target.pathname.split('/').slice(0, -1)) {
      if (!/^[a-z][a-z-]{2,}$/i.test(segment)) continue;
      const table = tableFor(segment);
      if (table === own || !tablesOnPage.has(table)) continue;
      const pattern = reference.kind === 'href' ? 'href /{entity}/{key}' : 'form action /{entity}/{key}';
      links.push(related(owner, table, 'linked-to', pattern, CONFIDENCE.partial));
      break;
    }
  }
  return links;
}

function safeUrl(value: string, base?: URL): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

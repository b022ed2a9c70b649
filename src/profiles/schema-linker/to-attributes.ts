import type { PageSnapshot } from '../profile.js';
import { round } from '../scoring.js';
import { scanElements } from './collect.js';
import { linkGraph } from './link-graph.js';
import type { SchemaLinkerAttributes } from './spec.js';
import { singularize } from './table-names.js';

const MAX_LINKS = 200;
const MAX_SAMPLE_IDS = 5;
const MAX_DISTINCT_IDS = 1000;

/** The schema links of a page, from its HTML (fetched, or rendered in browser mode). */
export function schemaLinkerAttributes(_raw: null, page: PageSnapshot): SchemaLinkerAttributes {
  const scan = scanElements(page.html);
  const links = linkGraph(scan, page.url);
  const mapsTo = links.filter((l) => l.relationship === 'maps-to');

  const tables = new Map<string, { attributes: Set<string>; ids: Set<string>; occurrences: number }>();
  for (const link of mapsTo) {
    const entry = tables.get(link.table) ?? {
      attributes: new Set<string>(),
      ids: new Set<string>(),
      occurrences: 0,
    };
    entry.attributes.add(link.attribute);
    if (entry.ids.size < MAX_DISTINCT_IDS && link.value) entry.ids.add(link.value);
    entry.occurrences++;
    tables.set(link.table, entry);
  }

  const relationships = new Map<string, SchemaLinkerAttributes['relationships'][number]>();
  const patterns = new Map<string, SchemaLinkerAttributes['patterns'][number]>();
  for (const link of links) {
    if (link.relationship !== 'maps-to') {
      const key = `${link.from}\0${link.table}\0${link.relationship}\0${link.attribute}`;
      const entry = relationships.get(key);
      if (entry) entry.count++;
      else
        relationships.set(key, {
          from: link.from,
          to: link.table,
          type: link.relationship,
          via: link.attribute,
          count: 1,
        });
    }
    const key = `${link.attribute}\0${link.table}\0${link.relationship}`;
    const pattern = patterns.get(key);
    if (pattern) {
      pattern.occurrences++;
      pattern.confidence = Math.max(pattern.confidence, link.confidence);
    } else
      patterns.set(key, {
        attribute: link.attribute,
        table: link.table,
        relationship: link.relationship,
        pattern: link.pattern,
        confidence: link.confidence,
        occurrences: 1,
      });
  }

  const foreignKeys = new Map<string, SchemaLinkerAttributes['foreign_keys'][number]>();
  for (const r of relationships.values()) {
    const column = `${singularize(r.to)}_id`;
    const key = `${r.from}.${column}`;
    if (!foreignKeys.has(key)) foreignKeys.set(key, { table: r.from, column, references: `${r.to}.id` });
  }

  const count = (kind: number) => mapsTo.filter((l) => l.confidence === kind).length;
  return {
    links: links.slice(0, MAX_LINKS),
    entities: [...tables.keys()],
    tables: [...tables].map(([table, e]) => ({
      table,
      attributes: [...e.attributes],
      ids: e.ids.size,
      occurrences: e.occurrences,
      sampleIds: [...e.ids].slice(0, MAX_SAMPLE_IDS),
    })),
    relationships: [...relationships.values()],
    patterns: [...patterns.values()],
    exact_matches: count(0.9),
    partial_matches: count(0.7),
    inferred_matches: count(0.6),
    link_count: links.length,
    mean_confidence:
      links.length === 0 ? 0 : round(links.reduce((sum, l) => sum + l.confidence, 0) / links.length, 3),
    foreign_keys: [...foreignKeys.values()],
    unmapped_attributes: scan.unmapped,
  };
}

import type { AttributeSpec } from '../profile.js';

export type Relationship = 'maps-to' | 'contained-in' | 'linked-to';

export interface SchemaLink {
  /** The attribute as written: `data-user-id`, `itemid`, `id`, or `field:product_id` for a form field. */
  attribute: string;
  /** The table the element's own attribute maps to. */
  from: string;
  /** The table of the relationship: `from` itself for maps-to, the container's or the linked one's else. */
  table: string;
  column: string;
  relationship: Relationship;
  confidence: number;
  pattern: string;
  value: string;
  element: string;
}

/** What the schema linker yields for a page; every key is one of `SCHEMA_LINKER_ATTRIBUTES`. */
export type SchemaLinkerAttributes = {
  links: SchemaLink[];
  entities: string[];
  tables: { table: string; attributes: string[]; ids: number; occurrences: number; sampleIds: string[] }[];
  relationships: { from: string; to: string; type: Relationship; via: string; count: number }[];
  patterns: {
    attribute: string;
    table: string;
    relationship: Relationship;
    pattern: string;
    confidence: number;
    occurrences: number;
  }[];
  exact_matches: number;
  partial_matches: number;
  inferred_matches: number;
  link_count: number;
  mean_confidence: number;
  foreign_keys: { table: string; column: string; references: string }[];
  unmapped_attributes: string[];
};

export const SCHEMA_LINKER_ATTRIBUTES: AttributeSpec[] = [
  {
    name: 'links',
    type: 'object[]',
    description:
      'Page attributes mapped to tables (up to 200): attribute, its own table, the related table, column, relationship (maps-to, contained-in, linked-to), confidence, pattern, value, element',
  },
  {
    name: 'entities',
    type: 'string[]',
    description: 'The tables the page references, e.g. users, orders, products',
  },
  {
    name: 'tables',
    type: 'object[]',
    description: 'Per table: the attributes mapping to it, distinct ids, occurrences and a few sample ids',
  },
  {
    name: 'relationships',
    type: 'object[]',
    description:
      'Table-to-table relationships: contained-in (an entity element inside another’s) and linked-to (links, form actions and fields referencing another table), with the attribute and count',
  },
  {
    name: 'patterns',
    type: 'object[]',
    description:
      'The learnt patterns (attribute, table, relationship, pattern, confidence, occurrences): what is added to schema_link_patterns',
  },
  {
    name: 'exact_matches',
    type: 'number',
    description: 'maps-to links of the exact data-{entity}-id convention (0.9)',
  },
  {
    name: 'partial_matches',
    type: 'number',
    description:
      'maps-to links of partial patterns (0.7): data-{entity}, data-{entity}-key, data-sku, field names',
  },
  {
    name: 'inferred_matches',
    type: 'number',
    description: 'maps-to links inferred from itemtype, role or class hints on a generic key (0.6)',
  },
  { name: 'link_count', type: 'number', description: 'Links of all relationships' },
  { name: 'mean_confidence', type: 'number', description: 'Mean confidence of the links (0-1)' },
  {
    name: 'foreign_keys',
    type: 'object[]',
    description: 'Foreign keys implied by the relationships: orders.customer_id → customers.id',
  },
  {
    name: 'unmapped_attributes',
    type: 'string[]',
    description:
      'Key attributes (data-id, data-key…) found without a hint to map them: candidates for new patterns',
  },
];

export const SCHEMA_LINKER_QUALITY_RULE =
  'How much schema a page reveals, × 100 and rounded; 0 without links: 0.5 × mean link confidence + ' +
  '0.2 × min(1, tables ÷ 3) + 0.2 × min(1, contained-in and linked-to relationships ÷ 2) + ' +
  '0.1 × share of key attributes that mapped (mapped attribute names ÷ (mapped + unmapped)). ' +
  'Confidence: 0.9 for data-{entity}-id, 0.7 for partial patterns (data-{entity}, data-{entity}-key|uuid|code…, ' +
  'data-sku, data-{entity}id, {entity}_id fields, link paths /{entity}/…), 0.6 for a generic key (data-id, itemid, ' +
  'id="{entity}-123") whose entity comes from itemtype, role or class; a relationship takes the lower of its two ends.';

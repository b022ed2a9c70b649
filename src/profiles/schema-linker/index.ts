import type { Attributes, Profile } from '../profile.js';
import { schemaLinkerQuality } from './quality.js';
import { SCHEMA_LINKER_ATTRIBUTES, SCHEMA_LINKER_QUALITY_RULE, type SchemaLinkerAttributes } from './spec.js';
import { schemaLinkerAttributes } from './to-attributes.js';

export type { SchemaLinkerAttributes, SchemaLink, Relationship } from './spec.js';
export { schemaLinkPatternUpserts, type SchemaLinkPatternUpsert } from './patterns.js';
export { tableFor, pluralize, singularize } from './table-names.js';

/**
 * `schema_linker`: `data-{entity}-id` and similar attributes mapped to database tables, with how the
 * entities relate on the page (maps-to, contained-in, linked-to). It reads the page's HTML, which in
 * browser mode is the rendered DOM, so one code path serves both modes and `gather` has nothing to do.
 */
export const schemaLinker: Profile<null> = {
  name: 'schema_linker',
  description:
    'Page attributes mapped to database tables (data-{entity}-id → {entity}s) with confidence, and their relationships: maps-to, contained-in, linked-to',
  needsBrowser: false,
  cdpDomains: [],
  attributes: SCHEMA_LINKER_ATTRIBUTES,
  qualityRule: SCHEMA_LINKER_QUALITY_RULE,
  gather: () => Promise.resolve(null),
  toAttributes: schemaLinkerAttributes,
  quality(attributes: Attributes): number {
    return schemaLinkerQuality(attributes as SchemaLinkerAttributes);
  },
};

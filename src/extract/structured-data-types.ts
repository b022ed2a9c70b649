/**
 * The value shapes of structured-data extraction. They follow extruct's output so that the two compare
 * as JSON; the field docs say where a shape comes from.
 */
import type { OpenGraphItem } from './page-facts.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The syntaxes extraction knows, under extruct's names. */
export type Syntax = 'json-ld' | 'microdata' | 'rdfa' | 'opengraph' | 'microformat' | 'dublincore';
export const SYNTAXES: readonly Syntax[] = [
  'json-ld',
  'microdata',
  'rdfa',
  'opengraph',
  'microformat',
  'dublincore',
];

/**
 * A microdata item: `type` (a string, or a list when there are several or in strict mode), `id` (the
 * `itemid`), `properties` (name → value, or a list of values when repeated or in strict mode; a nested
 * item is a `MicrodataItem`), else `value` for an item without properties; `iid` in flat mode.
 */
export type MicrodataItem = JsonObject;

/** An expanded JSON-LD node object (`{"@id", "@type"?, predicate IRI: [{"@value"} | {"@id"} | {"@list"}]}`). */
export type RdfaNode = JsonObject;

/** A microformats2 item as mf2 parsers give it: `{type: ["h-…"], properties: {name: [values]}, children?}`. */
export type MicroformatItem = JsonObject;

/** One Dublin Core element or term: the element's attributes as written, plus `URI`, the term's IRI. */
export type DublinCoreEntry = Record<string, string>;

export interface DublinCoreItem {
  /** Declared schema prefixes (`<link rel="schema.DC" href>`) → namespace IRI. */
  namespaces: Record<string, string>;
  /** DCMES 1.1 elements (`DC.title`, `description`…), metas first, then links, each in document order. */
  elements: DublinCoreEntry[];
  /** DCMI terms (`DCTERMS.modified`, `<link rel="license">`…), in the same order. */
  terms: DublinCoreEntry[];
}

/**
 * What `extractStructuredData` returns: one key per syntax asked for, each a list in document order.
 * With `uniform`, microdata, microformats, OpenGraph and Dublin Core are flattened into JSON-LD-like
 * objects (`@context`, `@type`, then the properties).
 */
export interface StructuredData {
  'json-ld'?: unknown[];
  microdata?: JsonObject[];
  rdfa?: RdfaNode[];
  opengraph?: OpenGraphItem[] | JsonObject[];
  microformat?: JsonObject[];
  dublincore?: DublinCoreItem[] | JsonObject[];
}

import type { MicrodataItem, RdfaNode } from './structured-data-types.js';

/**
 * One schema.org entity, whatever syntax declared it: JSON-LD, microdata and RDFa each become this one
 * shape, so that finding the product and reading its offers is written once. Property names are the
 * vocabulary's local names, lower-cased (`priceCurrency`, `pricecurrency` and
 * `http://schema.org/priceCurrency` are all `pricecurrency`): pages spell them every way.
 */
export interface SchemaNode {
  /** Type local names, lower-cased (`product`, `offer`, `aggregateoffer`). */
  readonly types: readonly string[];
  readonly id: string | null;
  readonly props: ReadonlyMap<string, readonly SchemaValue[]>;
}

export type SchemaValue = string | SchemaNode;

/** Deeper nesting is not followed: real product markup is a few levels deep; a page can nest thousands. */
const MAX_DEPTH = 24;
/** Entities read from one syntax of one page, at most: bounds the work on pathological pages. */
const MAX_NODES = 5_000;

/** `http://schema.org/Product`, `schema:Product`, `Product` → `product`. */
export function localName(term: string): string {
  const cut = Math.max(term.lastIndexOf('/'), term.lastIndexOf('#'), term.lastIndexOf(':'));
  return term
    .slice(cut + 1)
    .trim()
    .toLowerCase();
}

export function isNode(value: SchemaValue | undefined): value is SchemaNode {
  return typeof value === 'object' && value !== null;
}

/** The values of a property, in order; `[]` when absent. */
export function values(node: SchemaNode, ...names: string[]): readonly SchemaValue[] {
  if (names.length === 1) return node.props.get(names[0] as string) ?? [];
  return names.flatMap((name) => node.props.get(name) ?? []);
}

/** The first text value of the first of `names` that has one (a node's `name` stands for the node). */
export function text(node: SchemaNode, ...names: string[]): string | null {
  for (const name of names) {
    for (const value of node.props.get(name) ?? []) {
      const t = isNode(value) ? nodeText(value) : value;
      if (t !== null && t.trim() !== '') return t;
    }
  }
  return null;
}

/** A nested entity read as text: its `name`, else its `@value`-like `value`, else its id. */
function nodeText(node: SchemaNode): string | null {
  for (const name of ['name', 'value', 'url']) {
    const first = node.props.get(name)?.find((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (first !== undefined) return first;
  }
  return null;
}

export function hasType(node: SchemaNode, types: ReadonlySet<string>): boolean {
  return node.types.some((t) => types.has(t));
}

class Budget {
  remaining = MAX_NODES;
}

/** JSON-LD items (as `extractJsonLd` gives them) → entities; `@graph` members are entities of their own. */
export function nodesFromJsonLd(items: readonly unknown[]): SchemaNode[] {
  const budget = new Budget();
  const byId = new Map<string, Record<string, unknown>>();
  const roots: Record<string, unknown>[] = [];
  // Blocks, arrays of blocks, `@graph` arrays (a graph inside a graph at most): the roots.
  const collect = (value: unknown, depth: number): void => {
    if (depth > 2) return;
    if (Array.isArray(value)) {
      for (const v of value) collect(v, depth);
      return;
    }
    if (!isRecord(value)) return;
    const graph = value['@graph'];
    if (graph !== undefined) collect(graph, depth + 1);
    if (Object.keys(value).some((k) => k !== '@graph' && k !== '@context')) roots.push(value);
  };
  collect(items, 0);
  // `{"@id": "#product"}` elsewhere in the page's JSON-LD refers to the entity declared with that id.
  const index = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) for (const v of value) index(v, depth + 1);
    else if (isRecord(value)) {
      const id = value['@id'];
      if (typeof id === 'string' && Object.keys(value).length > 1 && !byId.has(id)) byId.set(id, value);
      for (const [key, v] of Object.entries(value)) if (key !== '@context') index(v, depth + 1);
    }
  };
  index(roots, 0);
  const convert = (value: Record<string, unknown>, depth: number, seen: Set<unknown>): SchemaNode => {
    const id = typeof value['@id'] === 'string' ? value['@id'] : null;
    let source = value;
    if (id !== null && Object.keys(value).length === 1) source = byId.get(id) ?? value;
    const props = new Map<string, SchemaValue[]>();
    const node: SchemaNode = { types: typesOf(source['@type']), id, props };
    if (seen.has(source) || depth > MAX_DEPTH || budget.remaining <= 0) return node;
    budget.remaining -= 1;
    seen.add(source);
    for (const [key, raw] of Object.entries(source)) {
      if (key.startsWith('@')) continue;
      const name = localName(key);
      const list = props.get(name) ?? [];
      for (const v of Array.isArray(raw) ? raw : [raw]) {
        if (typeof v === 'string') list.push(v);
        else if (typeof v === 'number' || typeof v === 'boolean') list.push(String(v));
        else if (isRecord(v)) {
          if ('@value' in v && (typeof v['@value'] === 'string' || typeof v['@value'] === 'number'))
            list.push(String(v['@value']));
          else list.push(convert(v, depth + 1, seen));
        }
      }
      if (list.length > 0) props.set(name, list);
    }
    seen.delete(source);
    return node;
  };
  return roots.map((root) => convert(root, 0, new Set()));
}

/** Microdata items in extruct's shape (nested) → entities. */
export function nodesFromMicrodata(items: readonly MicrodataItem[]): SchemaNode[] {
  const budget = new Budget();
  const convert = (item: MicrodataItem, depth: number): SchemaNode => {
    const props = new Map<string, SchemaValue[]>();
    const id = typeof item['id'] === 'string' ? item['id'] : null;
    const node: SchemaNode = { types: typesOf(item['type']), id, props };
    if (depth > MAX_DEPTH || budget.remaining <= 0) return node;
    budget.remaining -= 1;
    const properties = item['properties'];
    if (!isRecord(properties)) {
      const value = item['value'];
      if (typeof value === 'string') props.set('value', [value]);
      return node;
    }
    for (const [key, raw] of Object.entries(properties)) {
      // One itemprop may name several properties (`itemprop="price lowPrice"`): extruct keeps the words.
      for (const name of key.split(/\s+/).filter(Boolean).map(localName)) {
        const list = props.get(name) ?? [];
        for (const v of Array.isArray(raw) ? raw : [raw]) {
          if (typeof v === 'string') list.push(v);
          else if (typeof v === 'number') list.push(String(v));
          else if (isRecord(v)) list.push(convert(v, depth + 1));
        }
        if (list.length > 0) props.set(name, list);
      }
    }
    return node;
  };
  return items.map((item) => convert(item, 0));
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/**
 * RDFa (expanded JSON-LD node objects) → entities. Only typed nodes are roots; a reference to another
 * node of the page is followed (cycles cut), so an RDFa Product links its Offer as JSON-LD nests it.
 */
export function nodesFromRdfa(nodes: readonly RdfaNode[]): SchemaNode[] {
  const budget = new Budget();
  const byId = new Map<string, RdfaNode>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const convert = (raw: RdfaNode, depth: number, seen: Set<RdfaNode>): SchemaNode => {
    const props = new Map<string, SchemaValue[]>();
    const types = [...typesOf(raw['@type']), ...typesOf(idsOf(raw[RDF_TYPE]))];
    const node: SchemaNode = { types, id: typeof raw['@id'] === 'string' ? raw['@id'] : null, props };
    if (depth > MAX_DEPTH || budget.remaining <= 0 || seen.has(raw)) return node;
    budget.remaining -= 1;
    seen.add(raw);
    for (const [predicate, objects] of Object.entries(raw)) {
      if (predicate.startsWith('@') || predicate === RDF_TYPE || !Array.isArray(objects)) continue;
      const name = localName(predicate);
      const list = props.get(name) ?? [];
      for (const object of objects) {
        if (!isRecord(object)) continue;
        const value = object['@value'];
        const ref = object['@id'];
        if (typeof value === 'string' || typeof value === 'number') list.push(String(value));
        else if (typeof ref === 'string') {
          const target = byId.get(ref);
          list.push(target !== undefined && target !== raw ? convert(target, depth + 1, seen) : ref);
        }
      }
      if (list.length > 0) props.set(name, list);
    }
    seen.delete(raw);
    return node;
  };
  return nodes
    .filter((n) => n['@type'] !== undefined || n[RDF_TYPE] !== undefined)
    .map((n) => convert(n, 0, new Set()));
}

function idsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => (isRecord(v) && typeof v['@id'] === 'string' ? [v['@id']] : []));
}

function typesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map(localName);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type * as RDF from '@rdfjs/types';
import type { JsonObject, JsonValue, RdfaNode } from './structured-data-types.js';

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDF_TYPE = `${RDF_NS}type`;
const RDF_FIRST = `${RDF_NS}first`;
const RDF_REST = `${RDF_NS}rest`;
const RDF_NIL = `${RDF_NS}nil`;
const RDF_LIST = `${RDF_NS}List`;
const RDF_LANG_STRING = `${RDF_NS}langString`;
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
const PY_FLOAT =
  /^\s*[+-]?(?:(?:\d+(?:_\d+)*)?\.?\d+(?:_\d+)*(?:[eE][+-]?\d+)?|\d+\.|inf(?:inity)?|nan)\s*$/i;

/**
 * RDF quads → expanded JSON-LD node objects, as rdflib serializes a graph for extruct (so that the output
 * compares with extruct's): one node per IRI subject and per blank node (a blank node only used as an
 * object is listed too), `rdf:type` as `@type`, well-formed `rdf:first`/`rdf:rest` chains as `@list`,
 * integers, booleans and doubles as JSON values (rdflib's native types), other typed literals with
 * `@type`, language-tagged ones with `@language`. Duplicate triples count once. Nodes and values come in
 * the order the triples were found (document order); blank nodes are named `_:b0`, `_:b1`… in that order.
 * Synchronous, unlike `jsonld.fromRDF`, because extraction is.
 */
export function quadsToExpandedJsonLd(quads: readonly RDF.Quad[]): RdfaNode[] {
  return new Converter(quads).convert();
}

type Term = RDF.Quad_Subject | RDF.Quad_Object;

class Converter {
  /** subject key → predicate IRI → objects, deduplicated, in first-seen order. */
  readonly #bySubject = new Map<string, Map<string, Map<string, RDF.Term>>>();
  readonly #subjects = new Map<string, Term>();
  readonly #usedAsObject = new Set<string>();
  readonly #blankNames = new Map<string, string>();
  readonly #nodes = new Map<string, JsonObject>();

  constructor(quads: readonly RDF.Quad[]) {
    for (const { subject, predicate, object } of quads) {
      const key = termKey(subject);
      this.#subjects.set(key, subject);
      let predicates = this.#bySubject.get(key);
      if (predicates === undefined) this.#bySubject.set(key, (predicates = new Map()));
      let objects = predicates.get(predicate.value);
      if (objects === undefined) predicates.set(predicate.value, (objects = new Map()));
      objects.set(termKey(object), object);
      if (object.termType === 'BlankNode') this.#usedAsObject.add(termKey(object));
      this.#name(subject);
      this.#name(object);
    }
  }

  convert(): RdfaNode[] {
    for (const [key, subject] of this.#subjects) {
      // A blank node used as an object is reached from where it is used, or not at all (rdflib's rule).
      if (subject.termType === 'NamedNode' || !this.#usedAsObject.has(key)) this.#node(subject);
    }
    return [...this.#nodes.values()];
  }

  #name(term: RDF.Term): void {
    if (term.termType === 'BlankNode' && !this.#blankNames.has(term.value))
      this.#blankNames.set(term.value, `_:b${this.#blankNames.size}`);
  }

  #id(term: RDF.Term): string {
    return term.termType === 'BlankNode' ? (this.#blankNames.get(term.value) as string) : term.value;
  }

  #node(subject: RDF.Term): void {
    const id = this.#id(subject);
    if (this.#nodes.has(id)) return;
    const node: JsonObject = { '@id': id };
    this.#nodes.set(id, node);
    for (const [predicate, objects] of this.#bySubject.get(termKey(subject)) ?? []) {
      for (const object of objects.values()) {
        let key = predicate;
        let value: JsonValue;
        if (predicate === RDF_TYPE) {
          key = '@type';
          value = object.termType === 'NamedNode' ? object.value : this.#value(object);
        } else {
          value = this.#value(object);
        }
        const values = node[key];
        if (Array.isArray(values)) values.push(value);
        else node[key] = [value];
      }
    }
  }

  #value(object: RDF.Term): JsonValue {
    const list = this.#list(object);
    if (list !== null) return { '@list': list.map((item) => this.#value(item)) };
    if (object.termType === 'BlankNode') {
      this.#node(object);
      return { '@id': this.#id(object) };
    }
    if (object.termType !== 'Literal') return { '@id': object.value };
    return literalValue(object);
  }

  /** The items of a well-formed RDF collection starting at `head`, else `null` (rdflib's `to_collection`). */
  #list(head: RDF.Term): RDF.Term[] | null {
    if (!(head.termType === 'NamedNode' && head.value === RDF_NIL) && this.#first(head) === undefined)
      return null;
    const items: RDF.Term[] = [];
    const chain = new Set<string>([termKey(head)]);
    let cell: RDF.Term | undefined = head;
    while (cell !== undefined) {
      if (cell.termType === 'NamedNode' && cell.value === RDF_NIL) return items;
      if (cell.termType === 'NamedNode') return null;
      let first: RDF.Term | undefined;
      let rest: RDF.Term | undefined;
      for (const [predicate, objects] of this.#bySubject.get(termKey(cell)) ?? []) {
        for (const object of objects.values()) {
          if (first === undefined && predicate === RDF_FIRST) first = object;
          else if (rest === undefined && predicate === RDF_REST) rest = object;
          else if (!(predicate === RDF_TYPE && object.value === RDF_LIST)) return null;
        }
      }
      if (first === undefined) return null;
      items.push(first);
      cell = rest;
      if (cell === undefined) return null;
      if (chain.has(termKey(cell))) return null;
      chain.add(termKey(cell));
    }
    return null;
  }

  #first(term: RDF.Term): RDF.Term | undefined {
    const objects = this.#bySubject.get(termKey(term))?.get(RDF_FIRST);
    return objects?.values().next().value;
  }
}

function termKey(term: RDF.Term): string {
  if (term.termType === 'Literal') return `L${term.value}\u0000${term.language}\u0000${term.datatype.value}`;
  return `${term.termType === 'BlankNode' ? 'B' : 'N'}${term.value}`;
}

function literalValue(literal: RDF.Literal): JsonValue {
  const datatype = literal.datatype.value;
  const text = literal.value;
  if (literal.language !== '' || datatype === RDF_LANG_STRING)
    return { '@language': literal.language, '@value': text };
  if (datatype === `${XSD}string`) return { '@value': text };
  const native = nativeValue(datatype, text);
  if (native !== undefined) return { '@value': native };
  return { '@type': datatype, '@value': text };
}

/**
 * rdflib's native conversion for integers, booleans and doubles (what `toPython()` gives); a lexical form
 * Python cannot convert stays a string, without its datatype, as rdflib writes it.
 */
function nativeValue(datatype: string, text: string): JsonValue | undefined {
  switch (datatype) {
    case `${XSD}integer`:
      return PY_INT.test(text) ? Number(text.replace(/_/g, '')) : text;
    case `${XSD}boolean`: {
      const lower = text.toLowerCase();
      return lower === 'true' || lower === '1';
    }
    case `${XSD}double`: {
      if (!PY_FLOAT.test(text)) return text;
      const number = Number(text.trim().replace(/_/g, ''));
      return Number.isFinite(number) ? number : text;
    }
    default:
      return undefined;
  }
}

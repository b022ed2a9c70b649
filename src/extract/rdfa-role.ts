import type * as RDF from '@rdfjs/types';
import type { DataFactory } from 'rdf-data-factory';
import { pySplit, pyStrip } from './python-strings.js';

/**
 * The `role` attribute as extruct's RDFa processor (pyRdfa) reads it
 * (https://www.w3.org/TR/role-attribute/#using-role-in-conjunction-with-rdfa), done here rather than by the
 * streaming parser because the two differ where pages are odd: pyRdfa names the subject `base#id`, by
 * concatenation (so a base with a fragment keeps it, and an empty `id` still names one), and reads a value
 * that is neither a term nor a CURIE as nothing, where the parser makes a vocabulary IRI of anything.
 */
const XHTML_VOCAB = 'http://www.w3.org/1999/xhtml/vocab#';
const ROLE = `${XHTML_VOCAB}role`;
const TERM = /^[A-Za-z]([A-Za-z0-9._-]|\/)*$/;
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** pyRdfa's RDFa 1.1 initial prefixes (the W3C initial context), which role CURIEs may use undeclared. */
export const INITIAL_PREFIXES: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'as https://www.w3.org/ns/activitystreams# csvw http://www.w3.org/ns/csvw# dcat http://www.w3.org/ns/dcat# ' +
    'dqv http://www.w3.org/ns/dqv# duv https://www.w3.org/ns/duv# qb http://purl.org/linked-data/cube# ' +
    'org http://www.w3.org/ns/org# owl http://www.w3.org/2002/07/owl# gr http://purl.org/goodrelations/v1# ' +
    'ctag http://commontag.org/ns# cc http://creativecommons.org/ns# grddl http://www.w3.org/2003/g/data-view# ' +
    'jsonld http://www.w3.org/ns/json-ld# ldp http://www.w3.org/ns/ldp# oa http://www.w3.org/ns/oa# ' +
    'rif http://www.w3.org/2007/rif# sioc http://rdfs.org/sioc/ns# skos http://www.w3.org/2004/02/skos/core# ' +
    'xml http://www.w3.org/XML/1998/namespace rr http://www.w3.org/ns/r2rml# ' +
    'rdfs http://www.w3.org/2000/01/rdf-schema# rev http://purl.org/stuff/rev# rdfa http://www.w3.org/ns/rdfa# ' +
    'dc http://purl.org/dc/terms/ dcterms http://purl.org/dc/terms/ dc11 http://purl.org/dc/elements/1.1/ ' +
    'foaf http://xmlns.com/foaf/0.1/ void http://rdfs.org/ns/void# ical http://www.w3.org/2002/12/cal/icaltzd# ' +
    'vcard http://www.w3.org/2006/vcard/ns# wdrs http://www.w3.org/2007/05/powder-s# og http://ogp.me/ns# ' +
    'wdr http://www.w3.org/2007/05/powder# rdf http://www.w3.org/1999/02/22-rdf-syntax-ns# ' +
    'xhv http://www.w3.org/1999/xhtml/vocab# xsd http://www.w3.org/2001/XMLSchema# ' +
    'v http://rdf.data-vocabulary.org/# skosxl http://www.w3.org/2008/05/skos-xl# schema http://schema.org/ ' +
    'ssn http://www.w3.org/ns/ssn/ sosa http://www.w3.org/ns/sosa/ time http://www.w3.org/2006/time# ' +
    'ma http://www.w3.org/ns/ma-ont# sd http://www.w3.org/ns/sparql-service-description# ' +
    'prov http://www.w3.org/ns/prov# odrl http://www.w3.org/ns/odrl/2/'
  )
    .split(' ')
    .flatMap((_, i, all) => (i % 2 === 0 ? [[all[i] as string, all[i + 1] as string]] : [])),
);

/** The prefixes an element declares (`xmlns:p="…"`, `prefix="p: …"`) on top of those it inherits. */
export function declaredPrefixes(
  attribs: Record<string, string>,
  inherited: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  let prefixes: Record<string, string> | null = null;
  for (const name in attribs) {
    if (!name.startsWith('xmlns:')) continue;
    (prefixes ??= { ...inherited })[name.slice(6).toLowerCase()] = attribs[name] as string;
  }
  const declaration = attribs['prefix'];
  if (declaration !== undefined) {
    for (const match of declaration.matchAll(/([^\s:]+):\s+(\S+)/g))
      (prefixes ??= { ...inherited })[(match[1] as string).toLowerCase()] = match[2] as string;
  }
  return prefixes ?? inherited;
}

/** The role triples of one element. */
export function roleQuads(
  attribs: Record<string, string>,
  base: string,
  prefixesInScope: () => Readonly<Record<string, string>>,
  factory: DataFactory,
): RDF.Quad[] {
  const role = attribs['role'];
  if (role === undefined) return [];
  const id = attribs['id'];
  const subject = id === undefined ? factory.blankNode() : factory.namedNode(`${base}#${pyStrip(id)}`);
  const quads: RDF.Quad[] = [];
  for (const token of pySplit(role)) {
    const object = roleIri(token, prefixesInScope);
    if (object !== null)
      quads.push(factory.quad(subject, factory.namedNode(ROLE), factory.namedNode(object)));
  }
  return quads;
}

/** A role value's IRI; the prefixes in scope are only worked out for a CURIE (rare: roles are ARIA terms). */
function roleIri(token: string, prefixesInScope: () => Readonly<Record<string, string>>): string | null {
  if (TERM.test(token)) return `${XHTML_VOCAB}${token}`;
  const colon = token.indexOf(':');
  if (colon > 0) {
    const namespace = prefixesInScope()[token.slice(0, colon).toLowerCase()];
    if (namespace !== undefined) return `${namespace}${token.slice(colon + 1)}`;
  }
  return ABSOLUTE_IRI.test(token) ? token : null;
}

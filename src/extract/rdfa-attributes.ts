import { isTag, type AnyNode, type Element } from 'domhandler';
import { declaredPrefixes, INITIAL_PREFIXES } from './rdfa-role.js';

/**
 * The attributes the RDFa streaming parser is given for each replayed element, adjusted where the parser
 * and extruct's processor (pyRdfa) read the same markup differently, plus which elements the replay needs.
 */

export type Prefixes = Readonly<Record<string, string>>;

/** What an element inherits: whether a vocabulary is in effect, and the prefixes in scope. */
export interface AttributeContext {
  readonly vocab: boolean;
  readonly prefixes: Prefixes;
  /** Inside a value kept as markup (`datatype` `rdf:XMLLiteral` or `rdf:HTML`): every attribute is content. */
  readonly markup: boolean;
}

/**
 * Prefixes extruct adds to the RDFa 1.1 initial context (OpenGraph's and Twitter's vocabularies, used
 * without declaration on most pages). A page's own declarations override them.
 */
export const EXTRA_PREFIXES: Prefixes = {
  twitter: 'https://dev.twitter.com/cards#',
  fb: 'http://ogp.me/ns/fb#',
  og: 'http://ogp.me/ns#',
  music: 'http://ogp.me/ns/music#',
  video: 'http://ogp.me/ns/video#',
  article: 'http://ogp.me/ns/article#',
  book: 'http://ogp.me/ns/book#',
  profile: 'http://ogp.me/ns/profile#',
};
const ROOT_PREFIXES: Prefixes = { ...INITIAL_PREFIXES, ...EXTRA_PREFIXES };

/** The prefixes in scope at an element (RDFa 1.1): the initial ones and those its ancestors declare. */
export function prefixesAt(element: Element): Prefixes {
  const chain: Element[] = [];
  for (
    let node: Element | null = element;
    node !== null;
    node = isTag(node.parent as AnyNode) ? (node.parent as Element) : null
  )
    chain.push(node);
  return chain.reduceRight((prefixes, node) => declaredPrefixes(node.attribs, prefixes), ROOT_PREFIXES);
}

// `rel` and `rev` emit only CURIEs or IRIs (with a colon) and the initial context's terms.
const EMITTING_LINK_TYPE = /:|(?:^|\s)(?:license|describedby|role)(?:\s|$)/i;

/** Whether a `rel` or `rev` value can emit triples (the single walk's scan asks, for every link). */
export function isEmittingLinkType(value: string): boolean {
  return EMITTING_LINK_TYPE.test(value);
}

/** Whether the element's descendants (all of them, text included) make its value or complete its links. */
export function needsSubtree(attribs: Record<string, string>): boolean {
  return (
    attribs['property'] !== undefined ||
    attribs['rel'] !== undefined ||
    attribs['rev'] !== undefined ||
    (attribs['typeof'] ?? '').includes('Pattern')
  );
}

export function rootContext(attribs: Record<string, string>, rdfa10: boolean): AttributeContext {
  return innerContext(
    attribs,
    { vocab: false, prefixes: rdfa10 ? {} : ROOT_PREFIXES, markup: false },
    rdfa10,
  );
}

export function innerContext(
  attribs: Record<string, string>,
  outer: AttributeContext,
  rdfa10: boolean,
): AttributeContext {
  const vocab = attribs['vocab'];
  const datatype = attribs['datatype'];
  return {
    // `vocab=""` goes back to no vocabulary. RDFa 1.0 has neither `vocab` nor `prefix`.
    vocab: rdfa10 ? false : vocab === undefined ? outer.vocab : vocab !== '',
    prefixes: declaredPrefixes(rdfa10 ? withoutPrefixAttribute(attribs) : attribs, outer.prefixes),
    markup: outer.markup || (datatype !== undefined && /XMLLiteral|HTML/.test(datatype)),
  };
}

/**
 * The root's attributes. When the extra prefixes could not be put in the parser's initial context, they
 * are declared here (RDFa 1.1 only); `xmlns:x` is read before `prefix` and a later prefix wins, so the
 * extras go first and those the root declares with `xmlns:` are left out. Declared this way they make
 * the parser copy its prefix map at every element: the initial context is the better place.
 */
export function rootAttributes(
  attribs: Record<string, string>,
  context: AttributeContext,
  rdfa10: boolean,
  declareExtras: boolean,
): Record<string, string> {
  if (rdfa10 || !declareExtras) return elementAttributes(attribs, context, rdfa10);
  const extras = Object.entries(EXTRA_PREFIXES)
    .filter(([prefix]) => attribs[`xmlns:${prefix}`] === undefined)
    .map(([prefix, iri]) => `${prefix}: ${iri}`)
    .join(' ');
  const own = attribs['prefix'];
  return elementAttributes(
    { ...attribs, prefix: own === undefined ? extras : `${extras} ${own}` },
    context,
    false,
  );
}

// The RDFa 1.1 initial context's terms. rdfa-streaming-parser keeps terms and prefixes in one map, so a
// bare prefix name (`property="og"`) would otherwise read as the prefix's namespace IRI.
const TERMS: ReadonlySet<string> = new Set(['describedby', 'license', 'role']);
// RDFa 1.0: XHTML's reserved link types, the only names without a colon `rel` and `rev` take.
const RESERVED_LINK_TYPES: ReadonlySet<string> = new Set(
  'alternate appendix bookmark cite chapter contents copyright first glossary help icon index last license meta next p3pv1 prev previous role section stylesheet subsection start top up'.split(
    ' ',
  ),
);
const TERM_ATTRIBUTES = ['property', 'typeof', 'rel', 'rev', 'datatype'] as const;

/**
 * A copy (the parser edits what it is given) of the attributes the parser reads (all of them inside a
 * value kept as markup, which serializes them), in which names that mean nothing are dropped from the
 * term-taking attributes: without a vocabulary, a name without a colon is one of the defined terms or
 * nothing; in RDFa 1.0 a CURIE must use a prefix declared with `xmlns:` (1.0 has no initial context).
 */
export function elementAttributes(
  attribs: Record<string, string>,
  context: AttributeContext,
  rdfa10: boolean,
): Record<string, string> {
  const attributes = context.markup ? { ...attribs } : processedAttributes(attribs);
  if (rdfa10) delete attributes['prefix'];
  if (context.vocab) return attributes;
  for (const name of TERM_ATTRIBUTES) {
    const value = attributes[name];
    if (value === undefined) continue;
    const keep = (token: string): boolean => {
      const colon = token.indexOf(':');
      if (!rdfa10) return colon !== -1 || name === 'datatype' || TERMS.has(token.toLowerCase());
      if (colon === -1)
        return (name === 'rel' || name === 'rev') && RESERVED_LINK_TYPES.has(token.toLowerCase());
      return context.prefixes[token.slice(0, colon).toLowerCase()] !== undefined;
    };
    attributes[name] = value.split(/\s+/).filter(keep).join(' ');
  }
  return attributes;
}

// What the parser reads of an element (with the features extruct's reading needs). Pages carry dozens of
// other attributes (`data-*`, `aria-*`): copying those for every replayed element is most of the work.
const PROCESSED = new Set(
  'about content datatype href src inlist prefix property rel rev resource typeof vocab xml:lang xmlns'.split(
    ' ',
  ),
);

function processedAttributes(attribs: Record<string, string>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const name in attribs) {
    if (PROCESSED.has(name) || name.startsWith('xmlns:')) attributes[name] = attribs[name] as string;
  }
  return attributes;
}

function withoutPrefixAttribute(attribs: Record<string, string>): Record<string, string> {
  const { prefix: _prefix, ...rest } = attribs;
  return rest;
}

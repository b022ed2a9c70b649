import type { Element } from 'domhandler';
import type { ParsedPage } from './parsed-page.js';
import { stripHtml5Whitespace } from './python-strings.js';
import type { DublinCoreEntry, DublinCoreItem } from './structured-data-types.js';

const ELEMENTS_NS = 'http://purl.org/dc/elements/1.1/';
const TERMS_NS = 'http://purl.org/dc/terms/';

/** DCMES 1.1 (https://www.dublincore.org/specifications/dublin-core/dces/), by lower-cased name. */
const DC_ELEMENTS: ReadonlyMap<string, string> = new Map(
  'contributor coverage creator date description format identifier language publisher relation rights source subject title type'
    .split(' ')
    .map((name) => [name, `${ELEMENTS_NS}${name}`]),
);

/** DCMI terms (2008 edition), by lower-cased name, as extruct lists them (classes included). */
const DC_TERMS: ReadonlyMap<string, string> = new Map(
  (
    'abstract description accessRights rights RightsStatement accrualMethod Collection accrualPeriodicity ' +
    'Frequency accrualPolicy Policy alternative title audience AgentClass available date bibliographicCitation ' +
    'identifier BibliographicResource conformsTo relation Standard contributor Agent coverage ' +
    'LocationPeriodOrJurisdiction created creator dateAccepted dateCopyrighted dateSubmitted educationLevel ' +
    'extent format SizeOrDuration MediaTypeOrExtent hasFormat hasPart hasVersion instructionalMethod ' +
    'MethodOfInstruction isFormatOf isPartOf isReferencedBy isReplacedBy isRequiredBy issued isVersionOf ' +
    'language LinguisticSystem license LicenseDocument mediator medium PhysicalResource PhysicalMedium ' +
    'modified provenance ProvenanceStatement publisher references replaces requires rightsHolder source ' +
    'spatial Location subject tableOfContents temporal PeriodOfTime type valid'
  )
    .split(' ')
    .map((name) => [name.toLowerCase(), `${TERMS_NS}${name}`]),
);

const NAMESPACES: ReadonlySet<string> = new Set([TERMS_NS, ELEMENTS_NS]);

/** The part after the last dot, lower-cased: `DC.Date.modified` → `modified` (extruct's `get_lower_attrib`). */
export function dublinCoreName(name: string): string {
  return name.replace(/.*\./, '').toLowerCase();
}

/**
 * Dublin Core in extruct's shape: always one item, with the declared `schema.*` prefixes, then every
 * `<meta name>` and `<link rel>` naming a DCMES element or a DCMI term (`DC.title`, `DCTERMS.modified`, and
 * also plain `description` or `rel="license"`, which the vocabularies define), with all the element's
 * attributes and the term's IRI as `URI`.
 */
export function extractDublinCore(page: ParsedPage): DublinCoreItem[] {
  const namespaces: Record<string, string> = {};
  const elements: DublinCoreEntry[] = [];
  const terms: DublinCoreEntry[] = [];
  for (const link of page.index.linkTags) {
    const rel = link.attribs['rel'];
    const href = link.attribs['href'];
    if (rel === undefined || !rel.includes('schema') || href === undefined) continue;
    const url = stripHtml5Whitespace(href);
    if (NAMESPACES.has(url)) namespaces[rel.replace(/schema\./g, '')] = url;
  }
  const collect = (element: Element, attribute: string): void => {
    const name = element.attribs[attribute];
    if (name === undefined) return;
    const key = dublinCoreName(name);
    const elementUri = DC_ELEMENTS.get(key);
    const termUri = elementUri === undefined ? DC_TERMS.get(key) : undefined;
    if (elementUri !== undefined) elements.push({ ...element.attribs, URI: elementUri });
    else if (termUri !== undefined) terms.push({ ...element.attribs, URI: termUri });
  };
  for (const meta of page.index.metas) collect(meta, 'name');
  for (const link of page.index.linkTags) collect(link, 'rel');
  return [{ namespaces, elements, terms }];
}

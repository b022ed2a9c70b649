import { isDeepStrictEqual } from 'node:util';
import jsonld from 'jsonld';
import { DataFactory } from 'rdf-data-factory';
import { isomorphic } from 'rdf-isomorphic';
import type * as RDF from '@rdfjs/types';
import {
  extractStructuredData,
  SYNTAXES,
  type StructuredDataOptions,
  type Syntax,
} from '../extract/index.js';
import type { EvalFamily, EvalRow } from './family.js';
import { readJson, readJsonLines, requireFile } from './folder.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A case of a folder laid out like `../shared/fixtures/structured-data` (`cases.jsonl`, see its README). */
export interface StructuredDataCase {
  id: string;
  syntax: Syntax | 'all';
  html: string;
  expected: string;
  options: {
    base_url?: string;
    strict?: boolean;
    nested?: boolean;
    uniform?: boolean;
    with_og_array?: boolean;
    add_text_content?: boolean;
  };
  /** `exact_json`, `jsonld_graph_isomorphic`, or `exact_json_key:<key>`. */
  compare: string;
}

export async function loadStructuredDataCases(folder: string): Promise<StructuredDataCase[]> {
  return readJsonLines<StructuredDataCase>(requireFile(folder, 'cases.jsonl', 'structured-data'));
}

/** extruct's options of a case, as ours. */
export function optionsOf(item: StructuredDataCase): StructuredDataOptions {
  const { base_url, strict, nested, uniform, with_og_array, add_text_content } = item.options ?? {};
  return {
    ...(base_url === undefined ? {} : { url: base_url }),
    ...(item.syntax === 'all' ? {} : { syntaxes: [item.syntax] }),
    ...(strict === undefined ? {} : { strict }),
    ...(nested === undefined ? {} : { nested }),
    ...(uniform === undefined ? {} : { uniform }),
    ...(with_og_array === undefined ? {} : { withOgArray: with_og_array }),
    ...(add_text_content === undefined ? {} : { addTextContent: add_text_content }),
  };
}

/** Run one case and compare as it says: exact JSON, one key's exact JSON, or RDF graphs modulo blank-node names. */
export async function checkStructuredDataCase(
  folder: string,
  item: StructuredDataCase,
): Promise<{ pass: boolean; detail: string }> {
  const html = await readFile(join(folder, item.html), 'utf8');
  const expected = await readJson<Record<string, unknown> | unknown[]>(join(folder, item.expected));
  // Through JSON, as results are stored: null-prototype maps compare as the plain objects they serialize to.
  const result = JSON.parse(JSON.stringify(extractStructuredData(html, optionsOf(item)))) as Record<
    string,
    unknown
  >;
  if (item.compare === 'jsonld_graph_isomorphic') {
    const [ours, theirs] = await Promise.all([toQuads(result[item.syntax]), toQuads(expected)]);
    const pass = ours.length === theirs.length && isomorphic(ours, theirs);
    return { pass, detail: `${ours.length} triples, expected ${theirs.length}` };
  }
  const keyed = /^exact_json_key:(\S+)/.exec(item.compare)?.[1];
  if (keyed !== undefined)
    return verdict(isDeepStrictEqual(result[keyed], (expected as Record<string, unknown>)[keyed]));
  if (item.syntax === 'all') {
    return verdict(Object.entries(expected).every(([key, value]) => isDeepStrictEqual(result[key], value)));
  }
  return verdict(isDeepStrictEqual(result[item.syntax], expected));
}

const verdict = (pass: boolean) => ({ pass, detail: pass ? 'equal' : 'differs' });
const factory = new DataFactory();

/** Expanded JSON-LD → RDF/JS quads through the jsonld library (independent of our own RDFa conversion). */
async function toQuads(nodes: unknown): Promise<RDF.Quad[]> {
  const dataset = (await jsonld.toRDF((nodes ?? []) as jsonld.JsonLdDocument)) as unknown as RDF.Quad[];
  const term = (value: RDF.Term): RDF.Term => {
    if (value.termType === 'BlankNode') return factory.blankNode(value.value.replace(/^_:/, ''));
    if (value.termType === 'Literal')
      return factory.literal(
        value.value,
        value.language !== '' ? value.language : factory.namedNode(value.datatype.value),
      );
    return factory.namedNode(value.value);
  };
  return dataset.map((quad) =>
    factory.quad(
      term(quad.subject) as RDF.Quad_Subject,
      term(quad.predicate) as RDF.Quad_Predicate,
      term(quad.object) as RDF.Quad_Object,
    ),
  );
}

export const structuredDataEvaluation: EvalFamily = {
  name: 'structured-data',
  description: "every structured-data syntax against extruct's expected output, case by case",
  async run(folder) {
    const cases = await loadStructuredDataCases(folder);
    const rows: EvalRow[] = [];
    for (const item of cases) {
      const { pass, detail } = await checkStructuredDataCase(folder, item).catch((error: unknown) => ({
        pass: false,
        detail: `error: ${(error as Error).message}`,
      }));
      rows.push({ id: item.id, syntax: item.syntax, pass, detail });
    }
    const rate = (subset: EvalRow[]) =>
      subset.length === 0 ? 0 : subset.filter((r) => r.pass).length / subset.length;
    const metrics: Record<string, number> = { pass_rate: rate(rows) };
    for (const syntax of [...SYNTAXES, 'all']) {
      const subset = rows.filter((r) => r.syntax === syntax);
      if (subset.length > 0) metrics[`pass_rate_${syntax}`] = rate(subset);
    }
    return { family: 'structured-data', n: rows.length, metrics, rows };
  },
};

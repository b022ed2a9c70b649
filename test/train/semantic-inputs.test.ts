import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/index.js';
import { parseCsv } from '../../src/train/semantic/index.js';
import {
  loadSemanticInputs,
  parseCanonical,
  parseFeedbackCsv,
  parseQueryLines,
} from '../../src/train/index.js';

describe('canonical vocabulary', () => {
  it('reads the three shapes, keeping every label as an entry, the first one preferred', () => {
    const lists = parseCanonical({ C1: ['Nurse', 'registered nurse'], C2: ['Welder'] });
    const objects = parseCanonical({
      C1: { labels: ['Nurse', 'registered nurse'] },
      C2: { labels: ['Welder'] },
    });
    const fixture = parseCanonical({
      C1: { uri: 'http://data.europa.eu/esco/occupation/1', labels: ['Nurse', 'registered nurse'] },
      C2: { uri: 'http://data.europa.eu/esco/occupation/2', labels: ['Welder'] },
    });
    for (const v of [lists, objects, fixture]) {
      expect(v.concepts).toEqual([
        { key: 'C1', labels: ['Nurse', 'registered nurse'] },
        { key: 'C2', labels: ['Welder'] },
      ]);
      expect(v.entries).toEqual([
        { key: 'C1', label: 'Nurse', preferred: true, source: 'canonical' },
        { key: 'C1', label: 'registered nurse', preferred: false, source: 'canonical' },
        { key: 'C2', label: 'Welder', preferred: true, source: 'canonical' },
      ]);
    }
  });

  it('skips blank and repeated labels, and names what is wrong', () => {
    const v = parseCanonical({ C1: ['  nurse ', '', 'Nurse', 'charge   nurse'] });
    expect(v.concepts[0]!.labels).toEqual(['nurse', 'charge nurse']);
    expect(v.skippedLabels).toBe(2);
    const error = (json: unknown) => {
      try {
        parseCanonical(json, 'vocab.json');
      } catch (e) {
        return { field: (e as InvalidInputError).field, message: (e as Error).message };
      }
      throw new Error('expected an error');
    };
    expect(error(['a'])).toMatchObject({ field: 'canonical' });
    expect(error({ C1: 'nurse' })).toEqual({
      field: 'canonical.C1',
      message:
        'vocab.json: concept "C1" must be a list of labels or an object with a "labels" list, got string "nurse"',
    });
    expect(error({ C1: ['nurse', 3] })).toMatchObject({ field: 'canonical.C1.1' });
    expect(error({ C1: [' '] }).message).toMatch(/has no label/);
    expect(error({}).message).toMatch(/holds no concepts/);
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, and a BOM', () => {
    const text = '\ufeffa,"b, c","say ""hi"""\r\n\r\n"two\nlines",x ,  y\n';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['a', 'b, c', 'say "hi"'] },
        { line: 3, fields: ['two\nlines', 'x', 'y'] },
      ],
      errors: [],
    });
  });

  it('reports an unterminated quote with the line it starts on', () => {
    expect(parseCsv('a,b\n"open,c\nd').errors).toEqual([
      { line: 2, message: 'a quoted field is not closed (a " is missing)' },
    ]);
  });
});

describe('feedback CSV', () => {
  it('reads yes/true/1 and no/false/0 in any case, with or without a header', () => {
    const rows = 'welding hand,C2,YES\n"nurse, charge",C1,true\nRN,C1,1\nwelder,C1,No\nx,C2,FALSE\ny,C2,0\n';
    const withHeader = `query_key,matched_key,correct\n${rows}`;
    const plain = parseFeedbackCsv(rows);
    const headed = parseFeedbackCsv(withHeader);
    expect(plain.header).toBe(false);
    expect(headed.header).toBe(true);
    for (const parsed of [plain, headed]) {
      expect(parsed.issues).toEqual([]);
      expect(parsed.rows.map((r) => [r.query, r.key, r.correct])).toEqual([
        ['welding hand', 'C2', true],
        ['nurse, charge', 'C1', true],
        ['RN', 'C1', true],
        ['welder', 'C1', false],
        ['x', 'C2', false],
        ['y', 'C2', false],
      ]);
    }
    expect(headed.rows[0]!.line).toBe(2);
  });

  it('takes the columns in the order the header names them', () => {
    const parsed = parseFeedbackCsv('correct,extra,matched_key,query_key\nyes,z,C1,nurse\n');
    expect(parsed.rows).toEqual([{ line: 2, query: 'nurse', key: 'C1', correct: true }]);
  });

  it('reports malformed rows with their line numbers and keeps the rest', () => {
    const text = [
      'query_key,matched_key,correct',
      'nurse,C1,yes',
      'only two,C1',
      ',C1,yes',
      'welder,,no',
      'welder,C2,maybe',
      '"multi',
      'line",C2,yes',
      'last,C2,no',
    ].join('\n');
    const parsed = parseFeedbackCsv(text);
    expect(parsed.issues).toEqual([
      { line: 3, message: '2 fields; a row needs query_key, matched_key, correct' },
      { line: 4, message: 'query_key is empty' },
      { line: 5, message: 'matched_key is empty' },
      { line: 6, message: 'correct is "maybe"; write yes/true/1 to confirm or no/false/0 to reject' },
    ]);
    expect(parsed.rows.map((r) => [r.line, r.query])).toEqual([
      [2, 'nurse'],
      [7, 'multi\nline'],
      [9, 'last'],
    ]);
  });

  it('refuses a header without the needed columns', () => {
    expect(() => parseFeedbackCsv('query,verdict\nnurse,yes\n')).toThrow(/no matched_key, correct column/);
  });
});

describe('query files and loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-semantic-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads JSON Lines queries, skipping lines with unknown gold keys or bad JSON', () => {
    const keys = new Set(['C1', 'C2']);
    const parsed = parseQueryLines(
      '{"query_id":"A1","query":"charge nurse","gold":["C1"]}\n\n{"query":"x","gold":"C9"}\nnot json\n{"query":"welder","gold":"C2"}\n',
      keys,
    );
    expect(parsed.queries).toEqual([
      { query: 'charge nurse', gold: ['C1'] },
      { query: 'welder', gold: ['C2'] },
    ]);
    expect(parsed.issues.map((i) => i.line)).toEqual([3, 4]);
  });

  it('checks feedback keys against the vocabulary and hashes every input', async () => {
    writeFileSync(join(dir, 'canonical.json'), JSON.stringify({ C1: ['nurse'], C2: ['welder'] }));
    writeFileSync(join(dir, 'feedback.csv'), 'RN,C1,yes\nsolderer,C7,yes\n');
    const inputs = await loadSemanticInputs({
      canonical: join(dir, 'canonical.json'),
      feedback: join(dir, 'feedback.csv'),
    });
    expect(inputs.feedback.map((r) => r.query)).toEqual(['RN']);
    expect(inputs.issues).toEqual([
      { file: 'feedback', line: 2, message: 'matched_key "C7" is not a concept of the canonical vocabulary' },
    ]);
    expect(Object.keys(inputs.hashes).sort()).toEqual(['canonical', 'feedback']);
    await expect(loadSemanticInputs({ canonical: join(dir, 'missing.json') })).rejects.toThrow(
      /cannot read the canonical file/,
    );
  });
});

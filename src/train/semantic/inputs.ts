import { readFile } from 'node:fs/promises';
import { contentHash, InvalidInputError } from '../../core/index.js';
import { loadCanonicalFile, type CanonicalVocabulary } from './canonical.js';
import { loadFeedbackFile, type FeedbackIssue, type FeedbackRow } from './feedback.js';

/** A query whose right concepts are known (a line of a query file, or confirmed feedback). */
export interface LabelledQuery {
  query: string;
  gold: string[];
}

/** A problem with one line of an input file; the line was skipped. */
export interface InputIssue extends FeedbackIssue {
  file: 'feedback' | 'queries';
}

export interface SemanticInputs {
  vocabulary: CanonicalVocabulary;
  /** Feedback rows whose key is in the vocabulary. */
  feedback: FeedbackRow[];
  queries: LabelledQuery[] | null;
  issues: InputIssue[];
  /** Content hashes of the files read, by role, for the version's manifest. */
  hashes: Record<string, string>;
}

export interface SemanticInputFiles {
  canonical: string;
  feedback?: string | undefined;
  queries?: string | undefined;
}

/** Read the canonical file, and the feedback and query files when given; check their keys against the vocabulary. */
export async function loadSemanticInputs(files: SemanticInputFiles): Promise<SemanticInputs> {
  const vocabulary = await loadCanonicalFile(files.canonical);
  const keys = new Set(vocabulary.concepts.map((c) => c.key));
  const hashes: Record<string, string> = { canonical: await hashFile(files.canonical) };
  const issues: InputIssue[] = [];
  let feedback: FeedbackRow[] = [];
  if (files.feedback !== undefined) {
    const parsed = await loadFeedbackFile(files.feedback);
    hashes.feedback = await hashFile(files.feedback);
    issues.push(...parsed.issues.map((i) => ({ ...i, file: 'feedback' as const })));
    feedback = parsed.rows.filter((row) => {
      if (keys.has(row.key)) return true;
      issues.push({
        file: 'feedback',
        line: row.line,
        message: `matched_key "${row.key}" is not a concept of the canonical vocabulary`,
      });
      return false;
    });
  }
  let queries: LabelledQuery[] | null = null;
  if (files.queries !== undefined) {
    const parsed = parseQueryLines(await readText(files.queries, 'queries'), keys);
    hashes.queries = await hashFile(files.queries);
    issues.push(...parsed.issues.map((i) => ({ ...i, file: 'queries' as const })));
    queries = parsed.queries;
  }
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { vocabulary, feedback, queries, issues, hashes };
}

/**
 * A query file: JSON Lines of `{"query": "...", "gold": ["C1", …]}` (`gold` may be one key; other fields,
 * such as the fixture's `query_id`, are ignored). Lines whose gold keys are all unknown are skipped.
 */
export function parseQueryLines(
  text: string,
  keys: ReadonlySet<string>,
): { queries: LabelledQuery[]; issues: FeedbackIssue[] } {
  const queries: LabelledQuery[] = [];
  const issues: FeedbackIssue[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      issues.push({ line, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const { query, gold } = (value ?? {}) as { query?: unknown; gold?: unknown };
    const golds = typeof gold === 'string' ? [gold] : Array.isArray(gold) ? gold : null;
    if (typeof query !== 'string' || query.trim() === '') {
      issues.push({ line, message: 'needs a "query" string' });
      return;
    }
    if (golds === null || golds.length === 0 || !golds.every((g) => typeof g === 'string')) {
      issues.push({ line, message: 'needs "gold": a concept key or a list of them' });
      return;
    }
    const known = (golds as string[]).filter((g) => keys.has(g));
    if (known.length === 0) {
      issues.push({
        line,
        message: `gold ${JSON.stringify(golds)} names no concept of the canonical vocabulary`,
      });
      return;
    }
    queries.push({ query: query.trim(), gold: known });
  });
  return { queries, issues };
}

async function readText(path: string, field: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(field, `cannot read the ${field} file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

async function hashFile(path: string): Promise<string> {
  return contentHash(await readFile(path));
}

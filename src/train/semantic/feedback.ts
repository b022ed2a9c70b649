import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../../core/index.js';
import { parseCsv } from './csv.js';

/** One reviewed match: a query, the canonical key it was matched to, and whether that was right. */
export interface FeedbackRow {
  /** The line of the file the row starts on (1-based). */
  line: number;
  query: string;
  key: string;
  correct: boolean;
}

/** A row that was skipped, and why. */
export interface FeedbackIssue {
  line: number;
  message: string;
}

export interface FeedbackFile {
  rows: FeedbackRow[];
  issues: FeedbackIssue[];
  /** Whether the first line was a header. */
  header: boolean;
}

const CONFIRM = new Set(['yes', 'true', '1', 'y']);
const REJECT = new Set(['no', 'false', '0', 'n']);
const COLUMNS = ['query_key', 'matched_key', 'correct'] as const;
const ALIASES: Record<string, (typeof COLUMNS)[number]> = {
  query_key: 'query_key',
  query: 'query_key',
  matched_key: 'matched_key',
  match_key: 'matched_key',
  key: 'matched_key',
  correct: 'correct',
  is_correct: 'correct',
};

export async function loadFeedbackFile(path: string): Promise<FeedbackFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      'feedback',
      `cannot read the feedback file ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return parseFeedbackCsv(text);
}

/**
 * Feedback as CSV: `query_key, matched_key, correct`, one reviewed match a row. `correct` is yes/true/1
 * (confirmed) or no/false/0 (rejected), in any case. The header is optional; when present its names pick
 * the columns (in any order, other columns ignored). Fields may be quoted. A malformed row is reported
 * with its line number and skipped, never fatal: one bad line must not block a retraining.
 */
export function parseFeedbackCsv(text: string): FeedbackFile {
  const { records, errors } = parseCsv(text);
  const issues: FeedbackIssue[] = errors.map((e) => ({ line: e.line, message: e.message }));
  const rows: FeedbackRow[] = [];
  let order: Record<(typeof COLUMNS)[number], number> = { query_key: 0, matched_key: 1, correct: 2 };
  let header = false;
  const first = records[0];
  if (first && looksLikeHeader(first.fields)) {
    header = true;
    const found: Partial<typeof order> = {};
    first.fields.forEach((name, i) => {
      const column =
        ALIASES[
          name
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_')
        ];
      if (column !== undefined && found[column] === undefined) found[column] = i;
    });
    const missing = COLUMNS.filter((c) => found[c] === undefined);
    if (missing.length > 0)
      throw new InvalidInputError(
        'feedback',
        `the feedback header (line ${first.line}) has no ${missing.join(', ')} column; name the columns query_key, matched_key, correct`,
      );
    order = found as typeof order;
  }
  for (const record of header ? records.slice(1) : records) {
    const width = Math.max(order.query_key, order.matched_key, order.correct) + 1;
    if (record.fields.length < width) {
      issues.push({
        line: record.line,
        message: `${record.fields.length} field${record.fields.length === 1 ? '' : 's'}; a row needs query_key, matched_key, correct`,
      });
      continue;
    }
    const query = record.fields[order.query_key]!.trim();
    const key = record.fields[order.matched_key]!.trim();
    const verdict = record.fields[order.correct]!.trim().toLowerCase();
    if (query === '') issues.push({ line: record.line, message: 'query_key is empty' });
    else if (key === '') issues.push({ line: record.line, message: 'matched_key is empty' });
    else if (CONFIRM.has(verdict)) rows.push({ line: record.line, query, key, correct: true });
    else if (REJECT.has(verdict)) rows.push({ line: record.line, query, key, correct: false });
    else
      issues.push({
        line: record.line,
        message: `correct is "${record.fields[order.correct]!.trim()}"; write yes/true/1 to confirm or no/false/0 to reject`,
      });
  }
  return { rows, issues, header };
}

function looksLikeHeader(fields: string[]): boolean {
  const names = fields.map((f) =>
    f
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  return names.some((n) => n in ALIASES) && !names.some((n) => CONFIRM.has(n) || REJECT.has(n));
}

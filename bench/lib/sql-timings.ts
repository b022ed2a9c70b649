// Sums the records of lib/pglite-sql-timer.ts per statement, inside a time window: which SQL costs the
// most Postgres time while Gleaner mines.
import { readFileSync } from 'node:fs';
import type { SqlRecord } from './pglite-sql-timer.js';

export interface SqlTotal {
  sql: string;
  calls: number;
  wasmMs: number;
}

export function sumSql(file: string, fromEpochMs: number, toEpochMs: number): SqlTotal[] {
  const records = JSON.parse(readFileSync(file, 'utf8')) as SqlRecord[];
  const totals = new Map<string, SqlTotal>();
  for (const r of records) {
    if (r.at < fromEpochMs || r.at > toEpochMs) continue;
    const total = totals.get(r.sql) ?? { sql: r.sql, calls: 0, wasmMs: 0 };
    total.calls += 1;
    total.wasmMs += r.wasmMs;
    totals.set(r.sql, total);
  }
  return [...totals.values()].sort((a, b) => b.wasmMs - a.wasmMs);
}

export function formatSql(title: string, totals: SqlTotal[], top = 15): string[] {
  const all = totals.reduce((sum, t) => sum + t.wasmMs, 0);
  const calls = totals.reduce((sum, t) => sum + t.calls, 0);
  return [
    `${title}: ${calls} statements, ${all.toFixed(0)} ms inside Postgres (wasm)`,
    ...totals
      .slice(0, top)
      .map(
        (t) =>
          `  ${t.wasmMs.toFixed(0).padStart(6)} ms  ${String(t.calls).padStart(5)}×  ${(t.wasmMs / t.calls).toFixed(2).padStart(6)} ms each  ${t.sql}`,
      ),
  ];
}

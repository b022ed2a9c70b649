// Preloaded into the Gleaner child when the benchmark profiles it (node --import tsx --import
// ./bench/lib/pglite-sql-timer.ts): which SQL statements PGlite's Postgres spends its time on. The CPU
// profile only says "wasm"; this names the statements. It wraps PGlite's public query/exec/transaction to
// know the statement (AsyncLocalStorage follows it through PGlite's queue) and times the synchronous wasm
// call, execProtocolRawSync, so that other JS running between a query's awaits is not charged to it.
// On exit it writes one record per statement to $BENCH_SQL_TIMINGS.
import { AsyncLocalStorage } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

export interface SqlRecord {
  /** The statement, whitespace collapsed, cut to 100 characters. */
  sql: string;
  /** Epoch ms when it was called. */
  at: number;
  /** Time inside Postgres (wasm), all of its protocol messages together. */
  wasmMs: number;
}

interface Current {
  sql: string;
  at: number;
  wasmMs: number;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

const output = process.env.BENCH_SQL_TIMINGS;
if (output !== undefined) {
  const records: SqlRecord[] = [];
  const current = new AsyncLocalStorage<Current>();
  const proto = PGlite.prototype as unknown as Record<string, Method>;
  const label = (sql: unknown): string => String(sql).replace(/\s+/g, ' ').trim().slice(0, 100);

  /** Runs `call` as statement `sql` and records it once it settles. */
  const asStatement = (sql: string, call: () => unknown): unknown => {
    const entry: Current = { sql, at: performance.timeOrigin + performance.now(), wasmMs: 0 };
    const done = () => records.push(entry);
    const result = current.run(entry, call);
    if (result instanceof Promise) return result.finally(done);
    done();
    return result;
  };

  for (const name of ['query', 'exec']) {
    const original = proto[name]!;
    proto[name] = function (sql, ...rest) {
      return asStatement(label(sql), () => original.call(this, sql, ...rest));
    };
  }

  // Statements inside a transaction go through the transaction object, not PGlite's own query().
  const transaction = proto.transaction!;
  proto.transaction = function (callback) {
    return asStatement('(BEGIN/COMMIT)', () =>
      transaction.call(this, (tx: Record<string, Method>) => {
        for (const name of ['query', 'exec']) {
          const original = tx[name]!;
          tx[name] = (sql, ...rest) => asStatement(label(sql), () => original.call(tx, sql, ...rest));
        }
        return (callback as Method)(tx);
      }),
    );
  };

  const execSync = proto.execProtocolRawSync!;
  proto.execProtocolRawSync = function (...args) {
    const started = performance.now();
    try {
      return execSync.apply(this, args);
    } finally {
      const entry = current.getStore();
      if (entry !== undefined) entry.wasmMs += performance.now() - started;
    }
  };

  process.on('exit', () => writeFileSync(output, JSON.stringify(records)));
}

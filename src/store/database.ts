import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import pg from 'pg';
import { FatalError, redactUrl, type Logger } from '../core/index.js';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Anything that runs one parameterised statement: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Whether pgvector is available (always on PGlite; on PostgreSQL only when the extension is installed). */
  readonly vectorSupport: boolean;
  /** Run multi-statement SQL text (migrations). */
  exec(sql: string): Promise<void>;
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** pg-boss's adapter: parameterised statements through `query`, multi-statement text through `exec`. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; without it, PGlite in `pgliteDir`. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway in-memory database. */
  pgliteDir: string;
  logger?: Logger;
  /** Connections in the PostgreSQL pool. @default 10 */
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.pgliteDir);
}

// Built by `npm run build` (scripts/build-pglite-template.mjs); the same path from src/store and dist/store.
const TEMPLATE = new URL('../../dist/pglite-template.tgz', import.meta.url);

/** A new database starts from the packed, initialised template when there is one (initdb in wasm is slow). */
async function templateFor(dir: string): Promise<Blob | undefined> {
  const isNew = dir.startsWith('memory://') || !existsSync(join(dir, 'PG_VERSION'));
  if (!isNew || !existsSync(TEMPLATE)) return undefined;
  return new Blob([await readFile(TEMPLATE)]);
}

async function openPglite(dir: string): Promise<Database> {
  if (!dir.startsWith('memory://')) await mkdir(dir, { recursive: true });
  let db: PGlite;
  try {
    const template = await templateFor(dir);
    db = new PGlite(dir, { extensions: { vector }, ...(template ? { loadDataDir: template } : {}) });
    await db.waitReady;
    await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
  } catch (error) {
    throw new FatalError(
      `cannot open the embedded database in ${dir}: ${(error as Error).message}. ` +
        'Another Gleaner process may hold it (PGlite allows one process); stop it, or set DATABASE_URL to use PostgreSQL.',
      { cause: error },
    );
  }
  let closed = false;
  return {
    kind: 'pglite',
    vectorSupport: true,
    async query<T>(sql: string, params?: unknown[]) {
      const result = await db.query<T>(sql, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql) {
      await db.exec(sql);
    },
    transaction(fn) {
      return db.transaction((tx) =>
        fn({
          async query<T>(sql: string, params?: unknown[]) {
            const result = await tx.query<T>(sql, params);
            return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
          },
        }),
      );
    },
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await db.query(text, values)).rows };
      // pg-boss sends its locked, multi-statement scripts without parameters; the extended protocol refuses them.
      const results = await db.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    async close() {
      // Idempotent: the CLI's signal handler and the normal path may both close.
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // int8 (counts, ids) as numbers: our ids stay far below 2^53.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  // An idle client's error (server restart) must not crash the process: the next query reconnects.
  pool.on('error', (error) =>
    options.logger?.warn({ err: error.message }, 'PostgreSQL connection lost; reconnecting on next query'),
  );
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new FatalError(
      `cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}. Check DATABASE_URL and that the server is running.`,
      { cause: error },
    );
  }
  let vectorSupport = true;
  try {
    await pool.query('CREATE EXTENSION IF NOT EXISTS vector');
  } catch {
    vectorSupport = false;
    options.logger?.warn(
      'pgvector is not installed on this PostgreSQL server: embedding columns and similarity search are off. Install the pgvector extension (Debian: postgresql-NN-pgvector) to enable them.',
    );
  }
  let closed = false;
  return {
    kind: 'postgres',
    vectorSupport,
    async query<T>(sql: string, params?: unknown[]) {
      const result = await pool.query(sql, params);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<T>(sql: string, params?: unknown[]) {
            const r = await client.query(sql, params);
            return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async executeSql(text, values) {
      const result = await pool.query(text, values);
      // A multi-statement text returns one result per statement; pg-boss reads the last.
      const last = Array.isArray(result) ? (result.at(-1) as pg.QueryResult | undefined) : result;
      return { rows: last?.rows ?? [] };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

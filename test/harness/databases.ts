import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, migrate, type Database } from '../../src/store/index.js';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

/** A fresh PostgreSQL database in the harness's server; returns its URL. */
export async function createPostgresDatabase(): Promise<string> {
  const adminUrl = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** A migrated, empty database of the given backend. PGlite lives in memory. */
export async function openTestDatabase(backend: Backend): Promise<Database> {
  const db =
    backend === 'postgres'
      ? await openDatabase({ databaseUrl: await createPostgresDatabase(), pgliteDir: '' })
      : await openDatabase({ pgliteDir: 'memory://' });
  await migrate(db);
  return db;
}

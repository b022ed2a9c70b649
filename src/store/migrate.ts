import { contentHash, FatalError } from '../core/index.js';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001-mining.js';
import * as m0002 from './migrations/0002-profiles-records.js';
import * as m0003 from './migrations/0003-topics.js';
import * as m0004 from './migrations/0004-record-embeddings.js';

/** Every migration in order. The number is the version; a released entry is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
  { version: 4, ...m0004 },
];

interface Migration {
  version: number;
  name: string;
  sql: string;
  /** An extension the migration needs; without it the migration waits, unrecorded, for a later start. */
  requires?: 'vector';
}

// Many processes may start at once on one PostgreSQL (API and workers): one takes this lock, the others wait.
const MIGRATION_LOCK_ID = 0x61_65_61_6e; // 'glea'

/** Apply the migrations not yet applied, each in its own transaction; refuse an edited one. */
export async function migrate(db: Database): Promise<{ applied: number[] }> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    const { rows } = await tx.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const done = new Map(rows.map((r) => [r.version, r.checksum]));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      const checksum = contentHash(migration.sql);
      const recorded = done.get(migration.version);
      if (recorded !== undefined) {
        if (recorded !== checksum) {
          throw new FatalError(
            `migration ${migration.version} (${migration.name}) differs from the one applied to this database. ` +
              'Released migrations must never be edited: revert the edit and add a new migration instead.',
          );
        }
        continue;
      }
      if (migration.requires === 'vector' && !db.vectorSupport) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        checksum,
      ]);
      applied.push(migration.version);
    }
    return { applied };
  });
}

/** Split migration text on statement-ending semicolons (our migrations have no function bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

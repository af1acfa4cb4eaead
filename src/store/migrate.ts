import { StoreError } from '../core/index.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { SqlClient } from './sql-client.js';

/** Advisory lock key: two processes opening a fresh PostgreSQL database migrate one after the other. */
const MIGRATION_LOCK_KEY = 7_061_420_771;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Apply the migrations not yet recorded in `schema_migrations`, all in one
 * transaction, and return the versions applied (empty when up to date).
 */
export async function runMigrations(client: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.exec(CREATE_MIGRATIONS_TABLE);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const tooNew = rows.find((r) => r.version > newest);
    if (tooNew) {
      throw new StoreError(
        'E_SCHEMA_TOO_NEW',
        `database schema is at version ${tooNew.version} but this Parallax knows only up to ${newest}; upgrade Parallax`,
      );
    }
    const pending = [...migrations].filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    return pending.map((m) => m.version);
  });
}

import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor } from './sql-client.js';

function executor(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/**
 * An embedded PGlite database: in memory when `dataDir` is undefined,
 * otherwise persisted in that folder (which must exist and be writable).
 */
export async function openPgliteClient(options: { dataDir?: string }): Promise<SqlClient> {
  const db = options.dataDir === undefined ? await PGlite.create() : await PGlite.create(options.dataDir);
  const base = executor(db);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    async script<R>(sql: string) {
      const results = await db.exec(sql);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as R[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
    },
    transaction: (work) => db.transaction((tx) => work(executor(tx))),
    async close() {
      if (!db.closed) await db.close();
    },
  };
}

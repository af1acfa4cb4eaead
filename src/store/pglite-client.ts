import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor } from './sql-client.js';

function executor(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      await turn();
      const result = await db.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string) {
      await turn();
      await db.exec(sql);
    },
  };
}

/**
 * PGlite runs each statement on this thread, and its promises settle as microtasks: without a turn
 * of the event loop before each statement, the statements of a large write (an article's insert,
 * its story placement) run back to back and hold HTTP requests for all of them.
 */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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

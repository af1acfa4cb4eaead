import pg from 'pg';
import type { SqlClient, SqlExecutor } from './sql-client.js';

/** Fail fast on an unreachable host instead of waiting for the OS TCP timeout (the first connection). */
const CONNECT_TIMEOUT_MS = 10_000;
/**
 * Once the server answered, how long a query may wait for a free connection of the pool. Longer than
 * the first connection's limit: a process whose event loop was held (a model loading, a large story
 * built on this thread) must not find every waiting query timed out when it resumes.
 */
const POOL_WAIT_MS = 60_000;
/** A CLI needs one connection, a worker one per concurrent job plus the queue's; the server's default limit is 100 for everyone. */
const MAX_POOL_CONNECTIONS = 8;

function executor(db: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query(sql, params as unknown[]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string) {
      await db.query(sql);
    },
  };
}

/**
 * A PostgreSQL connection pool. `schema`, when given, becomes the search
 * path of every connection (tests use one schema each).
 * Resolves once a first connection succeeded; rejects with the driver's error otherwise.
 */
export async function openPostgresClient(options: { url: string; schema?: string; maxConnections?: number }): Promise<SqlClient> {
  const pool = new pg.Pool({
    connectionString: options.url,
    connectionTimeoutMillis: POOL_WAIT_MS,
    max: options.maxConnections ?? MAX_POOL_CONNECTIONS,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // The first connection on its own, with the short limit: an unreachable server is said at once.
  const first = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  first.on('error', () => {});
  try {
    await first.connect();
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  } finally {
    await first.end().catch(() => {});
  }
  const base = executor(pool);
  let closed = false;
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async script<R>(sql: string) {
      // Without parameters node-postgres sends a simple query, which may hold several statements.
      const result = (await pool.query(sql)) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: (last?.rows ?? []) as R[], rowCount: last?.rowCount ?? 0 };
    },
    async transaction(work) {
      const conn = await pool.connect();
      let broken: Error | undefined;
      try {
        await conn.query('BEGIN');
        const result = await work(executor(conn));
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch((rollbackErr: Error) => {
          broken = rollbackErr;
        });
        throw err;
      } finally {
        // A connection that could not roll back is destroyed rather than reused mid-transaction.
        conn.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/**
 * The little the store needs from a database driver, so the same SQL runs on
 * PGlite and on PostgreSQL (node-postgres).
 */
export interface SqlExecutor {
  /** One statement with `$1`-style parameters. */
  query<R>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[]; rowCount: number }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Several statements without parameters, returning the rows of the last one (the job queue's own scripts). */
  script<R>(sql: string): Promise<{ rows: R[]; rowCount: number }>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

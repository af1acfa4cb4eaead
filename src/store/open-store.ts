import { mkdir, access, constants } from 'node:fs/promises';
import path from 'node:path';
import { ParallaxError, StoreError } from '../core/index.js';
import { runMigrations } from './migrate.js';
import { openPgliteClient } from './pglite-client.js';
import { lockFolder } from './folder-lock.js';
import { openPostgresClient } from './postgres-client.js';
import type { SqlClient } from './sql-client.js';
import { SqlStore } from './sql-store.js';
import type { Store, StoreConfig } from './types.js';

/** Where the embedded database lives when nothing else is configured, relative to the working directory. */
export const DEFAULT_DATA_DIR = path.join('.parallax', 'db');

/** Which engine and where, after config and environment are resolved. Explicit config wins over the environment. */
export type StoreTarget = { engine: 'pglite'; dataDir: string | null } | { engine: 'postgres'; url: string };

/** Resolve a StoreConfig against DATABASE_URL, PARALLAX_DB and the default data folder. */
export function resolveStoreTarget(config: StoreConfig = {}, env: NodeJS.ProcessEnv = process.env): StoreTarget {
  if (config.databaseUrl) return { engine: 'postgres', url: config.databaseUrl };
  if (config.memory) return { engine: 'pglite', dataDir: null };
  if (config.dataDir) return { engine: 'pglite', dataDir: path.resolve(config.dataDir) };
  if (env.DATABASE_URL) return { engine: 'postgres', url: env.DATABASE_URL };
  return { engine: 'pglite', dataDir: path.resolve(env.PARALLAX_DB || DEFAULT_DATA_DIR) };
}

/** `host:port/database` of a connection URL: enough to say where, never the password. */
export function describeDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError('E_DATABASE_URL_INVALID', 'DATABASE_URL is not a URL: expected postgres://user:password@host:port/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new StoreError('E_DATABASE_URL_INVALID', `DATABASE_URL has scheme ${parsed.protocol} but must start with postgres:// or postgresql://`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
  return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}/${database}`;
}

function reasonOf(err: unknown, secret?: string): string {
  const text = err instanceof Error ? err.message || (err as { code?: string }).code || err.name : String(err);
  const line = text.split('\n')[0] ?? '';
  return secret ? line.split(secret).join('***') : line;
}

async function openDataDir(dataDir: string): Promise<SqlClient> {
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.W_OK);
  } catch (err) {
    throw new StoreError('E_DATA_DIR_NOT_WRITABLE', `cannot write the database folder ${dataDir}: ${reasonOf(err)}; pass another with --db or PARALLAX_DB`, { cause: err });
  }
  // Before PGlite touches the folder: a second process must never open it at the same time.
  const lock = await lockFolder(dataDir);
  let client: SqlClient;
  try {
    client = await openPgliteClient({ dataDir });
  } catch (err) {
    lock.release();
    throw new StoreError('E_DB_OPEN', `cannot open the database in ${dataDir}: ${reasonOf(err)}`, { cause: err });
  }
  return {
    ...client,
    async close() {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

/** Connect to PostgreSQL; `schema` sets the search path (tests). */
export async function openPostgresTarget(url: string, options: { schema?: string } = {}): Promise<SqlClient> {
  const where = describeDatabaseUrl(url);
  let password: string | undefined;
  try {
    password = decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    password = undefined;
  }
  try {
    return await openPostgresClient({ url, ...options });
  } catch (err) {
    throw new StoreError('E_DB_CONNECT', `cannot connect to PostgreSQL at ${where}: ${reasonOf(err, password)}`, { cause: err });
  }
}

/**
 * Build a store over an open client, applying pending migrations first.
 * Closes the client when migration fails.
 */
export async function openStoreOnClient(client: SqlClient, location?: string): Promise<Store> {
  try {
    await runMigrations(client);
  } catch (err) {
    await client.close().catch(() => {});
    if (err instanceof ParallaxError) throw err;
    throw new StoreError('E_MIGRATION_FAILED', `database schema migration failed: ${reasonOf(err)}`, { cause: err });
  }
  return new SqlStore(client, location);
}

/**
 * Open the article store: PGlite in `dataDir` (default `PARALLAX_DB`, else
 * `.parallax/db` under the working directory) unless `databaseUrl` or
 * `DATABASE_URL` names a PostgreSQL database. Runs pending migrations.
 *
 * @example
 * const store = await openStore({ memory: true });
 * const outcome = await store.addDoc(doc); // { status: 'added', id: 'a_…' }
 * await store.close();
 */
export async function openStore(config: StoreConfig = {}): Promise<Store> {
  const target = resolveStoreTarget(config);
  let client: SqlClient;
  let location: string;
  if (target.engine === 'postgres') {
    client = await openPostgresTarget(target.url);
    location = describeDatabaseUrl(target.url);
  } else if (target.dataDir === null) {
    client = await openPgliteClient({});
    location = 'memory';
  } else {
    client = await openDataDir(target.dataDir);
    location = target.dataDir;
  }
  return openStoreOnClient(client, location);
}

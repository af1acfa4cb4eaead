import { ConfigError } from '../core/index.js';
import { openStore, type Store, type StoreConfig } from '../store/index.js';
import type { CliIO } from './io.js';

export interface StoreFlags { db?: string }

/** A PostgreSQL connection URL, as `--db` accepts beside a folder. */
const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;
/** Any other URL scheme: never a folder anyone means to create. */
const OTHER_URL = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * The database the flags and environment name: `--db` a PGlite folder or a postgres:// URL,
 * else DATABASE_URL (PostgreSQL), else PARALLAX_DB or the default data folder. A `--db` URL of
 * another scheme is refused (naming only its scheme: a URL may hold a password), rather than
 * becoming a folder called "mysql:".
 */
export function storeConfigFromFlags(flags: StoreFlags, env: NodeJS.ProcessEnv): StoreConfig {
  if (flags.db) {
    if (POSTGRES_URL.test(flags.db)) return { databaseUrl: flags.db };
    const scheme = OTHER_URL.exec(flags.db)?.[1];
    if (scheme) throw new ConfigError('E_USAGE', `--db takes a PGlite folder or a postgres:// URL, not a ${scheme}:// URL`);
    return { dataDir: flags.db };
  }
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: env.PARALLAX_DB || undefined };
}

/** Open the database the flags and environment name (see `storeConfigFromFlags`). */
export function openStoreFromFlags(flags: StoreFlags, io: CliIO): Promise<Store> {
  return openStore(storeConfigFromFlags(flags, io.env));
}

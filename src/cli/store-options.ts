import { openStore, type Store } from '../store/index.js';
import type { CliIO } from './io.js';

export interface StoreFlags { db?: string }

/** Open the database the flags and environment name: `--db DIR` (PGlite), else DATABASE_URL (PostgreSQL), else the default data folder. */
export function openStoreFromFlags(flags: StoreFlags, io: CliIO): Promise<Store> {
  if (flags.db) return openStore({ dataDir: flags.db });
  const databaseUrl = io.env.DATABASE_URL;
  if (databaseUrl) return openStore({ databaseUrl });
  return openStore({ dataDir: io.env.PARALLAX_DB || undefined });
}

import { randomBytes } from 'node:crypto';
import { openStoreOnClient, openPostgresTarget } from '../open-store.js';
import { openPgliteClient } from '../pglite-client.js';
import type { SqlClient } from '../sql-client.js';
import type { StoreHarness, StoreUnderTest } from '../store.conformance.js';
import type { Store } from '../types.js';

const STORE_TABLES = 'articles, article_sources, article_lsh_bands, story_features, stories, story_articles, story_builds, change_events, entity_overrides';

/**
 * One PGlite database for the whole file (creating one takes seconds),
 * emptied before each test. `dataDir` undefined means in memory.
 */
export function pgliteHarness(dataDir: () => string | undefined): StoreHarness {
  let client: SqlClient | undefined;
  let store: Store | undefined;
  return {
    async setup() {
      const dir = dataDir();
      client = await openPgliteClient(dir === undefined ? {} : { dataDir: dir });
      store = await openStoreOnClient(client);
    },
    async fresh(): Promise<StoreUnderTest> {
      await client!.exec(`TRUNCATE ${STORE_TABLES} RESTART IDENTITY CASCADE; UPDATE story_index SET article_count = 0, next_article = 0, next_story = 0`);
      return {
        store: store!,
        sql: async (statement) => (await client!.query<never>(statement)).rows,
        dispose: async () => {},
      };
    },
    async teardown() {
      await store?.close();
    },
  };
}

/** A schema of its own for each test on a shared PostgreSQL server, dropped afterwards. */
export function postgresHarness(url: string | undefined): StoreHarness {
  let admin: SqlClient | undefined;
  const schemas: string[] = [];
  return {
    async setup() {
      if (!url) return;
      admin = await openPostgresTarget(url);
    },
    async fresh(): Promise<StoreUnderTest> {
      const schema = `parallax_test_${randomBytes(6).toString('hex')}`;
      await admin!.exec(`CREATE SCHEMA ${schema}`);
      schemas.push(schema);
      const client = await openPostgresTarget(url!, { schema });
      const store = await openStoreOnClient(client);
      return {
        store,
        sql: async (statement) => (await client.query<never>(statement)).rows,
        dispose: async () => {
          await store.close();
          await admin!.exec(`DROP SCHEMA ${schema} CASCADE`);
        },
      };
    },
    async teardown() {
      await admin?.close();
    },
  };
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../core/index.js';
import { openStore, openStoreOnClient } from './open-store.js';
import { runMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { openPgliteClient } from './pglite-client.js';
import { defineStoreConformanceTests } from './store.conformance.js';
import { makeDoc, SEAWALL_TEXT, SEAWALL_TITLE } from './test-helpers/articles.js';
import { pgliteHarness } from './test-helpers/harnesses.js';

// One folder for the file: creating a PGlite data folder takes seconds.
const root = mkdtempSync(path.join(tmpdir(), 'parallax-store-'));
const dataDir = path.join(root, 'db');
afterAll(() => rmSync(root, { recursive: true, force: true }));

defineStoreConformanceTests('PGlite in a data folder', pgliteHarness(() => dataDir));

// Runs after the conformance suite above has closed its connection to the same folder.
describe('PGlite data folder across restarts', () => {
  it('keeps articles after closing and reopening, without re-running migrations', async () => {
    const doc = makeDoc(SEAWALL_TEXT, { title: SEAWALL_TITLE, source: { path: 'a/seawall.html' } });
    const first = await openStore({ dataDir });
    expect(first.kind).toBe('pglite');
    await first.addDoc(doc);
    await first.close();

    const client = await openPgliteClient({ dataDir });
    const before = await client.query<{ version: number; applied_at: Date }>('SELECT version, applied_at FROM schema_migrations ORDER BY version');
    expect(before.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await runMigrations(client)).toEqual([]);
    const reopened = await openStoreOnClient(client);
    try {
      expect((await reopened.getArticle(doc.id))?.doc).toEqual(doc);
      const after = await client.query<{ version: number; applied_at: Date }>('SELECT version, applied_at FROM schema_migrations ORDER BY version');
      expect(after.rows).toEqual(before.rows);
    } finally {
      await reopened.close();
    }
  });

  it('says which folder cannot be written', async () => {
    const file = path.join(root, 'not-a-folder');
    writeFileSync(file, 'a file where the database folder should go');
    const target = path.join(file, 'db');
    const err = await openStore({ dataDir: target }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('E_DATA_DIR_NOT_WRITABLE');
    expect((err as StoreError).message).toContain(target);
  });
});

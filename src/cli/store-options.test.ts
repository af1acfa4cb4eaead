import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/index.js';
import { runCli } from '../../test/helpers/run-cli.js';
import { scratchDatabase } from '../../test/helpers/scale.js';
import { storeConfigFromFlags } from './store-options.js';

describe('storeConfigFromFlags', () => {
  it('reads --db as a PostgreSQL URL when it is one, so no folder named "postgres:" is made', () => {
    expect(storeConfigFromFlags({ db: 'postgres://news@db.example:5433/newsroom' }, {})).toEqual({ databaseUrl: 'postgres://news@db.example:5433/newsroom' });
    expect(storeConfigFromFlags({ db: 'postgresql://db.example/newsroom' }, { PARALLAX_DB: '/srv/x' })).toEqual({ databaseUrl: 'postgresql://db.example/newsroom' });
  });

  it('reads any other --db as a PGlite folder, and --db wins over the environment', () => {
    expect(storeConfigFromFlags({ db: './library' }, { DATABASE_URL: 'postgres://h/d' })).toEqual({ dataDir: './library' });
    expect(storeConfigFromFlags({ db: 'C:\\news\\library' }, {})).toEqual({ dataDir: 'C:\\news\\library' });
  });

  it('without --db takes DATABASE_URL, then PARALLAX_DB, then the default folder', () => {
    expect(storeConfigFromFlags({}, { DATABASE_URL: 'postgres://h/d', PARALLAX_DB: '/srv/x' })).toEqual({ databaseUrl: 'postgres://h/d' });
    expect(storeConfigFromFlags({}, { PARALLAX_DB: '/srv/x' })).toEqual({ dataDir: '/srv/x' });
    expect(storeConfigFromFlags({}, {})).toEqual({ dataDir: undefined });
  });

  it('refuses a --db URL of another scheme, naming the scheme but not the password', () => {
    let err: unknown;
    try {
      storeConfigFromFlags({ db: 'mysql://root:hunter2@db.example/news' }, {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/mysql:\/\//);
    expect((err as ConfigError).message).not.toContain('hunter2');
  });
});

const PG_URL = process.env.PARALLAX_TEST_DATABASE_URL;

describe.skipIf(!PG_URL)(`parallax list --db <postgres url>${PG_URL ? '' : ' (skipped: set PARALLAX_TEST_DATABASE_URL)'}`, () => {
  it('opens the PostgreSQL database and creates no folder', async () => {
    const db = await scratchDatabase(PG_URL!);
    const cwd = mkdtempSync(path.join(tmpdir(), 'parallax-db-url-'));
    const before = process.cwd();
    process.chdir(cwd);
    try {
      const { code, stdout } = await runCli(['list', '--db', db.url, '--format', 'json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual([]);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      process.chdir(before);
      await db.drop();
    }
  });
});

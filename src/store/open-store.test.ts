import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../core/index.js';
import { describeDatabaseUrl, openStore, resolveStoreTarget } from './open-store.js';

describe('resolveStoreTarget', () => {
  it('uses the default data folder under the working directory', () => {
    expect(resolveStoreTarget({}, {})).toEqual({ engine: 'pglite', dataDir: expect.stringMatching(/[/\\]\.parallax[/\\]db$/) });
  });

  it('prefers explicit config, then DATABASE_URL, then PARALLAX_DB', () => {
    const env = { DATABASE_URL: 'postgres://u@db.example:5433/news', PARALLAX_DB: '/srv/parallax' };
    expect(resolveStoreTarget({}, env)).toEqual({ engine: 'postgres', url: env.DATABASE_URL });
    expect(resolveStoreTarget({}, { PARALLAX_DB: '/srv/parallax' })).toEqual({ engine: 'pglite', dataDir: '/srv/parallax' });
    expect(resolveStoreTarget({ memory: true }, env)).toEqual({ engine: 'pglite', dataDir: null });
    expect(resolveStoreTarget({ dataDir: '/tmp/x' }, env)).toEqual({ engine: 'pglite', dataDir: '/tmp/x' });
    expect(resolveStoreTarget({ databaseUrl: 'postgres://h/d', memory: true }, {})).toEqual({ engine: 'postgres', url: 'postgres://h/d' });
  });
});

describe('describeDatabaseUrl', () => {
  it('names host, port and database but never the password', () => {
    const where = describeDatabaseUrl('postgresql://reader:s3cret-pw@db.internal:6543/news');
    expect(where).toBe('db.internal:6543/news');
    expect(where).not.toContain('s3cret');
  });

  it('rejects what is not a PostgreSQL URL without echoing it', () => {
    expect(() => describeDatabaseUrl('mysql://root:hunter2@h/d')).toThrow(/postgres:\/\//);
    let err: unknown;
    try {
      describeDatabaseUrl('not a url with hunter2');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('E_DATABASE_URL_INVALID');
    expect((err as StoreError).message).not.toContain('hunter2');
  });
});

describe('openStore on an unreachable PostgreSQL', () => {
  // A local port that accepts TCP and closes at once: a server that is not PostgreSQL.
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fails with E_DB_CONNECT naming the host, without the password', async () => {
    const err = await openStore({ databaseUrl: `postgres://writer:topsecret@127.0.0.1:${port}/news` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('E_DB_CONNECT');
    expect((err as StoreError).message).toContain(`127.0.0.1:${port}/news`);
    expect((err as StoreError).message).not.toContain('topsecret');
    expect((err as StoreError).message).not.toContain('\n');
  });
});

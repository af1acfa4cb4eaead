import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, utimesSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../core/index.js';
import { lockFolder } from './folder-lock.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'parallax-lock-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('one process per PGlite folder', () => {
  it('refuses a second holder, naming the folder and the holder, until the first lets go', async () => {
    const folder = path.join(dir, 'db');
    const lock = await lockFolder(folder);
    const err = await lockFolder(folder).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('E_DB_LOCKED');
    expect((err as StoreError).message).toContain(folder);
    expect((err as StoreError).message).toContain(`pid ${process.pid}`);
    lock.release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
    (await lockFolder(folder)).release();
  });

  it('takes over a lock left by a process that died', async () => {
    const folder = path.join(dir, 'db');
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), started: null, since: '2031-01-01T00:00:00.000Z' }));
    const lock = await lockFolder(folder);
    expect(JSON.parse((await import('node:fs')).readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock file left empty by a process that died while writing it, once it is old', async () => {
    const folder = path.join(dir, 'db');
    writeFileSync(`${folder}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${folder}.lock`, old, old);
    (await lockFolder(folder)).release();
  });
});

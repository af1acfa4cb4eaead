/**
 * Two processes opening one PGlite folder: PGlite has no lock of its own, and two writers
 * corrupt the folder. The second opener — at the same instant or later — must get a clear
 * error naming the folder and the holder's pid, and the store must stay whole.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLine, syntheticNews } from '../bench/synthetic-news.js';
import { runCliProcess, startCli } from './helpers/cli-process.js';

let dir: string;
let batch: string;
const ARTICLES = 12;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-lock-processes-'));
  batch = path.join(dir, 'batch.jsonl');
  await writeFile(batch, [...syntheticNews({ seed: 11, articles: ARTICLES })].map(jsonLine).join('\n'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function storedIds(db: string): Promise<string[]> {
  const run = await runCliProcess(['list', '--db', db, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { id: string }[]).map((a) => a.id);
}

function expectLockedBy(stderr: string, db: string, pid: number): void {
  expect(stderr).toContain('E_DB_LOCKED');
  expect(stderr).toContain(db);
  expect(stderr).toContain(`pid ${pid}`);
}

describe('one process per PGlite folder, across processes', { timeout: 600_000 }, () => {
  it('lets exactly one of two processes started at the same instant open the folder; the other names the holder', async () => {
    const db = path.join(dir, 'same-instant');
    const [a, b] = [startCli(['add', '--db', db, batch]), startCli(['add', '--db', db, batch])];
    const [codeA, codeB] = await Promise.all([a.exited, b.exited]);
    const winner = codeA === 0 ? a : b;
    const loser = winner === a ? b : a;
    expect([codeA, codeB].sort()).toEqual([0, 1]);
    expectLockedBy(loser.stderr(), db, winner.pid);
    expect(loser.stderr().trim().split('\n')).toHaveLength(1);
    const ids = await storedIds(db);
    expect(ids).toHaveLength(ARTICLES);
    expect(new Set(ids).size).toBe(ARTICLES);
  });

  it('refuses openers arriving one after another while a server holds the folder, and the store stays whole', async () => {
    const db = path.join(dir, 'staggered');
    const first = await runCliProcess(['add', '--db', db, batch]);
    expect(first.code, first.stderr).toBe(0);
    const holder = startCli(['serve', '--db', db, '--port', '0']);
    await holder.linesMatching(/.*/, 0);
    while (!holder.stderr().includes('serving')) {
      expect(holder.child.exitCode, holder.stderr()).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const contenders = [];
    for (let i = 0; i < 4; i++) {
      contenders.push(startCli(i % 2 ? ['list', '--db', db] : ['add', '--db', db, batch]));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const codes = await Promise.all(contenders.map((c) => c.exited));
    expect(codes).toEqual([1, 1, 1, 1]);
    for (const c of contenders) {
      expectLockedBy(c.stderr(), db, holder.pid);
      expect(c.stderr().trim().split('\n')).toHaveLength(1);
    }
    holder.child.kill('SIGTERM');
    expect(await holder.exited).toBe(0);
    // Released: the next process opens it, and finds every article once.
    const again = await runCliProcess(['add', '--db', db, batch]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`0 added, ${ARTICLES} already stored`);
    const ids = await storedIds(db);
    expect(ids).toHaveLength(ARTICLES);
    expect(new Set(ids).size).toBe(ARTICLES);
  });
});

/**
 * `parallax serve --workers 0` as a real process: which threads a serving process starts is seen
 * only from outside it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from '../../test/helpers/scale.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'test/helpers/parallax-bin.ts');
const PG_URL = process.env.PARALLAX_TEST_DATABASE_URL;
/** Loaded before the command: a line on stderr for each thread the process starts (Node's `worker` event). */
const THREAD_PROBE = `data:text/javascript,process.on('worker',()=>process.stderr.write('probe: a thread started\\n'))`;
const THREAD_STARTED = 'probe: a thread started';

interface Running {
  readonly pid: number;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stderr; rejects when the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

function start(args: string[], env: NodeJS.ProcessEnv, options: { probe?: boolean } = {}): Running {
  // The probe after tsx: tsx's own loader thread is not the command's.
  const child = spawn(process.execPath, ['--import', 'tsx', ...(options.probe ? ['--import', THREAD_PROBE] : []), BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, PARALLAX_TOKEN: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const waiters = new Set<() => void>();
  child.stderr!.on('data', (c: Buffer) => { err += c.toString(); for (const w of waiters) w(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { for (const w of waiters) w(); resolve(code); }));
  return {
    pid: child.pid!,
    stderr: () => err,
    waitFor: (pattern) => new Promise((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(err);
        if (m) { waiters.delete(check); resolve(m); } else if (child.exitCode !== null || child.signalCode !== null) { waiters.delete(check); reject(new Error(`exited before ${pattern}: ${err}`)); }
      };
      waiters.add(check);
      check();
    }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

describe.skipIf(!PG_URL)(`parallax serve --workers 0 on PostgreSQL${PG_URL ? '' : ' (skipped: set PARALLAX_TEST_DATABASE_URL)'}`, () => {
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => { db = await scratchDatabase(PG_URL!); });
  afterAll(async () => { await db?.drop(); });

  it('starts no thread: it only reads, and leaves the jobs to `parallax worker` processes', async () => {
    // Two analysis threads is what it would start if it analysed anything.
    const serve = start(['serve', '--workers', '0', '--port', '0'], { DATABASE_URL: db.url, PARALLAX_WORKERS: '2' }, { probe: true });
    try {
      const [, base] = await serve.waitFor(/the API at (http:\/\/[\d.:]+)/);
      expect(serve.stderr()).toContain('jobs run by `parallax worker` processes');
      const health = await fetch(`${base}/api/health`);
      expect(await health.json()).toEqual({ ok: true, articles: 0 });
      const stories = await fetch(`${base}/api/stories`);
      expect(stories.status).toBe(200);
    } finally {
      expect(await serve.stop(), serve.stderr()).toBe(0);
    }
    expect(serve.stderr()).not.toContain(THREAD_STARTED);
  }, 180_000);

  it('starts its analysis threads when it works jobs itself (--workers 1): what the probe above would have seen', async () => {
    const serve = start(['serve', '--workers', '1', '--port', '0'], { DATABASE_URL: db.url, PARALLAX_WORKERS: '2' }, { probe: true });
    try {
      await serve.waitFor(/the API at (http:\/\/[\d.:]+)/);
      expect(serve.stderr()).toContain(THREAD_STARTED);
    } finally {
      expect(await serve.stop(), serve.stderr()).toBe(0);
    }
  }, 180_000);
});

/**
 * `parallax serve --workers 0` and `parallax worker --nice N` as real processes: which threads a
 * serving process starts and the priority a worker gives itself are seen only from outside it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/run-cli.js';
import { scratchDatabase } from '../../test/helpers/scale.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'test/helpers/parallax-bin.ts');
const PG_URL = process.env.PARALLAX_TEST_DATABASE_URL;
/** Loaded before the command: a line on stderr for each thread the process starts (Node's `worker` event). */
const THREAD_PROBE = `data:text/javascript,process.on('worker',()=>process.stderr.write('probe: a thread started\\n'))`;
const THREAD_STARTED = 'probe: a thread started';
/** A process started from the sources at nice 10 on a machine kept busy took nearly two minutes to say it runs. */
const PROCESS_TEST_MS = 300_000;

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

/** The nice value of each thread of a process (Linux: /proc). */
function threadNices(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // Fields after the command name in parentheses: state is field 3, nice field 19.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('parallax worker --nice', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'parallax-nice-')); });
  afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('lowers the worker’s own priority, on every thread it runs, and says so', async () => {
    // One analysis thread, started after the priority is set: it must inherit it.
    const worker = start(['worker', '--nice', '10', '--db', path.join(dir, 'db')], { PARALLAX_WORKERS: '1' });
    try {
      await worker.waitFor(/Ctrl-C to stop/);
      expect(worker.stderr()).toContain('nice 10');
      expect(getPriority(worker.pid)).toBe(10);
      if (existsSync(`/proc/${worker.pid}/task`)) {
        const nices = threadNices(worker.pid);
        expect(nices.length).toBeGreaterThan(1);
        expect(new Set(nices)).toEqual(new Set([10]));
      }
    } finally {
      expect(await worker.stop(), worker.stderr()).toBe(0);
    }
  }, PROCESS_TEST_MS);

  it('runs at normal priority without it', async () => {
    const worker = start(['worker', '--db', path.join(dir, 'db-normal')], {});
    try {
      await worker.waitFor(/Ctrl-C to stop/);
      expect(getPriority(worker.pid)).toBe(getPriority());
    } finally {
      expect(await worker.stop(), worker.stderr()).toBe(0);
    }
  }, PROCESS_TEST_MS);

  it('refuses a value outside 0 to 19 as a usage error', async () => {
    for (const value of ['20', 'low', '2.5']) {
      const run = await runCli(['worker', '--nice', value, '--db', path.join(dir, 'db-refused')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--nice needs a whole number from 0 to 19');
    }
  });
});

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
  }, PROCESS_TEST_MS);

  it('starts its analysis threads when it works jobs itself (--workers 1): what the probe above would have seen', async () => {
    const serve = start(['serve', '--workers', '1', '--port', '0'], { DATABASE_URL: db.url, PARALLAX_WORKERS: '2' }, { probe: true });
    try {
      await serve.waitFor(/the API at (http:\/\/[\d.:]+)/);
      expect(serve.stderr()).toContain(THREAD_STARTED);
    } finally {
      expect(await serve.stop(), serve.stderr()).toBe(0);
    }
  }, PROCESS_TEST_MS);
});

/**
 * The `parallax` command as a real process: what only a process shows, such
 * as whether it exits at all.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-process-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Run the CLI in its own process; resolves with its exit code and stderr, or `null` for a process still running after `limitMs`. */
function runProcess(args: string[], limitMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/helpers/cli-main.ts'), ...args], { cwd: ROOT, env: { ...process.env, PARALLAX_TOKEN: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, stderr });
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('parallax serve as a process', () => {
  it('exits with status 1, naming the address, when its port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as net.AddressInfo).port;
      const run = await runProcess(['serve', '--port', String(port), '--db', path.join(dir, 'db')], 120_000);
      expect(run.code, `still running after 120 s; stderr: ${run.stderr}`).toBe(1);
      expect(run.stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
      expect(run.stderr).toContain('[E_PORT_IN_USE]');
    } finally {
      blocker.close();
    }
  }, 180_000);
});

describe('parallax worker as a process', () => {
  /** Start a worker, wait until it says it is taking jobs, send it a signal: its exit code and stderr, or null if it is still running after `limitMs`. */
  function stopWorker(signal: NodeJS.Signals, db: string, limitMs: number): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/helpers/cli-main.ts'), 'worker', '--db', db], { cwd: ROOT, env: { ...process.env, PARALLAX_TOKEN: '' } });
      let stderr = '';
      let timer: NodeJS.Timeout | undefined;
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (!timer && stderr.includes('Ctrl-C to stop')) {
          child.kill(signal);
          timer = setTimeout(() => { child.kill('SIGKILL'); resolve({ code: null, stderr }); }, limitMs);
        }
      });
      child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`stops on ${signal} and exits with status 0`, async () => {
      const run = await stopWorker(signal, path.join(dir, `worker-${signal}`), 60_000);
      expect(run.code, `still running 60 s after ${signal}; stderr: ${run.stderr}`).toBe(0);
      expect(run.stderr).toContain('stopped after');
    }, 180_000);
  }
});

describe('npm start as a process', () => {
  // `npm start` runs the built command (bin/parallax.js over dist/): without a build there is nothing to start.
  const built = existsSync(path.join(ROOT, 'dist', 'cli'));

  /** Start `npm start` on a free port, wait until it serves, send npm (not its child) a signal: npm's exit code and whether the server still answers. */
  function stopNpmStart(signal: NodeJS.Signals, db: string): Promise<{ code: number | null; served: string; stillServing: boolean; stderr: string }> {
    return new Promise((resolve) => {
      const npm = spawn('npm', ['start', '--silent', '--', '--port', '0', '--db', db], { cwd: ROOT, env: { ...process.env, PARALLAX_TOKEN: '' } });
      let stderr = '';
      let served = '';
      const limit = setTimeout(() => { npm.kill('SIGKILL'); }, 150_000);
      npm.stderr.on('data', (chunk) => {
        stderr += chunk;
        const url = /serving the web app and the API at (http:\/\/\S+)/.exec(stderr)?.[1];
        if (url && !served) { served = url; npm.kill(signal); }
      });
      npm.on('exit', (code) => {
        clearTimeout(limit);
        // The server had a moment to close; a request to it now must find nothing listening.
        setTimeout(() => {
          fetch(served || 'http://127.0.0.1:9', { signal: AbortSignal.timeout(3_000) })
            .then(() => resolve({ code, served, stillServing: true, stderr }), () => resolve({ code, served, stillServing: false, stderr }));
        }, 1_000);
      });
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it.skipIf(!built)(`stops the server it started when npm gets ${signal}`, async () => {
      const run = await stopNpmStart(signal, path.join(dir, `start-${signal}`));
      expect(run.served, `never served; stderr: ${run.stderr}`).not.toBe('');
      expect(run.stillServing, `${run.served} still answers after ${signal} to npm`).toBe(false);
    }, 180_000);
  }
});

/**
 * The CLI as a real process (from the sources, through tsx), for tests where processes
 * compete or get killed. Output is collected; `lines` resolves once stdout has that many lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'parallax-bin.ts');

export interface CliProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Resolves once stdout holds at least `n` lines matching `pattern` (or the process ends). */
  linesMatching(pattern: RegExp, n: number): Promise<void>;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
    env: { ...process.env, ...env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (c: Buffer) => { out += c.toString(); waiters.splice(0).forEach((w) => w()); });
  child.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
  let done = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    done = true;
    waiters.splice(0).forEach((w) => w());
    resolve(code);
  }));
  return {
    child,
    pid: child.pid!,
    stdout: () => out,
    stderr: () => err,
    exited,
    async linesMatching(pattern, n) {
      while (!done && out.split('\n').filter((l) => pattern.test(l)).length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

/** Run the CLI to its end. */
export async function runCliProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = startCli(args, env);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

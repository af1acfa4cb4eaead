/**
 * Parallax processes for the scale bench: the CLI from the sources, pinned to
 * a core when `taskset` is there, with its peak memory (VmHWM) followed while
 * it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/helpers/parallax-bin.ts');
const TASKSET = '/usr/bin/taskset';
/**
 * `PARALLAX_BENCH_CLI=built`: run the compiled command (`bin/parallax.js`, after `npm run build`) as users
 * do, not the sources through tsx, whose compiler and caches in every thread add to time and memory.
 */
const BUILT = process.env.PARALLAX_BENCH_CLI === 'built';
const BUILT_ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/parallax.js');

export interface BenchProcess {
  readonly child: ChildProcess;
  /** Peak resident memory seen so far, MB. */
  peakMb(): number;
  stderr(): string;
  stdout(): string;
  readonly exited: Promise<number | null>;
  /** Stop with SIGTERM (a worker finishes the jobs in hand) and wait. */
  stop(): Promise<number | null>;
}

function vmHwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Start `parallax <args>` (pinned to `core` when given). */
export function startParallax(args: readonly string[], env: NodeJS.ProcessEnv, options: { core?: number } = {}): BenchProcess {
  const node = BUILT ? [process.execPath, BUILT_ENTRY, ...args] : [process.execPath, '--import', 'tsx', ENTRY, ...args];
  const pinned = options.core !== undefined && existsSync(TASKSET);
  const child = spawn(pinned ? TASKSET : node[0]!, pinned ? ['-c', String(options.core), ...node] : node.slice(1), {
    env: { ...process.env, ...env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peak = 0;
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => { out += c.toString(); if (out.length > 1_000_000) out = out.slice(-500_000); });
  child.stderr!.on('data', (c: Buffer) => { err += c.toString(); if (err.length > 1_000_000) err = err.slice(-500_000); });
  const timer = setInterval(() => { peak = Math.max(peak, vmHwmMb(child.pid!)); }, 250);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { clearInterval(timer); resolve(code); }));
  return {
    child,
    peakMb: () => Math.max(peak, vmHwmMb(child.pid!)),
    stderr: () => err,
    stdout: () => out,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Run `parallax <args>` to its end; fails with its stderr when it exits non-zero. */
export async function runParallax(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; peakMb: number; stdout: string; stderr: string }> {
  const started = performance.now();
  const p = startParallax(args, env);
  const code = await p.exited;
  if (code !== 0) throw new Error(`parallax ${args.join(' ')} exited ${code}: ${p.stderr().slice(-2000)}`);
  return { ms: performance.now() - started, peakMb: p.peakMb(), stdout: p.stdout(), stderr: p.stderr() };
}

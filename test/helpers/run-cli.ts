import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/index.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun { code: number; stdout: string; stderr: string }

/** Run the CLI in-process with captured output (same code path as the `parallax` binary). */
export async function runCli(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => { out += c; });
  stderr.on('data', (c) => { err += c; });
  const io: CliIO = {
    stdout,
    stderr,
    stdin: Readable.from([options.stdin ?? '']),
    env: { ...options.env },
  };
  const code = await main(args, io);
  return { code, stdout: out, stderr: err };
}

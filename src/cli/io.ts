/** Where the CLI writes: injectable so tests can capture output without spawning a process. */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
}

export const processIO: CliIO = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
};

export function writeLine(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(line + '\n');
}

/**
 * The one stderr line for a failed input: `parallax: INPUT: REASON [CODE]`, the input
 * named once even when the error's own message already starts with it.
 */
export function failureLine(input: string, message: string): string {
  const named = message === input || message.startsWith(`${input}:`) || message.startsWith(`${input} `);
  return `parallax: ${named ? message : `${input}: ${message}`}`;
}

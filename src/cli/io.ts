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

/** The stderr line for a warning about a kept input: `parallax: INPUT: warning: REASON [CODE]`, the input named once. */
export function warningLine(input: string, warning: { code: string; reason: string }): string {
  const reason = warning.reason.startsWith(`${input}: `) ? warning.reason.slice(input.length + 2) : warning.reason;
  return `parallax: ${input}: warning: ${reason} [${warning.code}]`;
}

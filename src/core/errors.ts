/**
 * One error catalogue. Codes are stable strings; messages say what happened
 * and what to do. The CLI maps codes to exit codes, the API to HTTP status.
 */
export class ParallaxError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A problem with one input: unreadable, empty, binary, too large, unreachable, unparsable. */
export class IngestError extends ParallaxError {}
/** The page was read but no article could be found in it. */
export class ExtractError extends ParallaxError {}
/** The database refused or failed an operation. */
export class StoreError extends ParallaxError {}
/** Bad configuration or bad command-line usage. */
export class ConfigError extends ParallaxError {}
/** A pipeline stage failed on a document. */
export class StageError extends ParallaxError {}

/** One line, never a stack trace: what a user sees for a failed input. */
export function describeError(err: unknown): string {
  if (err instanceof ParallaxError) return `${err.message} [${err.code}]`;
  if (err instanceof Error) return err.message;
  return String(err);
}

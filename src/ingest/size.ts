import { IngestError } from '../core/index.js';
import { INGEST_ERROR_CODES } from './errors.js';

/** `10 MiB`, `1.5 KiB`, `300 bytes`: sizes as a user reads them in an error. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** The `E_TOO_LARGE` error for an input over the size cap. */
export function tooLarge(input: string, maxBytes: number): IngestError {
  return new IngestError(INGEST_ERROR_CODES.tooLarge, `${input}: larger than the ${formatBytes(maxBytes)} limit`);
}

import type { IngestOptions } from '../ingest/index.js';
import type { CliIO } from './io.js';

/** Read a positive number from the environment, or undefined (a bad value is ignored, not guessed at). */
function envNumber(io: CliIO, name: string): number | undefined {
  const raw = io.env[name];
  if (!raw) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Ingestion options from flags and the environment (PARALLAX_FETCH_TIMEOUT_MS, PARALLAX_MAX_BYTES). */
export function ingestOptionsFrom(flags: { fetch?: boolean }, io: CliIO): IngestOptions {
  return {
    fetchLinked: flags.fetch,
    stdin: io.stdin,
    timeoutMs: envNumber(io, 'PARALLAX_FETCH_TIMEOUT_MS'),
    maxBytes: envNumber(io, 'PARALLAX_MAX_BYTES'),
  };
}

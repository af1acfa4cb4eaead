/**
 * Ingestion: inputs (files, folders, stdin, URLs, feeds, JSON Lines, WARC)
 * → RawPages with decoded text, source and hints. Extraction takes it from there.
 */
export { ingest } from './ingest.js';
export { listInputFiles } from './files.js';
export { decodeBytes, detectEncoding, canonicalEncoding, type DecodeHints, type DecodedText } from './decode.js';
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  MAX_PER_HOST,
  type IngestOptions,
  type IngestResult,
  type IngestedPage,
} from './types.js';
export { DEFAULT_USER_AGENT } from './user-agent.js';
export { INGEST_ERROR_CODES, HttpStatusError, type IngestErrorCode } from './errors.js';
export type { IngestWarning } from './warnings.js';
export { isPrivateAddress } from './address.js';
export { fetchUrl, type FetchUrlOptions, type FetchedResource } from './http.js';

import { IngestError } from '../core/index.js';

/**
 * The stable codes ingestion fails with. The CLI maps them to exit codes and
 * the HTTP API to status codes, so they never change meaning.
 */
export const INGEST_ERROR_CODES = {
  empty: 'E_EMPTY',
  binary: 'E_BINARY',
  tooLarge: 'E_TOO_LARGE',
  notFound: 'E_NOT_FOUND',
  read: 'E_READ',
  badUrl: 'E_BAD_URL',
  fetchTimeout: 'E_FETCH_TIMEOUT',
  fetch: 'E_FETCH',
  httpStatus: 'E_HTTP_STATUS',
  tooManyRedirects: 'E_TOO_MANY_REDIRECTS',
  hostNotFound: 'E_HOST_NOT_FOUND',
  privateAddress: 'E_PRIVATE_ADDRESS',
  unsupportedType: 'E_UNSUPPORTED_TYPE',
  feedParse: 'E_FEED_PARSE',
  feedItem: 'E_FEED_ITEM',
  jsonlParse: 'E_JSONL_PARSE',
  jsonlRecord: 'E_JSONL_RECORD',
  warcParse: 'E_WARC_PARSE',
} as const;

export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[keyof typeof INGEST_ERROR_CODES];

/** An HTTP 4xx/5xx answer; carries the status so the API can pass it on. */
export class HttpStatusError extends IngestError {
  readonly status: number;
  constructor(url: string, status: number, statusText: string) {
    super(INGEST_ERROR_CODES.httpStatus, `${url}: HTTP ${status}${statusText ? ' ' + statusText : ''}`);
    this.status = status;
  }
}

/** Wrap anything thrown while reading one input into a one-line IngestError naming it. */
export function asIngestError(input: string, err: unknown, fallbackCode: IngestErrorCode = INGEST_ERROR_CODES.read): IngestError {
  if (err instanceof IngestError) return err;
  const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new IngestError(fallbackCode, `${input}: ${reason}`, { cause: err });
}

export { IngestError };

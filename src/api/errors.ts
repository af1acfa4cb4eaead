import { ParallaxError, IngestError, ExtractError, StoreError } from '../core/index.js';

/** A request the API refuses, carrying the HTTP status it answers with. */
export class ApiError extends ParallaxError {
  readonly status: number;
  constructor(status: number, code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.status = status;
  }
}

/** The one error shape every route answers with. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** HTTP status for codes whose meaning is not "the input could not be read" (those are 422). */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  E_VALIDATION: 400,
  E_UNAUTHORIZED: 401,
  E_PRIVATE_ADDRESS: 403,
  E_NOT_FOUND: 404,
  E_ARTICLE_NOT_FOUND: 404,
  E_ORIGINAL_NOT_FOUND: 404,
  E_STORY_NOT_FOUND: 404,
  E_ENTITY_NOT_FOUND: 404,
  E_ROUTE_NOT_FOUND: 404,
  E_TOO_LARGE: 413,
  E_TOO_COMPLEX: 413,
  E_BUSY: 503,
  E_DEADLINE: 503,
  E_UNSUPPORTED_MEDIA_TYPE: 415,
  E_NOT_IMPLEMENTED: 501,
};

/** An error known by its code and message only (a job's failure, read back from the queue), with the status its code means. */
export function apiErrorFor(code: string, message: string): ApiError {
  return new ApiError(STATUS_BY_CODE[code] ?? 422, code, message);
}

/**
 * Map any thrown value to a status and the JSON error body. Unknown errors
 * become 500 E_INTERNAL with a fixed message: no stack trace or internal
 * detail reaches the client.
 */
export function errorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ApiError) return { status: err.status, body: bodyOf(err.code, err.message) };
  if (err instanceof ParallaxError) {
    const mapped = STATUS_BY_CODE[err.code];
    if (mapped !== undefined) return { status: mapped, body: bodyOf(err.code, err.message) };
    if (err instanceof IngestError || err instanceof ExtractError) return { status: 422, body: bodyOf(err.code, err.message) };
    if (err instanceof StoreError) return { status: 503, body: bodyOf(err.code, err.message) };
  }
  return { status: 500, body: bodyOf('E_INTERNAL', 'internal error: the request could not be completed') };
}

function bodyOf(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

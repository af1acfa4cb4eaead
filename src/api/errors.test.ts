import { describe, expect, it } from 'vitest';
import { IngestError, ExtractError } from '../core/index.js';
import { HttpStatusError } from '../ingest/index.js';
import { errorResponse } from './errors.js';

describe('error mapping', () => {
  it('maps stable codes to HTTP status', () => {
    expect(errorResponse(new IngestError('E_PRIVATE_ADDRESS', 'x')).status).toBe(403);
    expect(errorResponse(new IngestError('E_TOO_LARGE', 'x')).status).toBe(413);
    expect(errorResponse(new IngestError('E_FETCH_TIMEOUT', 'x')).status).toBe(422);
    expect(errorResponse(new HttpStatusError('https://news.example/a', 404, 'Not Found')).body.error.code).toBe('E_HTTP_STATUS');
    expect(errorResponse(new ExtractError('E_NO_ARTICLE', 'x'))).toEqual({ status: 422, body: { error: { code: 'E_NO_ARTICLE', message: 'x' } } });
  });

  it('hides the message and stack of unexpected errors', () => {
    const res = errorResponse(new TypeError('secret internals at /srv/app/x.js:12'));
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('E_INTERNAL');
    expect(JSON.stringify(res.body)).not.toContain('/srv/app');
  });
});

import { WARCParser, type WARCRecord } from 'warcio';
import { IngestError, type DocSource, type PageHints } from '../core/index.js';
import { INGEST_ERROR_CODES } from './errors.js';
import { decodeBytes } from './decode.js';
import { formatFromContentType, mimeOf } from './sniff.js';
import { tooLarge } from './size.js';
import type { IngestResult, IngestedPage } from './types.js';
import type { IngestWarning } from './warnings.js';

export interface WarcOrigin {
  /** How the archive is named in results; records become `name#TARGET-URI`. */
  readonly name: string;
  readonly path?: string;
  /** Largest payload read from one record. */
  readonly maxBytes: number;
}

/**
 * One page per WARC `response` record whose HTTP payload is HTML or text
 * (2xx only: redirects and error pages are not articles). Other records are
 * skipped. The charset comes from the recorded HTTP Content-Type header.
 * Gzipped archives (per-record or whole-file) are read as they stream.
 */
export async function* pagesFromWarc(source: AsyncIterable<Uint8Array>, origin: WarcOrigin): AsyncGenerator<IngestResult> {
  const parser = new WARCParser(source);
  let count = 0;
  try {
    for await (const record of parser) {
      count++;
      if (!record.warcHeaders.statusline.startsWith('WARC/')) {
        const what = count === 1 ? 'does not start with a WARC record' : `record ${count} has no WARC header`;
        yield { ok: false, input: origin.name, error: new IngestError(INGEST_ERROR_CODES.warcParse, `${origin.name}: ${what}`) };
        return;
      }
      if (record.warcType !== 'response') continue;
      const uri = record.warcTargetURI ?? `record-${count}`;
      const input = `${origin.name}#${uri}`;
      const status = Number(record.httpHeaders?.statusCode ?? 0);
      if (status < 200 || status >= 300) continue;
      const contentType = record.httpHeaders?.headers.get('content-type') ?? undefined;
      const format = formatFromContentType(contentType);
      if (format !== 'html' && format !== 'text' && format !== null) continue;
      const length = Number(record.warcHeaders.headers.get('content-length') ?? 0);
      if (length > origin.maxBytes) {
        yield { ok: false, input, error: tooLarge(input, origin.maxBytes) };
        continue;
      }
      const raw = await record.readFully(false);
      const missing = bytesMissing(record);
      const bytes = await record.readFully(true);
      if (bytes.length === 0) continue;
      const decoded = decodeBytes(bytes, contentType ? { contentType } : {});
      const warnings: IngestWarning[] = [...(decoded.warnings ?? [])];
      if (missing > 0) {
        warnings.unshift({ code: 'W_TRUNCATED_RECORD', reason: `${input}: the record is cut short: the archive holds ${raw.length.toLocaleString('en-GB')} of its ${(raw.length + missing).toLocaleString('en-GB')} payload bytes, so the page may be incomplete` });
      }
      const source: DocSource = { ...(origin.path ? { path: origin.path } : {}), url: uri, item: uri };
      const hints: PageHints = { from: 'warc', url: uri };
      const fetchedAt = isoOrNow(record.warcDate);
      const page: IngestedPage = {
        source,
        format: format === 'text' || mimeOf(contentType) === 'text/plain' ? 'text' : 'html',
        content: decoded.text,
        encoding: decoded.encoding,
        fetchedAt,
        ...(contentType ? { contentType } : {}),
        hints,
        ...(warnings.length ? { warnings } : {}),
      };
      yield { ok: true, input, page };
    }
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    yield {
      ok: false,
      input: origin.name,
      error: new IngestError(INGEST_ERROR_CODES.warcParse, `${origin.name}: not a readable WARC after ${count} records (${reason})`, { cause: err }),
    };
  }
  if (count === 0) {
    yield { ok: false, input: origin.name, error: new IngestError(INGEST_ERROR_CODES.warcParse, `${origin.name}: no WARC records found`) };
  }
}

function isoOrNow(date: string | null | undefined): string {
  const ms = date ? Date.parse(date) : NaN;
  return Number.isNaN(ms) ? new Date().toISOString() : new Date(ms).toISOString();
}

/**
 * Payload bytes the record's Content-Length promised that the archive does not
 * hold (the file ends inside the record). warcio reads a record through a
 * length-limited reader and leaves what it could not read in its `limit`.
 */
function bytesMissing(record: WARCRecord): number {
  const reader = (record as unknown as { _reader?: { limit?: unknown } })._reader;
  return typeof reader?.limit === 'number' && reader.limit > 0 ? reader.limit : 0;
}

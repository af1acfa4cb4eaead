/**
 * Turn what a client sent (a URL, text, HTML, feed XML or an uploaded file)
 * into read pages through the same ingest path as the CLI; extraction and
 * annotation then run on the analysis pool.
 * Nothing is written to disk and no string from the request is ever used as
 * a file path.
 */
import { Readable } from 'node:stream';
import { ParallaxError, IngestError, type DocSource, type RawPage } from '../core/index.js';
import { ingest, type IngestResult, type IngestedPage } from '../ingest/index.js';
import type { AddArticleBody } from './schemas.js';

export type ReadOutcome =
  /** The page as read; extraction and annotation happen later, off the event loop. It is kept as the article's original. */
  | { ok: true; input: string; page: IngestedPage }
  | { ok: false; input: string; error: ParallaxError };

export interface ReadRequestOptions {
  /** Allow URLs that resolve to loopback, private or link-local addresses (SSRF guard off). */
  readonly allowPrivateUrls: boolean;
  /** Largest fetched body or uploaded file, in bytes. */
  readonly maxBytes: number;
}

/** Stands for the bytes of a request in ingest's own vocabulary: its stdin input. */
const BYTES_INPUT = '-';

/** Read the articles in a JSON body. */
export async function readJsonBody(body: AddArticleBody, options: ReadRequestOptions): Promise<ReadOutcome[]> {
  const fetchedAt = new Date().toISOString();
  if ('text' in body) {
    const page: RawPage = {
      source: body.url ? { url: body.url } : {},
      format: 'text',
      content: body.text,
      encoding: 'utf-8',
      fetchedAt,
      ...(body.title || body.url ? { hints: { from: 'http' as const, ...(body.title ? { title: body.title } : {}), ...(body.url ? { url: body.url } : {}) } } : {}),
    };
    return [{ ok: true, input: 'text', page }];
  }
  if ('html' in body) {
    const page: RawPage = { source: body.url ? { url: body.url } : {}, format: 'html', content: body.html, encoding: 'utf-8', fetchedAt };
    return [{ ok: true, input: 'html', page }];
  }
  if ('feed' in body) {
    return readBytes(Buffer.from(body.feed, 'utf8'), { name: 'feed', ...(body.url ? { url: body.url } : {}) }, options);
  }
  return collect(ingest([body.url], { allowPrivateAddresses: options.allowPrivateUrls, maxBytes: options.maxBytes }), (result) =>
    result.ok ? { ok: true, input: result.input, page: result.page } : { ok: false, input: result.input, error: result.error },
  );
}

/**
 * Read the articles in uploaded bytes of any supported format (HTML, text,
 * JSON Lines, RSS/Atom, WARC, gzip of these), sniffed from the content.
 * `name` (the upload's file name) only labels the articles' sources.
 */
export async function readBytes(bytes: Uint8Array, origin: { name: string; url?: string }, options: ReadRequestOptions): Promise<ReadOutcome[]> {
  const results = ingest([BYTES_INPUT], { stdin: Readable.from([Buffer.from(bytes)]), maxBytes: options.maxBytes, allowPrivateAddresses: options.allowPrivateUrls });
  return collect(results, (result) => {
    const input = result.input.replace(/^-/, origin.name);
    if (!result.ok) return { ok: false, input, error: relabel(result.error, origin.name) };
    return { ok: true, input, page: { ...result.page, source: uploadSource(result.page.source, origin) } };
  });
}

/** Ingest names stdin `-` in its messages; say the upload's name instead. */
function relabel(error: ParallaxError, name: string): ParallaxError {
  if (!(error instanceof IngestError) || !/^(-|standard input)/.test(error.message)) return error;
  return new IngestError(error.code, error.message.replace(/^(-|standard input)/, name), { cause: error });
}

/** The source of an uploaded page: never a server path; the upload's name, item index and URL where known. */
function uploadSource(source: DocSource, origin: { name: string; url?: string }): DocSource {
  const item = source.item ? `${origin.name}#${source.item}` : origin.name;
  const url = source.url ?? origin.url;
  return { ...(url ? { url } : {}), item };
}

async function collect(results: AsyncIterable<IngestResult>, map: (result: IngestResult) => ReadOutcome): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const result of results) out.push(map(result));
  return out;
}

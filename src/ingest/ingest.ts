import { createReadStream, type ReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import { IngestError, type DocSource, type PageFormat, type PageHints } from '../core/index.js';
import { INGEST_ERROR_CODES, asIngestError } from './errors.js';
import { decodeBytes } from './decode.js';
import { parseFeed, type FeedItem } from './feed.js';
import { fileError, listInputFiles, readInputFile, statInput } from './files.js';
import { fetchUrl, type FetchedResource, type FetchUrlOptions } from './http.js';
import { formatBytes, tooLarge } from './size.js';
import { pagesFromJsonl } from './jsonl.js';
import { createKeyedLimiter, type KeyedLimiter } from './limiter.js';
import { eagerly, inOrderWithLookahead } from './ordered.js';
import {
  detectBinary,
  formatFromContentType,
  formatFromExtension,
  isGzip,
  sniffFormat,
  type InputFormat,
} from './sniff.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  MAX_PER_HOST,
  type IngestOptions,
  type IngestResult,
  type IngestedPage,
} from './types.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';
import { pagesFromWarc } from './warc.js';
import type { IngestWarning } from './warnings.js';

/** Starts a URL's fetch (through the shared limiter) and returns its results, never rejecting. */
type UrlReader = (url: string, hints?: PageHints) => Promise<IngestResult[]>;

interface Context {
  readonly maxBytes: number;
  readonly fetchLinked: boolean;
  /** URL fetches begun ahead of the one being read; keeps the limiter busy without holding many bodies. */
  readonly lookahead: number;
  readonly stdin: NodeJS.ReadableStream;
  readonly readUrl: UrlReader;
  readonly fetchResource: (url: string) => Promise<FetchedResource>;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Read inputs into pages: files, folders (recursively), `-` for stdin, and
 * http(s) URLs. Formats: HTML, plain-text dumps, gzip of either, JSON Lines,
 * RSS/RDF/Atom feeds and WARC archives. Yields one result per page in input
 * order (items of a feed, lines of a JSONL and records of a WARC in their
 * order); URLs are fetched concurrently behind that order. Never throws for a
 * bad input: it yields `{ ok: false }` with a one-line `IngestError`.
 *
 * @example
 * for await (const r of ingest(['articles/', 'https://example.org/feed.xml'])) {
 *   if (r.ok) console.log(r.input, r.page.format); else console.error(r.error.message);
 * }
 */
export async function* ingest(inputs: readonly string[], options: IngestOptions = {}): AsyncGenerator<IngestResult> {
  const context = createContext(options);
  yield* inOrderWithLookahead(expandFolders(inputs), context.lookahead, (input) => beginInput(input, context));
}

function createContext(options: IngestOptions): Context {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const fetchOptions: FetchUrlOptions = {
    maxBytes,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    allowPrivateAddresses: options.allowPrivateAddresses ?? true,
  };
  const limiter: KeyedLimiter = createKeyedLimiter({ total: concurrency, perKey: MAX_PER_HOST });
  const fetchResource = (url: string) => limiter.run(hostKey(url), () => fetchUrl(url, fetchOptions));
  const context: Context = {
    maxBytes,
    fetchLinked: options.fetchLinked ?? false,
    lookahead: Math.max(1, concurrency) * 2,
    stdin: options.stdin ?? process.stdin,
    fetchResource,
    readUrl: async (url, hints) => {
      try {
        const resource = await fetchResource(url);
        return await collect(pagesFromResource(resource, url, hints, context));
      } catch (err) {
        return [{ ok: false, input: url, error: asIngestError(url, err, INGEST_ERROR_CODES.fetch) }];
      }
    },
  };
  return context;
}

function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/** Inputs with folders replaced by their files; a folder that cannot be listed stays, to fail with its own error. */
async function* expandFolders(inputs: readonly string[]): AsyncGenerator<string> {
  for (const input of inputs) {
    if (input === '-' || URL_SCHEME.test(input)) {
      yield input;
      continue;
    }
    const info = await statInput(input).catch(() => null);
    if (info?.isDirectory) {
      const files = await listInputFiles(input).catch(() => null);
      if (files && files.length > 0) {
        yield* files;
        continue;
      }
    }
    yield input;
  }
}

function beginInput(input: string, context: Context): AsyncIterable<IngestResult> {
  if (URL_SCHEME.test(input)) return eagerly(context.readUrl(input));
  if (input === '-') return guarded(input, () => pagesFromStdin(context));
  return guarded(input, () => pagesFromFile(input, context));
}

/** Run a lazy reader, turning anything it throws into one failed result for the input. */
async function* guarded(input: string, read: () => AsyncIterable<IngestResult>): AsyncGenerator<IngestResult> {
  try {
    yield* read();
  } catch (err) {
    yield { ok: false, input, error: asIngestError(input, err) };
  }
}

async function* pagesFromFile(file: string, context: Context): AsyncGenerator<IngestResult> {
  if (formatFromExtension(file) === 'warc') {
    // WARC crawls are routinely larger than one page's cap: stream them and cap each record instead.
    const stream = await openInputStream(file);
    yield* pagesFromWarc(stream, { name: file, path: file, maxBytes: context.maxBytes });
    return;
  }
  if (formatFromExtension(file) === 'jsonl') {
    // Dumps hold many articles and may far exceed one page's cap: stream lines, cap each line.
    const stream = await openInputStream(file);
    const lines = createInterface({ input: /\.gz$/i.test(file) ? stream.pipe(createGunzip()) : stream, crlfDelay: Infinity });
    yield* pagesFromJsonl(lines, { name: file, path: file, fetchedAt: new Date().toISOString(), encoding: 'utf-8', maxLineLength: context.maxBytes });
    return;
  }
  const bytes = await readInputFile(file, context.maxBytes);
  yield* pagesFromBytes(bytes, { name: file, path: file, fetchedAt: new Date().toISOString(), format: formatFromExtension(file) }, context);
}

/** Open a file for streaming after the same checks as a whole read, except the size cap. */
async function openInputStream(file: string): Promise<ReadStream> {
  const { size, isDirectory } = await statInput(file);
  if (isDirectory) throw new IngestError(INGEST_ERROR_CODES.empty, `${file}: folder holds no input files`);
  if (size === 0) throw new IngestError(INGEST_ERROR_CODES.empty, `${file}: file is empty`);
  const stream = createReadStream(file);
  await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject)).catch((err: unknown) => {
    throw fileError(file, err);
  });
  return stream;
}

async function* pagesFromStdin(context: Context): AsyncGenerator<IngestResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of context.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > context.maxBytes) throw tooLarge('standard input', context.maxBytes);
    chunks.push(buf);
  }
  yield* pagesFromBytes(Buffer.concat(chunks, total), { name: '-', path: '-', fetchedAt: new Date().toISOString(), format: null }, context);
}

async function* pagesFromResource(resource: FetchedResource, input: string, hints: PageHints | undefined, context: Context): AsyncGenerator<IngestResult> {
  yield* pagesFromBytes(
    resource.bytes,
    {
      name: input,
      url: resource.url,
      fetchedAt: resource.fetchedAt,
      format: null,
      ...(resource.contentType ? { contentType: resource.contentType } : {}),
      hints: hints ?? { from: 'http', url: resource.url },
      // A linked page fetched for a feed item is that item's page, never a feed of its own.
      singlePage: hints !== undefined,
    },
    context,
  );
}

interface BytesOrigin {
  /** How results name the input. */
  readonly name: string;
  readonly path?: string;
  readonly url?: string;
  readonly contentType?: string;
  readonly fetchedAt: string;
  /** The format the file name promises, or null to decide from content type and content. */
  readonly format: InputFormat | null;
  readonly hints?: PageHints;
  readonly singlePage?: boolean;
}

/** Everything after the bytes are in hand: gunzip, refuse binaries, pick the format, decode, split multi-page inputs. */
async function* pagesFromBytes(raw: Uint8Array, origin: BytesOrigin, context: Context): AsyncGenerator<IngestResult> {
  const input = origin.name;
  if (raw.length === 0) throw new IngestError(INGEST_ERROR_CODES.empty, `${input}: ${origin.url ? 'empty response' : 'file is empty'}`);
  const { bytes, cut } = isGzip(raw) ? gunzipCapped(raw, input, context.maxBytes) : { bytes: raw, cut: null };
  if (bytes.length === 0) throw new IngestError(INGEST_ERROR_CODES.empty, `${input}: ${cut ? 'the gzip data is cut short before any content' : 'decompresses to nothing'}`);
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'WARC/') {
    yield* pagesFromWarc(asAsyncIterable(bytes), { name: input, ...(origin.path ? { path: origin.path } : {}), maxBytes: context.maxBytes });
    return;
  }
  const binary = detectBinary(bytes);
  if (binary) throw new IngestError(INGEST_ERROR_CODES.binary, `${input}: looks like a ${binary}, not a page`);

  const format = chooseFormat(bytes, origin);
  const decoded = decodeBytes(bytes, { ...(origin.contentType ? { contentType: origin.contentType } : {}), ...(origin.path ? { path: origin.path } : {}) });
  const found = [...(cut ? [cut] : []), ...(decoded.warnings ?? []).map((w) => ({ code: w.code, reason: `${input}: ${w.reason}` }))];
  const warnings = found.length ? { warnings: found } : {};

  if (format === 'jsonl') {
    yield* pagesFromJsonl(decoded.text.split(/\r?\n/), { name: input, ...(origin.path ? { path: origin.path } : {}), fetchedAt: origin.fetchedAt, encoding: decoded.encoding, ...warnings });
    return;
  }
  if (format === 'feed') {
    yield* pagesFromFeed(decoded.text, decoded.encoding, origin, context);
    return;
  }
  if (format === 'warc') throw new IngestError(INGEST_ERROR_CODES.warcParse, `${input}: does not start with a WARC record`);
  const page: IngestedPage = {
    source: sourceOf(origin),
    format,
    content: decoded.text,
    encoding: decoded.encoding,
    fetchedAt: origin.fetchedAt,
    ...(origin.contentType ? { contentType: origin.contentType } : {}),
    ...(origin.hints ? { hints: origin.hints } : {}),
    ...warnings,
  };
  yield { ok: true, input, page };
}

function chooseFormat(bytes: Uint8Array, origin: BytesOrigin): InputFormat {
  const sniffed = sniffFormat(bytes);
  if (origin.singlePage) return sniffed === 'text' || formatFromContentType(origin.contentType) === 'text' ? 'text' : 'html';
  if (origin.format) return origin.format;
  const declared = formatFromContentType(origin.contentType);
  if (sniffed === 'feed' || sniffed === 'warc') return sniffed;
  if (declared === 'feed') return sniffed === 'html' ? 'html' : 'feed';
  if (declared === 'html') return 'html';
  if (declared === 'text') return sniffed === 'jsonl' ? 'jsonl' : 'text';
  if (declared === 'jsonl') return 'jsonl';
  return sniffed;
}

function sourceOf(origin: BytesOrigin, item?: string, itemUrl?: string): DocSource {
  const url = itemUrl ?? origin.url;
  return { ...(origin.path ? { path: origin.path } : {}), ...(url ? { url } : {}), ...(item ? { item } : {}) };
}

/**
 * Gunzip within the size cap. A gzip stream that stops early (a download cut
 * short) keeps what it decompresses to, with a warning; corrupt data fails.
 */
function gunzipCapped(bytes: Uint8Array, input: string, maxBytes: number): { bytes: Uint8Array; cut: IngestWarning | null } {
  try {
    return { bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }), cut: null };
  } catch (err) {
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError(INGEST_ERROR_CODES.tooLarge, `${input}: decompresses to more than the ${formatBytes(maxBytes)} limit`, { cause: err });
    }
    if ((err as NodeJS.ErrnoException).code === 'Z_BUF_ERROR') {
      // "unexpected end of file": flushing instead of finishing yields everything the stream held.
      const partial = gunzipSync(bytes, { maxOutputLength: maxBytes, finishFlush: zlibConstants.Z_SYNC_FLUSH });
      const reason = `${input}: the gzip data is cut short: kept the ${formatBytes(partial.length)} it decompresses to, so the page may be incomplete`;
      return { bytes: partial, cut: { code: 'W_TRUNCATED_GZIP', reason } };
    }
    throw new IngestError(INGEST_ERROR_CODES.read, `${input}: not valid gzip (${(err as Error).message})`, { cause: err });
  }
}

async function* pagesFromFeed(xml: string, encoding: string, origin: BytesOrigin, context: Context): AsyncGenerator<IngestResult> {
  const feed = parseFeed(xml, { name: origin.name, ...(origin.url ? { baseUrl: origin.url } : {}) });
  yield* inOrderWithLookahead(feed.entries, context.lookahead, (entry): AsyncIterable<IngestResult> => {
    const input = `${origin.name}#${entry.index}`;
    if (!entry.ok) return eagerly(Promise.resolve([{ ok: false, input, error: entry.error }]));
    const item = entry.item;
    if (context.fetchLinked && item.link) {
      return eagerly(fetchFeedItem(item, input, origin, context));
    }
    return eagerly(Promise.resolve([feedItemPage(item, input, encoding, origin)]));
  });
}

function feedItemPage(item: FeedItem, input: string, encoding: string, origin: BytesOrigin): IngestResult {
  if (!item.content) {
    return {
      ok: false,
      input,
      error: new IngestError(INGEST_ERROR_CODES.feedItem, `${input}: item has no content, only a link; fetch linked pages (--fetch) to read it`),
    };
  }
  const format: PageFormat = item.contentFormat;
  const page: IngestedPage = {
    source: sourceOf(origin, String(item.index), item.link),
    format,
    content: item.content,
    encoding,
    fetchedAt: origin.fetchedAt,
    hints: item.hints,
  };
  return { ok: true, input, page };
}

/** Fetch a feed item's linked page; the result keeps the item's hints and is named after the item. */
async function fetchFeedItem(item: FeedItem, input: string, origin: BytesOrigin, context: Context): Promise<IngestResult[]> {
  const results = await context.readUrl(item.link!, item.hints);
  return results.map((r): IngestResult => {
    if (!r.ok) return { ok: false, input, error: r.error };
    const page: IngestedPage = { ...r.page, source: { ...sourceOf(origin, String(item.index)), url: r.page.source.url ?? item.link! } };
    return { ok: true, input, page };
  });
}


async function* asAsyncIterable(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}


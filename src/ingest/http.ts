import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { IngestError } from '../core/index.js';
import { HttpStatusError, INGEST_ERROR_CODES } from './errors.js';
import { isPrivateAddress } from './address.js';
import { formatFromContentType, mimeOf } from './sniff.js';
import { tooLarge } from './size.js';

export interface FetchUrlOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly allowPrivateAddresses: boolean;
  /** Validators from an earlier answer: sent as If-None-Match / If-Modified-Since, and a 304 answer is returned as `notModified`. */
  readonly conditional?: { readonly etag?: string | null; readonly lastModified?: string | null };
}

/** A successful HTTP answer, body decompressed and size-checked. */
export interface FetchedResource {
  readonly requestedUrl: string;
  /** The URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly contentType?: string;
  readonly bytes: Uint8Array;
  readonly fetchedAt: string;
  /** The answer's validators, for a conditional request next time. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** A conditional request was answered 304 Not Modified: `bytes` is empty. */
  readonly notModified?: boolean;
}

/** What we ask servers for, best first; `*\/*` last so servers without negotiation still answer. */
const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1';

/**
 * Fetch one http(s) URL: redirects followed by hand (each hop checked), an
 * overall timeout, the size cap enforced while streaming (after
 * decompression, so a gzip bomb stops too), only page-like content types,
 * and (unless allowed) no private or loopback addresses, checked on the
 * address actually connected to so DNS rebinding cannot slip past.
 */
export async function fetchUrl(url: string, options: FetchUrlOptions): Promise<FetchedResource> {
  let current = parseHttpUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const response = await request(current, options, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        const next = new URL(response.headers.location, current).href;
        if (hop >= options.maxRedirects) {
          throw new IngestError(INGEST_ERROR_CODES.tooManyRedirects, `${url}: more than ${options.maxRedirects} redirects (the last one, from ${current.href}, pointed to ${next})`);
        }
        current = parseHttpUrl(next, url);
        continue;
      }
      if (status === 304 && options.conditional) {
        response.resume();
        return { requestedUrl: url, url: current.href, status, bytes: new Uint8Array(), fetchedAt: new Date().toISOString(), notModified: true, ...validators(response) };
      }
      if (status >= 400 || status < 200) {
        response.resume();
        throw new HttpStatusError(url, status, response.statusMessage ?? '');
      }
      const contentType = response.headers['content-type'];
      if (formatFromContentType(contentType) === 'unsupported') {
        response.destroy();
        throw new IngestError(
          INGEST_ERROR_CODES.unsupportedType,
          `${url}: content type ${mimeOf(contentType)} is not a page (HTML, XHTML, plain text or an RSS/Atom feed)`,
        );
      }
      const declaredLength = Number(response.headers['content-length']);
      if (!response.headers['content-encoding'] && declaredLength > options.maxBytes) {
        response.destroy();
        throw tooLarge(url, options.maxBytes);
      }
      const bytes = await readCapped(decodedBody(response), options.maxBytes, url);
      return {
        requestedUrl: url,
        url: current.href,
        status,
        ...(contentType ? { contentType } : {}),
        bytes,
        fetchedAt: new Date().toISOString(),
        ...validators(response),
      };
    }
  } catch (err) {
    throw fetchError(url, err, controller.signal.aborted, options.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function validators(response: http.IncomingMessage): { etag?: string; lastModified?: string } {
  const etag = response.headers.etag;
  const lastModified = response.headers['last-modified'];
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** Request headers of a conditional GET. */
function conditionalHeaders(conditional: FetchUrlOptions['conditional']): Record<string, string> {
  if (!conditional) return {};
  return {
    ...(conditional.etag ? { 'if-none-match': conditional.etag } : {}),
    ...(conditional.lastModified ? { 'if-modified-since': conditional.lastModified } : {}),
  };
}

function parseHttpUrl(value: string, original = value): URL {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new IngestError(INGEST_ERROR_CODES.badUrl, `${original}: not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new IngestError(INGEST_ERROR_CODES.badUrl, `${original}: only http and https URLs can be fetched (got ${parsed.protocol})`);
  }
  return parsed;
}

function request(url: URL, options: FetchUrlOptions, signal: AbortSignal): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateAddresses && isIP(host) && isPrivateAddress(host)) {
    return Promise.reject(privateAddress(url.href, host, host));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      signal,
      headers: { 'user-agent': options.userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br', ...conditionalHeaders(options.conditional) },
      ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup(url.href) }),
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

/** A DNS lookup that fails when any address of the host is private, so the socket never opens to one. */
function publicOnlyLookup(url: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const blocked = addresses.find((a) => isPrivateAddress(a.address));
      if (blocked) return callback(privateAddress(url, hostname, blocked.address) as unknown as NodeJS.ErrnoException, '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

function privateAddress(url: string, host: string, address: string): IngestError {
  const where = host === address ? address : `${host} (${address})`;
  return new IngestError(INGEST_ERROR_CODES.privateAddress, `${url}: refused to fetch private or loopback address ${where}`);
}

function decodedBody(response: http.IncomingMessage): Readable {
  switch ((response.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip': case 'x-gzip':
      return response.pipe(zlib.createGunzip());
    case 'deflate':
      return response.pipe(zlib.createInflate());
    case 'br':
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

async function readCapped(body: Readable, maxBytes: number, url: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) {
      body.destroy();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}

function fetchError(url: string, err: unknown, timedOut: boolean, timeoutMs: number): IngestError {
  if (err instanceof IngestError) return err;
  if (timedOut) return new IngestError(INGEST_ERROR_CODES.fetchTimeout, `${url}: no complete answer within ${timeoutMs / 1000} s`, { cause: err });
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    return new IngestError(INGEST_ERROR_CODES.hostNotFound, `${url}: cannot resolve host ${safeHost(url)}`, { cause: err });
  }
  const reason = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ECONNRESET' ? 'connection reset' : err instanceof Error ? err.message : String(err);
  return new IngestError(INGEST_ERROR_CODES.fetch, `${url}: ${reason}`, { cause: err });
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

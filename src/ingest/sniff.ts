import iconv from 'iconv-lite';
import { hasWideByteOrderMark, utf16WithoutBom } from './decode.js';

/** What an input holds, as far as its name, type and first bytes tell. */
export type InputFormat = 'html' | 'text' | 'feed' | 'jsonl' | 'warc';

/** How many leading bytes to look at when sniffing: enough to pass a doctype, comments and an XML declaration. */
const SNIFF_BYTES = 4096;

/** A run of this many leading bytes is checked for NUL bytes, which text never has. */
const NUL_SCAN_BYTES = 8192;

const MAGIC_NUMBERS: ReadonlyArray<{ readonly kind: string; readonly bytes: readonly number[]; readonly at?: number }> = [
  { kind: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'WebP image', bytes: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { kind: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: 'bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { kind: 'xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a] },
  { kind: 'MP4/QuickTime video', bytes: [0x66, 0x74, 0x79, 0x70], at: 4 },
  { kind: 'Windows executable', bytes: [0x4d, 0x5a, 0x90, 0x00] },
  { kind: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20] },
];

/** True for gzip data (magic bytes 1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Name the binary kind of these bytes (`PNG image`, `binary data`), or null when they may be text. */
export function detectBinary(bytes: Uint8Array): string | null {
  for (const magic of MAGIC_NUMBERS) {
    const at = magic.at ?? 0;
    if (magic.bytes.every((b, i) => bytes[at + i] === b)) return magic.kind;
  }
  if (hasWideByteOrderMark(bytes) || utf16WithoutBom(bytes)) return null;
  const end = Math.min(bytes.length, NUL_SCAN_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return 'binary data (NUL bytes)';
  return null;
}

/** Extensions whose files are never articles; folders skip them without reading. */
export const BINARY_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'ico', 'tif', 'tiff', 'svg', 'pdf', 'zip', '7z', 'rar', 'tar', 'tgz',
  'bz2', 'xz', 'exe', 'dll', 'so', 'dylib', 'o', 'a', 'class', 'jar', 'wasm', 'mp3', 'mp4', 'm4a', 'wav', 'ogg', 'webm',
  'mov', 'avi', 'mkv', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'sqlite', 'db', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx',
  'odt', 'psd', 'bin', 'dat', 'pyc', 'parquet', 'arrow',
]);

/** Extensions ingestion knows how to read (before any `.gz`). */
export const KNOWN_TEXT_EXTENSIONS = new Set([
  'txt', 'text', 'html', 'htm', 'xhtml', 'shtml', 'xml', 'rss', 'atom', 'rdf', 'jsonl', 'ndjson', 'warc',
]);

/** The file name with a trailing `.gz` removed, so `a.html.gz` reads as `a.html`. */
export function withoutGzipSuffix(name: string): string {
  return name.replace(/\.gz$/i, '');
}

/** The lower-case last extension of a name, without the dot (`html` for `a.b.HTML`). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The format a file's extension promises, or null to sniff the content. `xml` promises a feed. */
export function formatFromExtension(name: string): InputFormat | null {
  switch (extensionOf(withoutGzipSuffix(name))) {
    case 'html': case 'htm': case 'xhtml': case 'shtml':
      return 'html';
    case 'txt': case 'text':
      return 'text';
    case 'xml': case 'rss': case 'atom': case 'rdf':
      return 'feed';
    case 'jsonl': case 'ndjson':
      return 'jsonl';
    case 'warc':
      return 'warc';
    default:
      return null;
  }
}

/** The format a Content-Type promises, or null when it says nothing useful (missing, octet-stream). */
export function formatFromContentType(contentType: string | undefined): InputFormat | 'unsupported' | null {
  const mime = mimeOf(contentType);
  if (!mime || mime === 'application/octet-stream') return null;
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (mime === 'text/plain') return 'text';
  if (/^(?:application|text)\/(?:(?:rss|atom|rdf)\+)?xml$/.test(mime)) return 'feed';
  if (mime === 'application/x-ndjson' || mime === 'application/jsonl' || mime === 'application/x-jsonlines') return 'jsonl';
  if (mime === 'application/warc') return 'warc';
  return 'unsupported';
}

/** The bare lower-case MIME type of a Content-Type header value. */
export function mimeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Guess the format from the first bytes of decoded-looking content. */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  const head = headText(bytes);
  if (head.startsWith('WARC/')) return 'warc';
  if (looksLikeFeed(head)) return 'feed';
  const firstLine = head.trimStart().split('\n', 1)[0]!.trim();
  if (firstLine.startsWith('{') && isJsonObject(firstLine)) return 'jsonl';
  if (looksLikeMarkup(head)) return 'html';
  return 'text';
}

/** True when the start of a document is an RSS, RDF or Atom root element. */
export function looksLikeFeed(head: string): boolean {
  const body = stripProlog(head);
  return /^<(?:rss|feed|(?:\w+:)?RDF)\b/i.test(body);
}

/** True when content starts like HTML (doctype or a common page element). */
export function looksLikeMarkup(head: string): boolean {
  const body = stripProlog(head);
  return /^<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|header|table|span|a)\b/i.test(body);
}

/** Drop whitespace, the XML declaration, comments, processing instructions and a doctype other than HTML's. */
function stripProlog(head: string): string {
  let s = head.trimStart();
  for (;;) {
    const next = s
      .replace(/^<\?[^>]*\?>\s*/, '')
      .replace(/^<!--[\s\S]*?-->\s*/, '')
      .replace(/^<!DOCTYPE\s+(?!html\b)[^>]*>\s*/i, '');
    if (next === s) return s;
    s = next;
  }
}

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** The first bytes as text for sniffing: UTF-16 (with or without a byte-order mark) decoded, anything else read byte by byte. */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const wide = hasWideByteOrderMark(head) ? (head[0] === 0xff ? 'utf-16le' : 'utf-16be') : utf16WithoutBom(head);
  if (wide) return iconv.decode(Buffer.from(head), wide).replace(/^\uFEFF/, '');
  return Buffer.from(head).toString('latin1').replace(/^\xEF\xBB\xBF/, '');
}

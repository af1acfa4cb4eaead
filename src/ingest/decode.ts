import iconv from 'iconv-lite';
import chardet from 'chardet';
import type { IngestWarning } from './warnings.js';

/** How far into a page to look for `<meta charset>` or an XML declaration; browsers use 1024, real pages sometimes put it later. */
const DECLARATION_SCAN_BYTES = 8192;

/** Below this share of replacement characters a declared legacy decoding is believed (stray undefined bytes happen). */
const MAX_REPLACEMENT_SHARE = 0.01;

/** What chardet falls back to for Western text when nothing else fits; the superset of ISO-8859-1 that browsers use. */
const FALLBACK_ENCODING = 'windows-1252';

export interface DecodeHints {
  /** An HTTP Content-Type header value, possibly with a `charset` parameter. */
  readonly contentType?: string;
  /** A file name or path: a plain-text dump (`.txt`) is not searched for markup declarations, which it could only quote. */
  readonly path?: string;
}

export interface DecodedText {
  readonly text: string;
  /** Canonical lower-case encoding name (`utf-8`, `windows-1256`, `utf-16le`, …). */
  readonly encoding: string;
  /** Set when a declaration was wrong or unusable and the encoding was detected instead. */
  readonly warnings?: readonly IngestWarning[];
}

/**
 * Labels that the WHATWG Encoding Standard maps to a superset: pages that
 * say `iso-8859-1` are in practice windows-1252 (curly quotes in 0x80–0x9F).
 */
const WHATWG_SUPERSETS: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  gb2312: 'gbk',
  'x-sjis': 'shift_jis',
};

/** A lower-case canonical name for an encoding label, or null when iconv-lite cannot decode it. */
export function canonicalEncoding(label: string): string | null {
  let name = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') name = 'utf-8';
  name = name.replace(/^(?:cp|windows)-?(12\d\d|874)$/, 'windows-$1');
  name = name.replace(/^iso[-_]?8859[-_]?(\d+)$/, 'iso-8859-$1');
  name = WHATWG_SUPERSETS[name] ?? name;
  return iconv.encodingExists(name) ? name : null;
}

/**
 * Decode page bytes into text with the right character encoding.
 *
 * Order: byte-order mark, then the declared charset (HTTP Content-Type, then
 * `<meta charset>` / `<meta http-equiv>` / XML declaration), then detection
 * (valid UTF-8, else chardet). A declaration is checked against the bytes
 * before it is believed; when it is wrong the result says so in `warnings`.
 *
 * @example
 * decodeBytes(bytes, { contentType: 'text/html; charset=windows-1256' }).text
 */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding), encoding: bom.encoding };
  }

  const warnings: IngestWarning[] = [];
  for (const declaration of declaredCharsets(bytes, hints)) {
    const encoding = canonicalEncoding(declaration.label);
    if (!encoding) {
      warnings.push({
        code: 'W_CHARSET_UNKNOWN',
        reason: `${declaration.where} declares charset "${declaration.label}", which is not a known encoding`,
      });
      continue;
    }
    // A page cannot really be UTF-16 without a BOM when its declaration is ASCII-readable (WHATWG rule).
    const effective = encoding.startsWith('utf-16') || encoding.startsWith('utf-32') ? 'utf-8' : encoding;
    const mismatch = checkDeclaredEncoding(bytes, effective);
    if (!mismatch) {
      return withWarnings({ text: decodeWith(bytes, effective), encoding: effective }, warnings);
    }
    warnings.push({
      code: 'W_CHARSET_MISMATCH',
      reason: `${declaration.where} declares charset ${declaration.label} but ${mismatch}`,
    });
  }

  const detected = detectEncoding(bytes);
  if (warnings.length > 0) {
    const last = warnings[warnings.length - 1]!;
    warnings[warnings.length - 1] = { code: last.code, reason: `${last.reason}; decoded as ${detected} (detected)` };
  }
  return withWarnings({ text: decodeWith(bytes, detected), encoding: detected }, warnings);
}

function withWarnings(result: { text: string; encoding: string }, warnings: IngestWarning[]): DecodedText {
  return warnings.length > 0 ? { ...result, warnings } : result;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** True when `bytes` start with a UTF-16 or UTF-32 byte-order mark (such text legitimately holds NUL bytes). */
export function hasWideByteOrderMark(bytes: Uint8Array): boolean {
  const bom = byteOrderMark(bytes);
  return bom !== null && bom.encoding !== 'utf-8';
}

interface Declaration {
  readonly label: string;
  /** Where it was declared, for the warning: `Content-Type header`, `<meta charset>`, `XML declaration`. */
  readonly where: string;
}

function declaredCharsets(bytes: Uint8Array, hints: DecodeHints): Declaration[] {
  const found: Declaration[] = [];
  const header = hints.contentType ? /charset\s*=\s*["']?([^"';,\s]+)/i.exec(hints.contentType) : null;
  if (header) found.push({ label: header[1]!, where: 'the Content-Type header' });

  if (hints.path && /\.te?xt(?:\.gz)?$/i.test(hints.path)) return found;
  const head = Buffer.from(bytes.subarray(0, DECLARATION_SCAN_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) found.push({ label: xml[1]!, where: 'the XML declaration' });
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(head);
  if (meta) found.push({ label: meta[1]!, where: '<meta charset>' });
  return found;
}

/** Why the bytes cannot be in `encoding`, or null when they can. */
function checkDeclaredEncoding(bytes: Uint8Array, encoding: string): string | null {
  if (encoding === 'utf-8') {
    return isValidUtf8(bytes) ? null : 'the bytes are not valid UTF-8';
  }
  if (!hasNonAscii(bytes)) return null;
  // Valid multi-byte UTF-8 is practically never legacy-encoded text by chance.
  if (isSingleByteEncoding(encoding) && isValidUtf8(bytes)) {
    return 'the bytes are valid multi-byte UTF-8';
  }
  const text = decodeWith(bytes, encoding);
  const replaced = countReplacementChars(text);
  const nonAscii = countNonAscii(bytes);
  if (replaced > Math.max(2, nonAscii * MAX_REPLACEMENT_SHARE)) {
    return `${replaced} bytes are not valid in it`;
  }
  return null;
}

function isSingleByteEncoding(encoding: string): boolean {
  return /^(?:windows-\d+|iso-8859-\d+|koi8-[a-z]+|mac\w*|cp\d+|ibm\d+|tis-620)$/.test(encoding);
}

/** Detect the encoding of undeclared bytes: ASCII and valid UTF-8 are UTF-8; otherwise chardet's best guess that iconv-lite can decode. */
export function detectEncoding(bytes: Uint8Array): string {
  if (!hasNonAscii(bytes) || isValidUtf8(bytes)) return 'utf-8';
  for (const match of chardet.analyse(bytes)) {
    const name = canonicalEncoding(match.name);
    if (name && name !== 'utf-8' && !name.startsWith('utf-16') && !name.startsWith('utf-32')) return name;
  }
  return FALLBACK_ENCODING;
}

const utf8Validator = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Validator.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function countNonAscii(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) n++;
  return n;
}

function countReplacementChars(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

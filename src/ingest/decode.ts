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
    const text = iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding);
    return bom.encoding === 'utf-8' ? utf8WithReplacements(bytes.subarray(bom.length), text) : { text, encoding: bom.encoding };
  }
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), wide), encoding: wide };

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
    if (effective === 'utf-8' && isMostlyUtf8(bytes)) return withWarnings(decodeUtf8(bytes), warnings);
    const mismatch = checkDeclaredEncoding(bytes, effective);
    if (!mismatch) {
      return withWarnings({ text: decodeWith(bytes, effective), encoding: effective }, warnings);
    }
    warnings.push({
      code: 'W_CHARSET_MISMATCH',
      reason: `${declaration.where} declares charset ${declaration.label} but ${mismatch}`,
    });
  }

  if (isMostlyUtf8(bytes)) return withWarnings(decodeUtf8(bytes), warnings);
  const detected = detectEncoding(bytes);
  if (warnings.length > 0) {
    const last = warnings[warnings.length - 1]!;
    warnings[warnings.length - 1] = { code: last.code, reason: `${last.reason}; decoded as ${detected} (detected)` };
  }
  return withWarnings({ text: decodeWith(bytes, detected), encoding: detected }, warnings);
}

function withWarnings(result: DecodedText, warnings: IngestWarning[]): DecodedText {
  const all = [...warnings, ...(result.warnings ?? [])];
  return all.length > 0 ? { ...result, warnings: all } : { text: result.text, encoding: result.encoding };
}

/** UTF-8, each invalid byte sequence replaced where it stands by U+FFFD (as browsers do), with a warning saying how many and where. */
function decodeUtf8(bytes: Uint8Array): DecodedText {
  return utf8WithReplacements(bytes, new TextDecoder('utf-8').decode(bytes));
}

function utf8WithReplacements(bytes: Uint8Array, text: string): DecodedText {
  const scan = scanUtf8(bytes);
  if (scan.invalid === 0) return { text, encoding: 'utf-8' };
  const many = scan.invalid === 1 ? 'one byte sequence is' : `${scan.invalid} byte sequences are`;
  return {
    text,
    encoding: 'utf-8',
    warnings: [{ code: 'W_INVALID_BYTES', reason: `${many} not valid UTF-8 (the first at byte ${scan.firstInvalid}): each was replaced with U+FFFD and the rest read as UTF-8` }],
  };
}

/**
 * Valid UTF-8 with a few damaged sequences, rather than a legacy encoding: it
 * holds multi-byte characters, at least three valid ones for every invalid
 * sequence. Legacy-encoded text almost never forms a valid multi-byte sequence by chance.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  const scan = scanUtf8(bytes);
  return scan.invalid === 0 || (scan.valid > 0 && scan.valid >= MIN_VALID_PER_INVALID * scan.invalid);
}

const MIN_VALID_PER_INVALID = 3;

interface Utf8Scan {
  /** Valid multi-byte sequences. */
  readonly valid: number;
  /** Invalid sequences, counted as a decoder replaces them (one U+FFFD each). */
  readonly invalid: number;
  /** Byte offset of the first invalid sequence, or -1. */
  readonly firstInvalid: number;
}

/** One pass over the bytes by the UTF-8 well-formedness table (Unicode 15, table 3-7). */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const need = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    let ok = 0;
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined) break;
      const [lo, hi] = k === 1 ? secondByteRange(lead) : [0x80, 0xbf];
      if (b < lo || b > hi) break;
      ok++;
    }
    if (need > 0 && ok === need) {
      valid++;
      i += need + 1;
    } else {
      if (firstInvalid === -1) firstInvalid = i;
      invalid++;
      i += 1 + ok;
    }
  }
  return { valid, invalid, firstInvalid };
}

function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** Bytes looked at to recognise UTF-16 without a byte-order mark. */
const UTF16_SNIFF_BYTES = 4096;

/** Code points that text never holds: C0 controls but tab and line breaks, lone surrogates, U+FFFD (bytes iconv could not read). */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * `utf-16le` or `utf-16be` for text in UTF-16 without a byte-order mark, else
 * null. In UTF-16 one byte of each pair is the script's block (0x00 for Latin,
 * 0x04 for Cyrillic, 0x06 for Arabic …): at one parity two values fill nearly
 * every position, while at the other the letters vary. The guess is kept only
 * when it decodes to text without stray surrogates or control characters.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
  if (n < 16) return null;
  const even = topTwoShare(bytes, 0, n);
  const odd = topTwoShare(bytes, 1, n);
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, n);
  const byParity = odd.share >= 0.9 && even.share < 0.6 && odd.values.includes(0) ? 'utf-16le'
    : even.share >= 0.9 && odd.share < 0.6 && even.values.includes(0) ? 'utf-16be'
    : null;
  if (byParity) return NOT_TEXT.test(iconv.decode(sample, byParity)) ? null : byParity;
  // Scripts of thousands of characters (Chinese, Japanese, Korean) fill both bytes: read both ways, keep the one that is text.
  // Only with NUL bytes (the spaces, digits and line breaks of such text): legacy double-byte encodings have none, and read as UTF-16 they would look like text too.
  if (!sample.includes(0) || scanUtf8(sample).invalid === 0) return null;
  const readable = (['utf-16le', 'utf-16be'] as const).filter((e) => looksLikeWideText(iconv.decode(sample, e)));
  return readable.length === 1 ? readable[0]! : null;
}

/** Share of characters that must be letters, digits, punctuation or spaces for bytes read as UTF-16 to count as text. */
const MIN_TEXT_SHARE = 0.95;

function looksLikeWideText(text: string): boolean {
  if (NOT_TEXT.test(text)) return false;
  const textual = text.match(/[\p{L}\p{M}\p{N}\p{P}\s]/gu)?.length ?? 0;
  return textual >= MIN_TEXT_SHARE * [...text].length;
}

/** The share of the positions of one parity that its two most frequent byte values fill, and those values. */
function topTwoShare(bytes: Uint8Array, parity: number, n: number): { share: number; values: number[] } {
  const counts = new Map<number, number>();
  for (let i = parity; i < n; i += 2) counts.set(bytes[i]!, (counts.get(bytes[i]!) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2);
  return { share: top.reduce((sum, [, c]) => sum + c, 0) / (n / 2), values: top.map(([v]) => v) };
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

function isValidUtf8(bytes: Uint8Array): boolean {
  return scanUtf8(bytes).invalid === 0;
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

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** One page of an extraction gold set: decoded HTML and the gold article body. */
export interface ScoringPage {
  readonly id: string;
  readonly url: string;
  readonly html: string;
  readonly gold: string;
}

/** How far into the bytes to look for a declared charset: browsers look at the first 1024 bytes; pages often declare later. */
const CHARSET_SNIFF_BYTES = 4096;

/** The charset a page declares in a BOM or `<meta>`, or null. */
function declaredCharset(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = bytes.subarray(0, CHARSET_SNIFF_BYTES).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decode HTML bytes with the declared charset, else the detected one, else UTF-8.
 * Browsers treat a declared latin-1 as windows-1252, so we do too.
 */
export function decodeHtmlBytes(bytes: Buffer): string {
  let charset = declaredCharset(bytes) ?? chardet.detect(bytes) ?? 'utf-8';
  if (/^(iso-8859-1|latin-?1|us-ascii|ascii)$/i.test(charset)) charset = 'windows-1252';
  if (!iconv.encodingExists(charset)) charset = 'utf-8';
  return iconv.decode(bytes, charset);
}

/**
 * Load an extraction gold set laid out as `html/<id>.html.gz` + `ground-truth.json`
 * (`{ id: { articleBody, url } }`). Returns [] when the folder is absent.
 */
export function loadScoringSet(dir: string): ScoringPage[] {
  const truthPath = path.join(dir, 'ground-truth.json');
  if (!existsSync(truthPath)) return [];
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const htmlDir = path.join(dir, 'html');
  const pages: ScoringPage[] = [];
  for (const file of readdirSync(htmlDir).sort()) {
    if (!file.endsWith('.html.gz')) continue;
    const id = file.slice(0, -'.html.gz'.length);
    const entry = truth[id];
    if (!entry) continue;
    const html = decodeHtmlBytes(gunzipSync(readFileSync(path.join(htmlDir, file))));
    pages.push({ id, url: entry.url, html, gold: entry.articleBody });
  }
  return pages;
}

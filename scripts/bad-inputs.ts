/**
 * A folder of hostile and unlucky inputs, written at test time (never committed):
 * `npx tsx scripts/bad-inputs.ts DIR` writes it and prints what each file should do.
 * Every article in it is fictional (see test/helpers/fictional-text.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { fictionalText } from '../test/helpers/fictional-text.js';

/** What one article (or item, line, record) of an input should come to. */
export type Expected =
  | { readonly stored: true; readonly warning?: string }
  | { readonly error: string; readonly errorClass: 'IngestError' | 'ExtractError' };

export interface BadInput {
  readonly file: string;
  readonly why: string;
  /** One entry per article the input holds, in order. */
  readonly expected: readonly Expected[];
}

const stored = (warning?: string): Expected => (warning ? { stored: true, warning } : { stored: true });
const ingestError = (error: string): Expected => ({ error, errorClass: 'IngestError' });
const extractError = (error: string): Expected => ({ error, errorClass: 'ExtractError' });

function page(title: string, body: string, head = ''): string {
  const paragraphs = body.split('\n\n').map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8">${head}<title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>\n${paragraphs}\n</article></body></html>`;
}

function warcRecord(uri: string, body: string): string {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2025-04-08T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(uri.length).padStart(12, '0')}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(http)}\r\n\r\n${http}\r\n\r\n`;
}

function feedItem(i: number, body: string): string {
  return `<item><title>Harbour note ${i}</title><link>https://courier.example/notes/${i}</link><pubDate>Tue, 08 Apr 2025 10:00:00 GMT</pubDate><description><![CDATA[<p>${body}</p>]]></description></item>`;
}

/** Write the corpus into `dir` and return what each file should do. */
export async function writeBadInputs(dir: string, options: { noBreakChars?: number } = {}): Promise<BadInput[]> {
  await mkdir(dir, { recursive: true });
  const text = (seed: number, chars = 1500) => fictionalText(chars, { seed });
  const inputs: Array<BadInput & { readonly bytes: Uint8Array | string }> = [
    { file: 'empty.html', why: 'nothing in it', bytes: '', expected: [ingestError('E_EMPTY')] },
    { file: 'photo.html', why: 'a PNG named .html', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), expected: [ingestError('E_BINARY')] },
    { file: 'random.txt', why: 'binary data with NUL bytes', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251 === 0 ? 0 : (i * 31) % 256)), expected: [ingestError('E_BINARY')] },
    { file: 'menu-only.html', why: 'a page with navigation and no article', bytes: '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© Courier</footer></body></html>', expected: [extractError('E_NO_ARTICLE')] },
    { file: 'short.txt', why: 'fewer characters than an article', bytes: 'Pier closed.', expected: [extractError('E_NO_ARTICLE')] },
    { file: 'bomb.html.gz', why: 'a gzip bomb: 11 MiB of zeros in a few kilobytes', bytes: gzipSync(Buffer.alloc(11 * 1024 * 1024, 0x20)), expected: [ingestError('E_TOO_LARGE')] },
    { file: 'not-gzip.html.gz', why: 'gzip magic bytes, then garbage', bytes: Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from('not deflate data at all, just text pretending')]), expected: [ingestError('E_READ')] },
    { file: 'cut.html.gz', why: 'a gzipped page cut short in transfer', bytes: (() => { const g = gzipSync(page('Ferry pier works begin', text(21, 6000))); return g.subarray(0, Math.floor(g.length * 0.6)); })(), expected: [stored('W_TRUNCATED_GZIP')] },
    { file: 'crawl.warc', why: 'a WARC whose last record is cut', bytes: (() => { const w = warcRecord('https://courier.example/a', page('Orchard harvest starts', text(22))) + warcRecord('https://courier.example/b', page('Lighthouse keepers return', text(23, 6000))); return w.slice(0, w.length - 2500); })(), expected: [stored(), stored('W_TRUNCATED_RECORD')] },
    { file: 'not-a.warc', why: 'a .warc file that is not one', bytes: 'HTTP/1.1 200 OK\r\n\r\n<p>hello</p>', expected: [ingestError('E_WARC_PARSE')] },
    { file: 'feed.xml', why: 'a feed with one item never closed between good ones', bytes: `<?xml version="1.0"?><rss version="2.0"><channel><title>The Northbay Courier</title>${feedItem(1, text(24))}<item><title>Broken</title><description>no end${feedItem(3, text(25))}</channel></rss>`, expected: [stored(), ingestError('E_FEED_ITEM'), stored()] },
    { file: 'not-a-feed.xml', why: 'XML that is no feed', bytes: '<?xml version="1.0"?><catalog><book>Tide tables</book></catalog>', expected: [ingestError('E_FEED_PARSE')] },
    { file: 'lines.jsonl', why: 'JSON Lines with a bad line and a record without a body', bytes: [JSON.stringify({ title: 'Tide gauge repaired', text: text(26) }), '{"title": "half a record', JSON.stringify({ title: 'no body' })].join('\n'), expected: [stored(), ingestError('E_JSONL_PARSE'), ingestError('E_JSONL_RECORD')] },
    { file: 'cut-mid-tag.html', why: 'a page cut inside a tag', bytes: page('Quay repairs delayed', text(27)).replace('</article></body></html>', '<p class="rel'), expected: [stored('W_TRUNCATED_HTML')] },
    { file: 'deep.html', why: '100,000 nested elements', bytes: `<html><body>${'<div>'.repeat(100_000)}<p>${text(28)}</p>${'</div>'.repeat(100_000)}</body></html>`, expected: [stored('W_DEEP_NESTING')] },
    { file: 'huge-attribute.html', why: 'a 5 MB attribute value', bytes: page('Ferry timetable changes', text(29)).replace('<article>', `<article data-state="${'x'.repeat(5_000_000)}">`), expected: [stored()] },
    { file: 'scripts.html', why: '20,000 scripts and iframes', bytes: page('Bridge inspection finds cracks', text(30)).replace('<nav>', `${'<script>var a = "<div>";</script><iframe src="/ad"></iframe>'.repeat(10_000)}<nav>`), expected: [stored()] },
    { file: 'damaged-utf8.txt', why: 'UTF-8 with three invalid bytes', bytes: (() => { const b = Buffer.from(`Harbour’s new crane arrives\n\n${text(31)} It’s the council’s plan.`, 'utf8'); return Buffer.concat([b.subarray(0, 200), Buffer.from([0xff]), b.subarray(200, 400), Buffer.from([0xc3, 0x28]), b.subarray(400)]); })(), expected: [stored('W_INVALID_BYTES')] },
    { file: 'utf16le.txt', why: 'UTF-16 LE without a byte-order mark', bytes: iconv.encode(`Tarnby’s dam passes inspection\n\n${text(32)}`, 'utf-16le'), expected: [stored()] },
    { file: 'utf16be.html', why: 'UTF-16 BE HTML without a byte-order mark', bytes: iconv.encode(page('Saltvik school reopens', text(33)).replace('<meta charset="utf-8">', ''), 'utf-16be'), expected: [stored()] },
    { file: 'unknown-charset.html', why: 'a charset no one knows', bytes: page('Oskel water board meets', text(34)).replace('charset="utf-8"', 'charset="x-no-such"'), expected: [stored('W_CHARSET_UNKNOWN')] },
    { file: 'hostile.html', why: 'markup and script in the title and text', bytes: page('<img src=x onerror=alert(1)> Pier vote', `${text(35)}\n\n<script>alert("x")</script> The vote was close.`), expected: [stored()] },
    { file: 'no-breaks.txt', why: 'one line of text with no breaks, past the per-article analysis budget', bytes: fictionalText(options.noBreakChars ?? 1_000_000, { seed: 36, noBreaks: true }), expected: [stored('W_ANALYSIS_CAPPED')] },
  ];
  for (const input of inputs) await writeFile(path.join(dir, input.file), input.bytes);
  return inputs.map(({ file, why, expected }) => ({ file, why, expected }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npx tsx scripts/bad-inputs.ts DIR\n');
    process.exitCode = 2;
  } else {
    for (const input of await writeBadInputs(dir)) process.stdout.write(`${input.file}\t${input.why}\t${input.expected.map((e) => ('error' in e ? e.error : e.warning ?? 'stored')).join(', ')}\n`);
  }
}

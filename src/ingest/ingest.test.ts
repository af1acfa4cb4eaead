import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { listInputFiles } from './index.js';
import { collect, errorOf, okPage } from './test-helpers/collect.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);


const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const HTML = '<!doctype html><html><head><meta charset="utf-8"><title>Orchard harvest</title></head><body><p>The apple harvest in the valley was the best in a decade.</p></body></html>';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-ingest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('files', () => {
  it('reads a text dump as text and an HTML file as html, with the path as source', async () => {
    await writeFile(path.join(dir, 'dump.txt'), 'Orchard harvest\n\nThe apple harvest was the best in a decade.\n');
    await writeFile(path.join(dir, 'page.html'), HTML);
    const [text, html] = await collect([path.join(dir, 'dump.txt'), path.join(dir, 'page.html')]);
    expect(okPage(text)).toMatchObject({ format: 'text', encoding: 'utf-8', source: { path: path.join(dir, 'dump.txt') } });
    expect(okPage(text).content).toContain('best in a decade');
    expect(okPage(html)).toMatchObject({ format: 'html', content: HTML });
  });

  it('sniffs markup in a file without a known extension', async () => {
    await writeFile(path.join(dir, 'saved-page'), '\n  <!-- saved -->\n' + HTML);
    const [r] = await collect([path.join(dir, 'saved-page')]);
    expect(okPage(r).format).toBe('html');
  });

  it('decompresses gzipped pages (by magic bytes) and decodes their legacy charset', async () => {
    const arabic = '<html><head><meta charset="windows-1256"></head><body><p>افتتحت المكتبة الجديدة أبوابها اليوم.</p></body></html>';
    await writeFile(path.join(dir, 'arabic.html.gz'), gzipSync(iconv.encode(arabic, 'windows-1256')));
    const [r] = await collect([path.join(dir, 'arabic.html.gz')]);
    expect(okPage(r)).toMatchObject({ format: 'html', encoding: 'windows-1256' });
    expect(okPage(r).content).toContain('افتتحت المكتبة الجديدة');
  });

  it('passes truncated HTML on rather than failing', async () => {
    await writeFile(path.join(dir, 'cut.html'), HTML.slice(0, 120));
    const [r] = await collect([path.join(dir, 'cut.html')]);
    expect(okPage(r).content).toBe(HTML.slice(0, 120));
  });

  it('surfaces a wrong charset declaration as a warning on the page', async () => {
    const bytes = iconv.encode('<html><head><meta charset="utf-8"></head><body><p>Le café a rouvert après l’été.</p></body></html>', 'windows-1252');
    await writeFile(path.join(dir, 'wrong-charset.html'), bytes);
    const [r] = await collect([path.join(dir, 'wrong-charset.html')]);
    const page = okPage(r);
    expect(page.content).toContain('Le café a rouvert après l’été.');
    expect(page.warnings?.[0]?.code).toBe('W_CHARSET_MISMATCH');
    expect(page.warnings?.[0]?.reason).toContain('wrong-charset.html');
  });

  it('fails cleanly on empty, binary, missing and oversized files, and on folders it cannot read', async () => {
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'image.html'), Buffer.concat([PNG_HEADER, Buffer.alloc(64, 1)]));
    await writeFile(path.join(dir, 'nul.txt'), Buffer.from('abc\0def'));
    const big = path.join(dir, 'big.html');
    const handle = await open(big, 'w');
    await handle.truncate(50 * 1024 * 1024); // sparse: refused by stat before any read
    await handle.close();
    const results = await collect([
      path.join(dir, 'empty.txt'),
      path.join(dir, 'image.html'),
      path.join(dir, 'nul.txt'),
      path.join(dir, 'missing.html'),
      big,
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['E_EMPTY', 'E_BINARY', 'E_BINARY', 'E_NOT_FOUND', 'E_TOO_LARGE']);
    expect(errorOf(results[1]).message).toBe(`${path.join(dir, 'image.html')}: looks like a PNG image, not a page`);
    expect(errorOf(results[4]).message).toMatch(/big\.html: larger than the 10 MiB limit/);
    for (const r of results) expect(errorOf(r).message).not.toMatch(/\n|    at /);
  });

  it('refuses a gzip that decompresses past the cap', async () => {
    await writeFile(path.join(dir, 'bomb.html.gz'), gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20)));
    const [r] = await collect([path.join(dir, 'bomb.html.gz')], { maxBytes: 1024 * 1024 });
    expect(errorOf(r).code).toBe('E_TOO_LARGE');
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file as E_READ', async () => {
    const file = path.join(dir, 'secret.txt');
    await writeFile(file, 'hidden', { mode: 0o000 });
    const [r] = await collect([file]);
    expect(errorOf(r).code).toBe('E_READ');
  });
});

describe('folders', () => {
  it('lists files recursively and sorted, skipping hidden and binary files', async () => {
    const root = path.join(dir, 'tree');
    await mkdir(path.join(root, 'b-sub'), { recursive: true });
    await mkdir(path.join(root, '.git'), { recursive: true });
    await writeFile(path.join(root, 'z.txt'), 'zed');
    await writeFile(path.join(root, 'a.html'), HTML);
    await writeFile(path.join(root, 'b-sub', 'c.jsonl'), '{"text":"hi"}\n');
    await writeFile(path.join(root, '.hidden.txt'), 'no');
    await writeFile(path.join(root, '.git', 'HEAD'), 'ref');
    await writeFile(path.join(root, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    await writeFile(path.join(root, 'blob'), PNG_HEADER);
    await writeFile(path.join(root, 'notes'), 'plain notes without an extension');
    const files = await listInputFiles(root);
    expect(files).toEqual(['a.html', 'b-sub/c.jsonl', 'notes', 'z.txt'].map((f) => path.join(root, f)));
    const results = await collect([root]);
    const [empty] = await collect([path.join(root, 'b-sub', 'nothing')]);
    expect(errorOf(empty).code).toBe('E_NOT_FOUND');
    await mkdir(path.join(dir, 'empty-folder'));
    const [none] = await collect([path.join(dir, 'empty-folder')]);
    expect(errorOf(none)).toMatchObject({ code: 'E_EMPTY', message: `${path.join(dir, 'empty-folder')}: folder holds no input files` });
    expect(results.map((r) => r.input)).toEqual([
      path.join(root, 'a.html'),
      `${path.join(root, 'b-sub', 'c.jsonl')}:1`,
      path.join(root, 'notes'),
      path.join(root, 'z.txt'),
    ]);
  });
});

describe('JSON Lines', () => {
  it('makes one page per line with hints, and names broken lines by number', async () => {
    const file = fixture('articles.jsonl');
    const results = await collect([file]);
    expect(results.map((r) => r.input)).toEqual([`${file}:1`, `${file}:2`, `${file}:3`, `${file}:4`, `${file}:6`]);
    const first = okPage(results[0]);
    expect(first).toMatchObject({ format: 'html', source: { path: file, url: 'https://tribune.example/a', item: '1' } });
    expect(first.hints).toEqual({
      from: 'jsonl',
      title: 'Bridge opens',
      url: 'https://tribune.example/a',
      published: '2025-05-01T09:00:00Z',
      author: 'Ada North, Ben South',
      outlet: 'Tribune',
      section: 'City',
      language: 'en',
    });
    const second = okPage(results[1]);
    expect(second.format).toBe('text');
    expect(second.hints).toMatchObject({ outlet: 'Tribune', title: 'Bus fares' });
    expect(second.hints?.published).toMatch(/^2025-05-0[12]T/);
    expect(errorOf(results[2])).toMatchObject({ code: 'E_JSONL_PARSE' });
    expect(errorOf(results[2]).message).toMatch(/articles\.jsonl:3: line 3 is not valid JSON/);
    expect(errorOf(results[3])).toMatchObject({ code: 'E_JSONL_RECORD' });
    expect(okPage(results[4])).toMatchObject({ format: 'html', hints: { author: 'Cy West' } });
  });
});

describe('JSON Lines dumps', () => {
  it('streams a dump larger than the per-page cap, capping each line instead', async () => {
    const file = path.join(dir, 'dump.ndjson.gz');
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ title: `Item ${i}`, text: `Body of item ${i}. `.repeat(5) }));
    lines.push(JSON.stringify({ text: 'x'.repeat(5000) }));
    await writeFile(file, gzipSync(lines.join('\r\n')));
    const results = await collect([file], { maxBytes: 2048 });
    expect(results).toHaveLength(41);
    expect(results.slice(0, 40).every((r) => r.ok)).toBe(true);
    expect(okPage(results[39]).hints?.title).toBe('Item 39');
    expect(errorOf(results[40])).toMatchObject({ code: 'E_TOO_LARGE' });
  });

  it('sniffs JSON Lines on stdin', async () => {
    const stdin = Readable.from([Buffer.from('{"title":"Piped","text":"Piped body."}\n{"title":"Two","html":"<p>Two</p>"}\n')]);
    const results = await collect(['-'], { stdin });
    expect(results.map((r) => r.input)).toEqual(['-:1', '-:2']);
    expect(okPage(results[1])).toMatchObject({ format: 'html', hints: { title: 'Two', from: 'jsonl' } });
  });
});

describe('feeds', () => {
  it('turns RSS items into pages with hints, failing only the broken items', async () => {
    const file = fixture('rss-broken-item.xml');
    const results = await collect([file]);
    expect(results.map((r) => [r.input, r.ok ? 'ok' : r.error.code])).toEqual([
      [`${file}#1`, 'ok'],
      [`${file}#2`, 'E_FEED_ITEM'],
      [`${file}#3`, 'E_FEED_ITEM'],
      [`${file}#4`, 'ok'],
    ]);
    const first = okPage(results[0]);
    expect(first).toMatchObject({
      format: 'html',
      content: '<p>The island ferry will run again from Monday, the port authority said.</p>',
      source: { path: file, url: 'https://gazette.example/news/ferry-resumes', item: '1' },
    });
    expect(first.hints).toEqual({
      from: 'feed',
      title: 'Ferry service to resume on Monday',
      url: 'https://gazette.example/news/ferry-resumes',
      published: '2025-06-10T14:00:00.000Z',
      author: 'Mara Quill',
      outlet: 'The Harbour Gazette',
      section: 'Local',
      language: 'en',
    });
    expect(errorOf(results[1]).message).toMatch(/#2: item is not well-formed XML/);
    expect(errorOf(results[2]).message).toMatch(/#3: item has neither content nor a link/);
    const last = okPage(results[3]);
    expect(last.content).toBe('<p>After forty years, the keeper of the north light is stepping down.</p>');
    expect(last.hints).toMatchObject({ author: 'Tomas Vell', published: '2025-06-11T07:30:00.000Z', outlet: 'The Harbour Gazette' });
  });

  it('reads Atom entries: escaped HTML, inline XHTML, plain text, relative links', async () => {
    const results = await collect([fixture('atom.xml')]);
    expect(results).toHaveLength(3);
    const [html, xhtml, text] = results.map(okPage);
    expect(html!.content).toBe('<p>Water levels on the valley river fell &amp; the flood warning was lifted.</p>');
    expect(html!.hints).toMatchObject({
      title: 'River levels fall after a week of rain',
      url: 'https://courier.example/river-levels',
      published: '2025-04-02T08:15:00+01:00',
      author: 'Ines Morrow',
      outlet: 'Valley Courier',
      language: 'en',
    });
    expect(xhtml!.content).toContain('<p>The council met on <b>Thursday</b>.</p>');
    expect(xhtml!.hints?.published).toBe('2025-04-03');
    expect(text).toMatchObject({ format: 'text', content: 'A short plain summary <not markup>.' });
  });

  it('reads RSS 1.0 / RDF items', async () => {
    const [r] = await collect([fixture('rdf.rdf')]);
    expect(okPage(r)).toMatchObject({
      content: 'The corner bakery took first place for its rye loaf.',
      hints: { title: 'Bakery wins regional prize', url: 'https://weekly.example/bakery', author: 'Pell Arden', outlet: 'Hill Town Weekly', published: '2025-02-14T12:00:00Z' },
    });
  });

  it('says clearly when an .xml file is not a feed', async () => {
    const file = fixture('not-a-feed.xml');
    const [r] = await collect([file]);
    expect(errorOf(r)).toMatchObject({ code: 'E_FEED_PARSE', message: `${file} is not RSS or Atom` });
  });
});

describe('WARC', () => {
  async function buildWarc(gzip: boolean): Promise<Uint8Array> {
    const { WARCRecord, WARCSerializer } = await import('warcio');
    const enc = new TextEncoder();
    const records = [
      await WARCRecord.createWARCInfo({ filename: 'crawl.warc', warcVersion: 'WARC/1.1' }, { software: 'parallax test' }),
      WARCRecord.create(
        { url: 'https://daily.example/story', date: '2025-03-01T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1',
          httpHeaders: { 'Content-Type': 'text/html; charset=koi8-r' } },
        [iconv.encode('<html><body><p>Городской парк откроется весной.</p></body></html>', 'koi8-r')],
      ),
      WARCRecord.create(
        { url: 'https://daily.example/story', date: '2025-03-01T10:00:00Z', type: 'request', warcVersion: 'WARC/1.1',
          statusline: 'GET /story HTTP/1.1', httpHeaders: { Host: 'daily.example' } },
        [],
      ),
      WARCRecord.create(
        { url: 'https://daily.example/logo.png', date: '2025-03-01T10:00:01Z', type: 'response', warcVersion: 'WARC/1.1',
          httpHeaders: { 'Content-Type': 'image/png' } },
        [PNG_HEADER],
      ),
      WARCRecord.create(
        { url: 'https://daily.example/notes.txt', date: '2025-03-01T10:00:02Z', type: 'response', warcVersion: 'WARC/1.1',
          httpHeaders: { 'Content-Type': 'text/plain' } },
        [enc.encode('Plain notes from the desk.')],
      ),
    ];
    const parts: Uint8Array[] = [];
    for (const record of records) parts.push(await WARCSerializer.serialize(record, { gzip }));
    return Buffer.concat(parts);
  }

  it.each([false, true])('yields HTML and text response records (gzip: %s)', async (gzip) => {
    const file = path.join(dir, gzip ? 'crawl.warc.gz' : 'crawl.warc');
    await writeFile(file, await buildWarc(gzip));
    const results = await collect([file]);
    expect(results.map((r) => r.input)).toEqual([`${file}#https://daily.example/story`, `${file}#https://daily.example/notes.txt`]);
    const story = okPage(results[0]);
    expect(story).toMatchObject({
      format: 'html',
      encoding: 'koi8-r',
      source: { path: file, url: 'https://daily.example/story' },
      fetchedAt: '2025-03-01T10:00:00.000Z',
      hints: { from: 'warc', url: 'https://daily.example/story' },
    });
    expect(story.content).toContain('Городской парк откроется весной.');
    expect(okPage(results[1])).toMatchObject({ format: 'text', content: 'Plain notes from the desk.' });
  });
});

describe('WARC edge cases', () => {
  it('fails a record over the size cap and a file that is not WARC, each clearly', async () => {
    const { WARCRecord, WARCSerializer } = await import('warcio');
    const big = WARCRecord.create(
      { url: 'https://daily.example/huge', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html' } },
      [new TextEncoder().encode('<p>' + 'word '.repeat(2000) + '</p>')],
    );
    const small = WARCRecord.create(
      { url: 'https://daily.example/small', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html' } },
      [new TextEncoder().encode('<p>Small page.</p>')],
    );
    const bytes = Buffer.concat([await WARCSerializer.serialize(big), await WARCSerializer.serialize(small)]);
    const file = path.join(dir, 'capped.warc');
    await writeFile(file, bytes);
    const capped = await collect([file], { maxBytes: 4096 });
    expect(capped.map((r) => [r.input, r.ok ? 'ok' : r.error.code])).toEqual([
      [`${file}#https://daily.example/huge`, 'E_TOO_LARGE'],
      [`${file}#https://daily.example/small`, 'ok'],
    ]);

    const notWarc = path.join(dir, 'fake.warc');
    await writeFile(notWarc, 'This is just some text, not an archive.\n');
    const [fake] = await collect([notWarc]);
    expect(errorOf(fake).code).toBe('E_WARC_PARSE');
  });
});

describe('stdin', () => {
  it('sniffs what comes in on "-"', async () => {
    const feed = Readable.from([Buffer.from('<?xml version="1.0"?><rss><channel><title>Pipe News</title><item><title>One</title><description>First</description></item></channel></rss>')]);
    const [r] = await collect(['-'], { stdin: feed });
    expect(r?.input).toBe('-#1');
    expect(okPage(r).hints).toMatchObject({ outlet: 'Pipe News', title: 'One' });

    const [html] = await collect(['-'], { stdin: Readable.from([Buffer.from(HTML)]) });
    expect(okPage(html)).toMatchObject({ format: 'html', content: HTML });
    const [text] = await collect(['-'], { stdin: Readable.from([Buffer.from('Just a few words.\n')]) });
    expect(okPage(text).format).toBe('text');
    const linkOnly = Readable.from([Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>Only a link</title><link href="https://feed.example/a"/></entry></feed>')]);
    const [onlyLink] = await collect(['-'], { stdin: linkOnly });
    expect(errorOf(onlyLink)).toMatchObject({ code: 'E_FEED_ITEM', message: '-#1: item has no content, only a link; fetch linked pages (--fetch) to read it' });
    const [empty] = await collect(['-'], { stdin: Readable.from([]) });
    expect(errorOf(empty).code).toBe('E_EMPTY');
  });
});

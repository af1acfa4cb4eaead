import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, writeFile, rm, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { runCli } from './helpers/run-cli.js';
import { fictionalArticleHtml, HARBOUR_PARAGRAPHS, ORCHARD_PARAGRAPHS, LIGHTHOUSE_PARAGRAPHS } from './helpers/fictional-pages.js';

let dir: string;
let db: string;
let server: http.Server;
let base: string;

/** The stored article ids, as `parallax list --format json` reports them. */
async function storedIds(): Promise<string[]> {
  const run = await runCli(['list', '--db', db, '--format', 'json']);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { id: string }[]).map((a) => a.id).sort();
}

function expectOneLineError(stderr: string, input: string, pattern: RegExp): void {
  const lines = stderr.split('\n').filter((l) => l.includes(input));
  expect(lines.length, stderr).toBe(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]!.split(input).length - 1, `${lines[0]} names ${input} more than once`).toBe(1);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-bad-input-'));
  db = path.join(dir, 'db');
  await writeFile(path.join(dir, 'harbour.html'), fictionalArticleHtml({ title: 'Veldmark closes old ferry pier', paragraphs: HARBOUR_PARAGRAPHS, published: '2025-04-08' }));
  server = http.createServer((req, res) => {
    if (req.url === '/slow') { setTimeout(() => res.end('late'), 30_000).unref(); return; }
    if (req.url === '/missing') { res.writeHead(404, { 'content-type': 'text/html' }); res.end('<h1>Not found</h1>'); return; }
    if (req.url === '/broken') { res.writeHead(500, { 'content-type': 'text/html' }); res.end('<h1>Server error</h1>'); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const first = await runCli(['add', '--db', db, path.join(dir, 'harbour.html')]);
  expect(first.code, first.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('bad input to `parallax add`: a clear one-line error, exit 1, nothing stored is lost or duplicated', () => {
  it('an empty file', async () => {
    const file = path.join(dir, 'empty.html');
    await writeFile(file, '');
    const before = await storedIds();
    const run = await runCli(['add', '--db', db, file]);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, 'empty.html', /empty/i);
    expect(await storedIds()).toEqual(before);
  });

  it('a binary file', async () => {
    const file = path.join(dir, 'photo.html');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0]));
    const before = await storedIds();
    const run = await runCli(['add', '--db', db, file]);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, 'photo.html', /binary/i);
    expect(await storedIds()).toEqual(before);
  });

  it('a 50 MB file is refused without reading it, and the other inputs are still stored', async () => {
    const big = path.join(dir, 'huge.txt');
    const handle = await open(big, 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    const orchard = path.join(dir, 'orchard.html');
    await writeFile(orchard, fictionalArticleHtml({ title: 'Saltvik apple harvest starts early', paragraphs: ORCHARD_PARAGRAPHS, published: '2025-09-01' }));
    const before = await storedIds();
    const run = await runCli(['add', '--db', db, big, orchard]);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, 'huge.txt', /large|size|MB|MiB/i);
    const after = await storedIds();
    expect(after.length).toBe(before.length + 1);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('truncated HTML still yields its article', async () => {
    const file = path.join(dir, 'truncated.html');
    const full = fictionalArticleHtml({ title: 'Veldmark ferry pier closure delayed', paragraphs: [...HARBOUR_PARAGRAPHS.map((p) => p.replace('Tuesday', 'Friday')), 'The council will meet again next month to review the timetable for the works and the cost of temporary moorings.'] });
    await writeFile(file, full.slice(0, full.indexOf('</article>') - 20));
    const run = await runCli(['extract', file, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).text).toContain('harbour council of Veldmark');
  });

  it('a page whose declared encoding is wrong is decoded by detection', async () => {
    const file = path.join(dir, 'latin.html');
    const html = fictionalArticleHtml({
      title: 'Café owners in Århus protest new façade rules',
      charset: 'utf-8',
      paragraphs: [
        'Owners of cafés along the Åboulevard said on Monday that the new façade rules would cost them dearly, and that the city had ignored their objections for months.',
        'The city’s planning chief, Søren Ødegård, said the rules protect the historic centre. “We are not against anyone’s business,” he said.',
      ],
    });
    await writeFile(file, iconv.encode(html, 'windows-1252'));
    const run = await runCli(['extract', file, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const article = JSON.parse(run.stdout);
    expect(article.text).toContain('Søren Ødegård');
    expect(article.text).not.toContain('\uFFFD');
  });

  it('a URL that returns 404 or 500 names the status; the stored articles stay', async () => {
    const before = await storedIds();
    const run = await runCli(['add', '--db', db, `${base}/missing`, `${base}/broken`]);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, '/missing', /404/);
    expectOneLineError(run.stderr, '/broken', /500/);
    expect(await storedIds()).toEqual(before);
  });

  it('a URL that times out', async () => {
    const run = await runCli(['add', '--db', db, `${base}/slow`], { env: { PARALLAX_FETCH_TIMEOUT_MS: '500' } });
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, '/slow', /time/i);
  }, 60_000);

  it('a feed with a broken item stores the good items and names the broken one', async () => {
    const feed = path.join(dir, 'feed.xml');
    const item = (title: string, body: string[]) => `<item><title>${title}</title><link>https://courier.example/${encodeURIComponent(title)}</link><pubDate>Tue, 08 Apr 2025 10:00:00 GMT</pubDate><description><![CDATA[${body.map((p) => `<p>${p}</p>`).join('')}]]></description></item>`;
    await writeFile(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>The Northbay Courier</title>
${item('Lighthouse keepers return to Skarholm', LIGHTHOUSE_PARAGRAPHS)}
<item><title>Broken item with nothing in it</title></item>
</channel></rss>`);
    const before = await storedIds();
    const run = await runCli(['add', '--db', db, feed]);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, 'feed.xml#', /.+/);
    expect((await storedIds()).length).toBe(before.length + 1);
  });

  it('adding the same article again stores it once', async () => {
    const before = await storedIds();
    const run = await runCli(['add', '--db', db, path.join(dir, 'harbour.html')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^duplicate/m);
    expect(await storedIds()).toEqual(before);
  });

  it('a usage error exits 2', async () => {
    expect((await runCli(['add'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['list', '--format', 'xml'])).code).toBe(2);
  });
});

/**
 * `parallax watch`: feeds polled with conditional requests (the second poll of an unchanged
 * feed is a 304 and adds nothing), only new items queued, an OPML list read, and requests to
 * one host spaced out.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { runCliProcess } from './helpers/cli-process.js';
import { HARBOUR_PARAGRAPHS, LIGHTHOUSE_PARAGRAPHS, ORCHARD_PARAGRAPHS } from './helpers/fictional-pages.js';
import { opmlFeedUrls, parseInterval } from '../src/cli/feed-list.js';

interface Seen { path: string; at: number; ifNoneMatch: string | undefined; ifModifiedSince: string | undefined }

const SPACING_MS = 700;
let dir: string;
let db: string;
let server: http.Server;
let base: string;
const seen: Seen[] = [];
let version = 1;

const item = (title: string, paragraphs: readonly string[], n: number) =>
  `<item><title>${title}</title><link>https://northbay.example/${n}</link><guid>https://northbay.example/${n}</guid><pubDate>Tue, 08 Apr 2031 10:00:00 GMT</pubDate><description><![CDATA[${paragraphs.map((p) => `<p>${p}</p>`).join('')}]]></description></item>`;

function feed(): string {
  const items = [item('Veldmark closes old ferry pier', HARBOUR_PARAGRAPHS, 1), item('Saltvik apple harvest starts early', ORCHARD_PARAGRAPHS, 2)];
  if (version > 1) items.push(item('Lighthouse keepers return to Skarholm', LIGHTHOUSE_PARAGRAPHS, 3));
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>The Northbay Courier</title>${items.join('')}</channel></rss>`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-watch-'));
  db = path.join(dir, 'db');
  server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? '', at: Date.now(), ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); res.end(); return; }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': `Tue, 08 Apr 2031 1${version}:00:00 GMT` });
    res.end(feed());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function storedTitles(): Promise<string[]> {
  const run = await runCli(['list', '--db', db, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { title: string }[]).map((a) => a.title).sort();
}

describe('parallax watch', { timeout: 600_000 }, () => {
  it('adds the items of a feed, asks again with its validators, and adds only what is new', async () => {
    const url = `${base}/news.xml`;
    const first = await runCli(['watch', '--db', db, '--once', url]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`${url}: 2 new items`);
    expect(await storedTitles()).toEqual(['Saltvik apple harvest starts early', 'Veldmark closes old ferry pier']);

    const second = await runCli(['watch', '--db', db, '--once', url]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(`${url}: not modified`);
    const conditional = seen.filter((s) => s.path === '/news.xml').at(-1)!;
    expect(conditional.ifNoneMatch).toBe('"v1"');
    expect(conditional.ifModifiedSince).toBe('Tue, 08 Apr 2031 11:00:00 GMT');

    version = 2;
    const third = await runCli(['watch', '--db', db, '--once', url]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain(`${url}: 1 new items`);
    expect(await storedTitles()).toHaveLength(3);
  });

  it('reads the feeds of an OPML file and spaces out requests to one host', async () => {
    const opml = path.join(dir, 'feeds.opml');
    await writeFile(opml, `<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>
<outline text="Northbay"><outline type="rss" text="A" xmlUrl="${base}/a.xml"/><outline type="rss" text="B" xmlUrl="${base}/b.xml"/></outline>
<outline type="rss" text="C" xmlUrl="${base}/c.xml"/></body></opml>`);
    const before = seen.length;
    // A process of its own: the server's clock must not wait on the watcher's event loop (in-process, a busy
    // loop would answer requests sent apart back to back and hide, or fake, the spacing).
    const run = await runCliProcess(['watch', '--db', path.join(dir, 'db-opml'), '--once', opml], { PARALLAX_HOST_SPACING_MS: String(SPACING_MS) });
    expect(run.code, run.stderr).toBe(0);
    const requests = seen.slice(before).filter((s) => /^\/[abc]\.xml$/.test(s.path)).map((s) => s.at).sort((a, b) => a - b);
    expect(requests).toHaveLength(3);
    for (let i = 1; i < requests.length; i++) expect(requests[i]! - requests[i - 1]!).toBeGreaterThanOrEqual(SPACING_MS - 50);
  });
});

describe('feed lists', () => {
  it('finds the feed URLs of nested OPML outlines', () => {
    expect(opmlFeedUrls('<opml><body><outline text="x"><outline xmlUrl="https://a.example/rss"/></outline><outline xmlUrl="https://b.example/atom"/></body></opml>'))
      .toEqual(['https://a.example/rss', 'https://b.example/atom']);
  });

  it('reads durations', () => {
    expect([parseInterval('90s'), parseInterval('15m'), parseInterval('1h'), parseInterval('45')]).toEqual([90, 900, 3600, 45]);
    expect(() => parseInterval('soon')).toThrow(/--every/);
  });
});

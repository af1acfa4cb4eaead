import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { DEFAULT_USER_AGENT, HttpStatusError, isPrivateAddress } from './index.js';
import { collect, errorOf, okPage } from './test-helpers/collect.js';

const PAGE = '<!doctype html><html><head><title>Tram line</title></head><body><p>The new tram line carried its first passengers on Sunday.</p></body></html>';
const SECOND = '<html><body><p>The museum extends its opening hours in summer.</p></body></html>';

let server: http.Server;
let base: string;
let inFlight = 0;
let maxInFlight = 0;
const userAgents: string[] = [];

function feedXml(): string {
  return `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Metro Ledger</title>
<item><title>Tram line opens</title><link>${base}/page</link><pubDate>Sun, 06 Apr 2025 08:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Museum hours</title><link>/second</link><description>&lt;p&gt;Museum teaser.&lt;/p&gt;</description></item>
<item><title>Gone</title><link>/missing</link><description>Gone teaser.</description></item>
</channel></rss>`;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    userAgents.push(String(req.headers['user-agent']));
    const url = req.url ?? '/';
    switch (url) {
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        return;
      case '/second':
        res.writeHead(200, { 'content-type': 'text/html' }).end(SECOND);
        return;
      case '/missing':
        res.writeHead(404).end('not here');
        return;
      case '/broken':
        res.writeHead(500).end('oops');
        return;
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>Slow');
        setTimeout(() => res.end('</p></body></html>'), 3000).unref();
        return;
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' }).end();
        return;
      case '/loop-b':
        res.writeHead(301, { location: `${base}/loop-a` }).end();
        return;
      case '/moved':
        res.writeHead(302, { location: '/page' }).end();
        return;
      case '/big': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case '/image.png':
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        return;
      case '/feed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml());
        return;
      case '/feed-as-html':
        res.writeHead(200, { 'content-type': 'text/html' }).end(feedXml());
        return;
      case '/gzipped':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE));
        return;
      case '/arabic':
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1256' })
          .end(iconv.encode('<html><body><p>بدأ موسم الحصاد في القرى الشمالية.</p></body></html>', 'windows-1256'));
        return;
      default:
        if (url.startsWith('/held/')) {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          setTimeout(() => {
            inFlight--;
            res.writeHead(200, { 'content-type': 'text/plain' }).end(`held ${url}`);
          }, 60);
          return;
        }
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});


describe('URLs', () => {
  it('fetches an HTML page with the Parallax user agent', async () => {
    const [r] = await collect([`${base}/page`]);
    expect(okPage(r)).toMatchObject({
      format: 'html',
      content: PAGE,
      encoding: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      source: { url: `${base}/page` },
      hints: { from: 'http', url: `${base}/page` },
    });
    expect(userAgents).toContain(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^Parallax\/\d+\.\d+\.\d+ /);
  });

  it('follows redirects and records the final URL', async () => {
    const [r] = await collect([`${base}/moved`]);
    expect(okPage(r).source.url).toBe(`${base}/page`);
    expect(r?.input).toBe(`${base}/moved`);
  });

  it('names the redirect that went one too far: where it came from and where it pointed', async () => {
    const [r] = await collect([`${base}/loop-a`], { maxRedirects: 2 });
    // loop-a → loop-b → loop-a, then loop-a's third redirect (to loop-b) is refused.
    expect(errorOf(r)).toMatchObject({
      code: 'E_TOO_MANY_REDIRECTS',
      message: `${base}/loop-a: more than 2 redirects (the last one, from ${base}/loop-a, pointed to ${base}/loop-b)`,
    });
  });

  it('decompresses gzip responses and decodes the header charset', async () => {
    const [gz, arabic] = await collect([`${base}/gzipped`, `${base}/arabic`]);
    expect(okPage(gz).content).toBe(PAGE);
    expect(okPage(arabic)).toMatchObject({ encoding: 'windows-1256' });
    expect(okPage(arabic).content).toContain('بدأ موسم الحصاد في القرى الشمالية.');
  });

  it('fails each bad URL with its own code, in input order', async () => {
    const inputs = [`${base}/missing`, `${base}/broken`, `${base}/loop-a`, `${base}/image.png`, 'ftp://files.example/a.html', `${base}/page`];
    const results = await collect(inputs);
    expect(results.map((r) => r.input)).toEqual(inputs);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'E_HTTP_STATUS', 'E_HTTP_STATUS', 'E_TOO_MANY_REDIRECTS', 'E_UNSUPPORTED_TYPE', 'E_BAD_URL', 'ok',
    ]);
    const notFound = errorOf(results[0]);
    expect(notFound).toBeInstanceOf(HttpStatusError);
    expect((notFound as HttpStatusError).status).toBe(404);
    expect(notFound.message).toBe(`${base}/missing: HTTP 404 Not Found`);
    expect(errorOf(results[1]).message).toContain('HTTP 500');
    expect(errorOf(results[3]).message).toContain('image/png');
  });

  it('times out a slow response', async () => {
    const [r] = await collect([`${base}/slow`], { timeoutMs: 300 });
    expect(errorOf(r).code).toBe('E_FETCH_TIMEOUT');
    expect(errorOf(r).message).toBe(`${base}/slow: no complete answer within 0.3 s`);
  });

  it('aborts a body past the size cap', async () => {
    const [r] = await collect([`${base}/big`], { maxBytes: 1024 * 1024 });
    expect(errorOf(r)).toMatchObject({ code: 'E_TOO_LARGE', message: `${base}/big: larger than the 1 MiB limit` });
  });

  it('refuses loopback addresses when private addresses are not allowed, literal or resolved', async () => {
    const port = new URL(base).port;
    const [literal, named] = await collect([`${base}/page`, `http://localhost:${port}/page`], { allowPrivateAddresses: false });
    expect(errorOf(literal).code).toBe('E_PRIVATE_ADDRESS');
    expect(errorOf(named).code).toBe('E_PRIVATE_ADDRESS');
    expect(errorOf(named).message).toMatch(/refused to fetch private or loopback address localhost \((127\.0\.0\.1|::1)\)/);
  });

  it('keeps at most two requests in flight to one host', async () => {
    maxInFlight = 0;
    const inputs = Array.from({ length: 6 }, (_, i) => `${base}/held/${i}`);
    const results = await collect(inputs, { concurrency: 4 });
    expect(results.map((r) => okPage(r).content)).toEqual(inputs.map((u) => `held ${new URL(u).pathname}`));
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBeGreaterThanOrEqual(1);
  });
});

describe('feeds over HTTP', () => {
  it('treats a URL that serves a feed as a feed, even when labelled text/html', async () => {
    for (const route of ['/feed', '/feed-as-html']) {
      const results = await collect([`${base}${route}`]);
      expect(results.map((r) => r.input)).toEqual([1, 2, 3].map((i) => `${base}${route}#${i}`));
      expect(okPage(results[0])).toMatchObject({ content: 'Short teaser.', hints: { outlet: 'Metro Ledger', title: 'Tram line opens' } });
      expect(okPage(results[1]).source.url).toBe(`${base}/second`); // relative link resolved against the feed URL
    }
  });

  it('fetches linked pages with fetchLinked, keeping the item hints', async () => {
    const results = await collect([`${base}/feed`], { fetchLinked: true });
    expect(results.map((r) => r.input)).toEqual([1, 2, 3].map((i) => `${base}/feed#${i}`));
    const first = okPage(results[0]);
    expect(first.content).toBe(PAGE);
    expect(first.hints).toMatchObject({ from: 'feed', title: 'Tram line opens', outlet: 'Metro Ledger', published: '2025-04-06T08:00:00.000Z' });
    expect(first.source).toMatchObject({ url: `${base}/page`, item: '1' });
    expect(okPage(results[1]).content).toBe(SECOND);
    expect(errorOf(results[2])).toMatchObject({ code: 'E_HTTP_STATUS' });
  });
});

describe('isPrivateAddress', () => {
  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '0.0.0.0', '100.64.1.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(a), a).toBe(false);
    }
  });

  it('classes the IPv4-compatible, IPv4-mapped and NAT64 forms by the IPv4 address they carry', () => {
    for (const a of ['::127.0.0.1', '::7f00:1', '[::127.0.0.1]', '::10.0.0.1', '::', '::ffff:0:0', '::ffff:169.254.169.254', '64:ff9b::127.0.0.1', '64:ff9b::a9fe:a9fe', '::100.64.0.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['::8.8.8.8', '64:ff9b::8.8.8.8']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('classes every range of the IANA special-purpose registries as not public', () => {
    const special = [
      '0.1.2.3', '100.64.0.0', '100.127.255.255', '192.0.0.8', '192.0.2.1', '192.31.196.1', '192.52.193.1', '192.88.99.1', '192.175.48.1',
      '198.18.0.1', '198.19.255.255', '198.51.100.7', '203.0.113.9', '224.0.0.1', '240.0.0.1', '255.255.255.255',
      '100::1', '2001::1', '2001:2::1', '2001:3::1', '2001:4:112::1', '2001:10::1', '2001:20::1', '2001:30::1', '2001:db8::1',
      '2002:7f00:1::1', '2620:4f:8000::1', '3fff::1', '5f00::1', 'fc00::1', 'fec0::1', 'ff02::1', '64:ff9b:1::1',
    ];
    for (const a of special) expect(isPrivateAddress(a), a).toBe(true);
  });
});

describe('the SSRF guard on odd address forms', () => {
  it('refuses http://[::127.0.0.1]/ without connecting', async () => {
    let connections = 0;
    const server = http.createServer((_req, res) => { connections++; res.end('<p>should not be read</p>'); });
    await new Promise<void>((resolve) => server.listen(0, '::', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const [r] = await collect([`http://[::127.0.0.1]:${port}/`], { allowPrivateAddresses: false });
      expect(errorOf(r).code).toBe('E_PRIVATE_ADDRESS');
      expect(errorOf(r).message).toMatch(/refused to fetch private or loopback address ::7f00:1/);
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });
});

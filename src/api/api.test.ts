import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { startServer, type RunningServer } from './index.js';
import { HARBOUR_HTML, HARBOUR_TEXT, HOSTILE_TEXT, HOSTILE_TITLE, RIVER_TEXT, rssFeed } from './test-helpers/articles.js';

/** Small enough that the oversize test stays cheap, large enough for every other request here. */
const TEST_UPLOAD_LIMIT = 200_000;

let store: Store;
let api: RunningServer;
let fixtureServer: http.Server;
let fixtureUrl: string;
let staticRoot: string;

beforeAll(async () => {
  store = await openStore({ memory: true });
  staticRoot = mkdtempSync(path.join(tmpdir(), 'parallax-api-'));
  mkdirSync(path.join(staticRoot, 'web', 'assets'), { recursive: true });
  writeFileSync(path.join(staticRoot, 'web', 'index.html'), '<!doctype html><title>Parallax</title>');
  writeFileSync(path.join(staticRoot, 'web', 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(path.join(staticRoot, 'secret.txt'), 'outside the web root');
  api = await startServer({ store, port: 0, maxUploadBytes: TEST_UPLOAD_LIMIT, staticDir: path.join(staticRoot, 'web'), env: {} });
  fixtureServer = http.createServer((req, res) => {
    if (req.url === '/harbour') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(HARBOUR_HTML); return; }
    res.writeHead(404); res.end('not here');
  });
  await new Promise<void>((resolve) => fixtureServer.listen(0, '127.0.0.1', resolve));
  fixtureUrl = `http://127.0.0.1:${(fixtureServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await api?.close();
  await new Promise((resolve) => fixtureServer?.close(resolve));
  await store?.close();
  rmSync(staticRoot, { recursive: true, force: true });
});

interface ErrorJson { error: { code: string; message: string } }

async function call(route: string, init: RequestInit & { json?: unknown } = {}, base = api.url): Promise<{ status: number; body: any; headers: Headers }> {
  const { json, ...rest } = init;
  const res = await fetch(base + route, json === undefined ? rest : { ...rest, method: rest.method ?? 'POST', headers: { 'content-type': 'application/json', ...rest.headers }, body: JSON.stringify(json) });
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  return { status: res.status, body, headers: res.headers };
}

/** A raw HTTP request, so the path and headers go out exactly as written (fetch would normalise `..`). */
function rawGet(route: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: route, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

function expectError(res: { status: number; body: unknown }, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect((res.body as ErrorJson).error.code).toBe(code);
  expect(typeof (res.body as ErrorJson).error.message).toBe('string');
}

describe('HTTP API on a real server and an in-memory PGlite', () => {
  let harbourId: string;

  it('answers health with the article count and sends the security headers', async () => {
    const res = await call('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, articles: 0 });
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('documents every route in an OpenAPI 3.1 document', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining([
      '/api/health', '/api/articles', '/api/articles/{id}', '/api/search', '/api/stories', '/api/stories/{id}',
      '/api/stories/{id}/export', '/api/stories/{id}/entities/merge', '/api/stories/{id}/entities/unmerge', '/api/articles/{id}/original',
    ]));
    expect(Object.keys(res.body.paths['/api/articles/{id}/original'].get.responses['200'].content)).toEqual(['text/plain']);
    expect(res.body.components.schemas.Error.properties.error).toBeDefined();
    expect(res.body.paths['/api/articles'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'offset']));
  });

  it('adds an article from text, annotated, and returns it with every layer', async () => {
    const res = await call('/api/articles', { json: { text: HARBOUR_TEXT, title: 'Veltria opens new harbour talks' } });
    expect(res.status).toBe(201);
    expect(res.body.failures).toEqual([]);
    const [article] = res.body.articles;
    harbourId = article.id;
    expect(article.id).toMatch(/^a_[0-9a-f]{16}$/);
    expect(article.title).toBe('Veltria opens new harbour talks');
    expect(article.text).toContain('Mara Quillon');
    expect(article.quotes.some((q: { text: string }) => q.text.includes('We are ready to sign'))).toBe(true);
    expect(article.entities.length).toBeGreaterThan(0);

    const got = await call(`/api/articles/${harbourId}`);
    expect(got.status).toBe(200);
    expect(got.body.article.id).toBe(harbourId);
    const quote = got.body.article.quotes[0];
    expect(got.body.article.text.slice(quote.start, quote.end)).toBe(quote.text);
    expect(got.body.article.entities).toEqual(article.entities);
  });

  it('reports a repeat of the same text as a duplicate, not a new article', async () => {
    const res = await call('/api/articles', { json: { text: HARBOUR_TEXT } });
    expect(res.status).toBe(200);
    expect(res.body.articles).toEqual([]);
    expect(res.body.duplicates).toEqual([expect.objectContaining({ id: harbourId, status: 'duplicate' })]);
  });

  it('adds an article from HTML, with metadata read from the page', async () => {
    const res = await call('/api/articles', { json: { html: HARBOUR_HTML, url: 'https://courier.example/harbour' } });
    expect(res.status).toBe(201);
    expect(res.body.articles[0].title).toBe('Veltria harbour talks resume');
    expect(res.body.articles[0].text).not.toContain('Home');
    expect(res.body.articles[0].source).toEqual({ url: 'https://courier.example/harbour' });
  });

  it('adds every item of a feed given as XML text', async () => {
    const feed = rssFeed([
      { title: 'Flooding closes the Lunor bridge', body: `<p>${RIVER_TEXT.split('\n\n').slice(1).join('</p><p>')}</p>`, link: 'https://ledger.example/bridge' },
      { title: 'No body here', body: 'Short.', link: 'https://ledger.example/short' },
    ]);
    const res = await call('/api/articles', { json: { feed } });
    expect(res.status).toBe(201);
    expect(res.body.articles).toHaveLength(1);
    expect(res.body.articles[0].source.url).toBe('https://ledger.example/bridge');
    expect(res.body.failures).toEqual([expect.objectContaining({ code: 'E_NO_ARTICLE' })]);
  });

  it('adds articles from an uploaded JSON Lines file, sniffed from its content', async () => {
    const lines = [
      { title: 'Kessel festival draws a crowd', text: HOSTILE_TEXT.replace(/<[^>]*>/g, '') + ' Volunteers returned on Sunday.', url: 'https://kessel.example/1' },
    ].map((r) => JSON.stringify(r)).join('\n');
    const form = new FormData();
    form.append('file', new Blob([lines], { type: 'application/octet-stream' }), '../../etc/articles.jsonl');
    const res = await call('/api/articles', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    expect(res.body.articles[0].title).toBe('Kessel festival draws a crowd');
    // The upload's name labels the source; it is never a server path.
    expect(res.body.articles[0].source.path).toBeUndefined();
    expect(res.body.articles[0].source.item).toMatch(/^articles\.jsonl/);
  });

  it('stores a hostile article and returns its markup as plain JSON data', async () => {
    const res = await call('/api/articles', { json: { text: HOSTILE_TEXT, title: HOSTILE_TITLE } });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const got = await call(`/api/articles/${res.body.articles[0].id}`);
    expect(got.headers.get('content-type')).toMatch(/^application\/json/);
    expect(got.body.article.title).toBe(HOSTILE_TITLE);
    expect(got.body.article.text).toContain(`<script>alert('x')</script>`);
    expect(got.body.article.text).toContain('href="javascript:alert(3)"');
    const list = await call('/api/articles?limit=50');
    expect(list.body.articles.map((a: { title: string }) => a.title)).toContain(HOSTILE_TITLE);
  });

  it('serves the page each article was read from as plain text that no browser renders', async () => {
    const expectPlainText = (headers: Headers) => {
      expect(headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
    };
    const fromText = await call(`/api/articles/${harbourId}/original`);
    expect(fromText.status).toBe(200);
    expectPlainText(fromText.headers);
    expect(fromText.body).toBe(HARBOUR_TEXT);
    expect(fromText.headers.get('x-original-format')).toBe('text');
    expect(fromText.headers.get('x-original-truncated')).toBe('false');

    // The page read from HTML keeps its markup, menu included, which extraction left out of the text.
    const list = await call('/api/articles?limit=50');
    const fromHtml = list.body.articles.find((a: { title: string }) => a.title === 'Veltria harbour talks resume');
    const page = await call(`/api/articles/${fromHtml.id.slice(0, 10)}/original`);
    expect(page.body).toBe(HARBOUR_HTML);
    expect(page.headers.get('x-original-format')).toBe('html');
    expect(page.headers.get('x-original-encoding')).toBe('utf-8');

    // Markup meant to run stays words.
    const hostile = list.body.articles.find((a: { title: string }) => a.title === HOSTILE_TITLE);
    const hostilePage = await call(`/api/articles/${hostile.id}/original`);
    expectPlainText(hostilePage.headers);
    expect(hostilePage.body).toBe(HOSTILE_TEXT);

    expectError(await call('/api/articles/a_0000000000000000/original'), 404, 'E_ARTICLE_NOT_FOUND');
  });

  it('refuses malformed add requests with 400 E_VALIDATION, 415 or 422', async () => {
    expectError(await call('/api/articles', { json: { text: 5 } }), 400, 'E_VALIDATION');
    expectError(await call('/api/articles', { json: {} }), 400, 'E_VALIDATION');
    expectError(await call('/api/articles', { json: { text: 'x', html: '<p>y</p>' } }), 400, 'E_VALIDATION');
    expectError(await call('/api/articles', { json: { url: '/etc/passwd' } }), 400, 'E_VALIDATION');
    expectError(await call('/api/articles', { json: { url: 'file:///etc/passwd' } }), 400, 'E_VALIDATION');
    expectError(await call('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' }), 400, 'E_VALIDATION');
    expectError(await call('/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: HARBOUR_TEXT }), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
    const noFile = new FormData();
    noFile.append('text', HARBOUR_TEXT);
    expectError(await call('/api/articles', { method: 'POST', body: noFile }), 400, 'E_VALIDATION');
    expectError(await call('/api/articles', { json: { text: 'Too short to be an article.' } }), 422, 'E_NO_ARTICLE');
  });

  it('says in words what is wrong with an add request, naming the field once', async () => {
    const message = async (json: unknown) => ((await call('/api/articles', { json })).body as ErrorJson).error.message;
    expect(await message({})).toBe('invalid body: it needs one of url, text, html, feed (got an empty object)');
    expect(await message({ body: 'x' })).toBe('invalid body: it needs one of url, text, html, feed (got fields body)');
    expect(await message({ text: 'x', html: '<p>y</p>' })).toBe('invalid body: send one of text, html or feed, not text and html');
    expect(await message({ text: 5 })).toMatch(/^invalid body: text: .*string/i);
    expect(await message({ url: 'file:///etc/passwd' })).toBe('invalid body: url: must be an http:// or https:// URL');
    expect(await message([1])).toBe('invalid body: send a JSON object with one of url, text, html, feed (got an array)');
    expect(await message({ text: 'x', colour: 'red' })).toMatch(/^invalid body: .*colour/);
  });

  it('refuses an upload over the size limit with 413 E_TOO_LARGE', async () => {
    const form = new FormData();
    form.append('file', new Blob(['word '.repeat(TEST_UPLOAD_LIMIT / 4)]), 'big.txt');
    expectError(await call('/api/articles', { method: 'POST', body: form }), 413, 'E_TOO_LARGE');
    expectError(await call('/api/articles', { json: { text: 'word '.repeat(TEST_UPLOAD_LIMIT / 4) } }), 413, 'E_TOO_LARGE');
  });

  it('refuses URLs on loopback and private addresses (SSRF) unless allowed', async () => {
    expectError(await call('/api/articles', { json: { url: `${fixtureUrl}/harbour` } }), 403, 'E_PRIVATE_ADDRESS');
    expectError(await call('/api/articles', { json: { url: 'http://169.254.169.254/latest/meta-data/' } }), 403, 'E_PRIVATE_ADDRESS');
    expectError(await call('/api/articles', { json: { url: 'http://10.0.0.8/' } }), 403, 'E_PRIVATE_ADDRESS');

    const trusting = await startServer({ store, port: 0, allowPrivateUrls: true, env: {} });
    try {
      const res = await call('/api/articles', { json: { url: `${fixtureUrl}/harbour` } }, trusting.url);
      // The same page was added from HTML above: the fetch works and is recognised as that article.
      expect(res.status).toBe(200);
      expect(res.body.duplicates[0].status).toBe('duplicate');
      const missing = await call('/api/articles', { json: { url: `${fixtureUrl}/gone` } }, trusting.url);
      expectError(missing, 422, 'E_HTTP_STATUS');
    } finally {
      await trusting.close();
    }
  });

  it('lists articles without full text by default, pages them, and validates the query', async () => {
    const all = await call('/api/articles');
    expect(all.status).toBe(200);
    // text, HTML, feed item, upload, hostile
    expect(all.body.total).toBe(5);
    expect(all.body.articles[0].text).toBeUndefined();
    expect(all.body.articles[0].id).toBe(harbourId);
    const page = await call('/api/articles?limit=2&offset=1&full=true');
    expect(page.body.articles).toHaveLength(2);
    expect(page.body.articles[0].id).toBe(all.body.articles[1].id);
    expect(typeof page.body.articles[0].text).toBe('string');
    expectError(await call('/api/articles?limit=abc'), 400, 'E_VALIDATION');
    expectError(await call('/api/articles?limit=100000'), 400, 'E_VALIDATION');
    expectError(await call('/api/articles?offset=-1'), 400, 'E_VALIDATION');
  });

  it('answers 404 E_ARTICLE_NOT_FOUND for an unknown article', async () => {
    expectError(await call('/api/articles/a_0000000000000000'), 404, 'E_ARTICLE_NOT_FOUND');
    expectError(await call('/api/nothing-here'), 404, 'E_ROUTE_NOT_FOUND');
  });

  it('searches titles and bodies', async () => {
    const res = await call('/api/search?q=' + encodeURIComponent('harbour minister'));
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { id: string }) => r.id)).toContain(harbourId);
    expect(res.body.results[0].snippet).toContain('**');
    expectError(await call('/api/search'), 400, 'E_VALIDATION');
    expectError(await call('/api/search?q=%20%20'), 400, 'E_VALIDATION');
  });

  it('lists the stories the articles form and returns one', async () => {
    const res = await call('/api/stories');
    expect(res.status).toBe(200);
    const listed = res.body.stories as { id: string; title: string; articles: string[] }[];
    // Every stored article is in exactly one story.
    const all = await call('/api/articles');
    expect(listed.flatMap((s) => s.articles).sort()).toEqual(all.body.articles.map((a: { id: string }) => a.id).sort());
    const harbour = listed.find((s) => s.articles.includes(harbourId))!;
    // The harbour talks from text and from the Courier's page are one story.
    const harbourHtml = all.body.articles.find((a: { title: string }) => a.title === 'Veltria harbour talks resume');
    expect(harbour.articles).toEqual([harbourId, harbourHtml.id]);
    expect(harbour.title).toBe('Veltria opens new harbour talks');
    expect(all.body.articles.find((a: { id: string }) => a.id === harbourId).storyId).toBe(harbour.id);
    const one = await call(`/api/stories/${harbour.id}`);
    expect(one.status).toBe(200);
    expect(one.body.story.articles).toEqual(harbour.articles);
    expect(one.body.story.entities.length).toBeGreaterThan(0);
    expect(one.body.overrides).toEqual({ merges: [], unmerges: [] });
    expectError(await call('/api/stories/s_unknown'), 404, 'E_STORY_NOT_FOUND');
  });

  it('exports a story as JSON and as CSV tables with proper escaping', async () => {
    const { body } = await call('/api/stories');
    const id = body.stories.find((s: { articles: string[] }) => s.articles.includes(harbourId)).id;
    const res = await fetch(`${api.url}/api/stories/${id}/export?format=csv&table=quotes`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="s_[0-9a-f]+-quotes\.csv"$/);
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toBe('article,outlet,speaker,direct,cue,text,start,end');
    // The quote holds a comma: the cell is quoted.
    expect(csv).toContain(',"We are ready to sign, but not at any price,",');
    for (const table of ['timeline', 'entities']) {
      const t = await fetch(`${api.url}/api/stories/${id}/export?format=csv&table=${table}`);
      expect(t.status).toBe(200);
      expect(t.headers.get('content-type')).toMatch(/^text\/csv/);
    }
    const json = await fetch(`${api.url}/api/stories/${id}/export?format=json`);
    expect(json.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(((await json.json()) as { story: { id: string } }).story.id).toBe(id);
    expectError(await call(`/api/stories/${id}/export?format=csv`), 400, 'E_VALIDATION');
    expectError(await call(`/api/stories/${id}/export?format=pdf`), 400, 'E_VALIDATION');
    expect((await fetch(`${api.url}/api/stories/${id}/export?format=md`)).status).toBe(200);
    expectError(await call('/api/stories/s_unknown/export?format=json'), 404, 'E_STORY_NOT_FOUND');
  });

  it('merges two entities of a story on request and undoes it on unmerge', async () => {
    const { body } = await call('/api/stories');
    const id = body.stories.find((s: { articles: string[] }) => s.articles.includes(harbourId)).id;
    const before = (await call(`/api/stories/${id}`)).body.story;
    const [a, b] = before.entities as { id: string; name: string }[];
    expect(b).toBeDefined();

    const merged = await call(`/api/stories/${id}/entities/merge`, { json: { a: a!.name, b: b!.id } });
    expect(merged.status).toBe(200);
    expect(merged.body.story.entities).toHaveLength(before.entities.length - 1);
    const joined = merged.body.story.entities.find((e: { id: string }) => e.id === a!.id);
    expect(joined.aliases).toContain(b!.name);
    expect(merged.body.overrides.merges).toEqual([{ a: a!.name, b: b!.name }]);
    // The override holds for later reads.
    expect((await call(`/api/stories/${id}`)).body.story.entities).toHaveLength(before.entities.length - 1);

    const unmerged = await call(`/api/stories/${id}/entities/unmerge`, { json: { a: a!.name, b: b!.name } });
    expect(unmerged.status).toBe(200);
    expect(unmerged.body.story.entities).toHaveLength(before.entities.length);
    expect(unmerged.body.overrides).toEqual({ merges: [], unmerges: [{ a: a!.name, b: b!.name }] });

    expectError(await call(`/api/stories/${id}/entities/merge`, { json: { a: a!.name, b: 'Nobody Atall' } }), 404, 'E_ENTITY_NOT_FOUND');
    expectError(await call(`/api/stories/${id}/entities/merge`, { json: { a: a!.name } }), 400, 'E_VALIDATION');
    expectError(await call('/api/stories/s_unknown/entities/merge', { json: { a: 'x', b: 'y' } }), 404, 'E_STORY_NOT_FOUND');
  });

  it('serves the web assets and nothing outside their folder', async () => {
    const index = await rawGet('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Parallax</title>');
    expect((await rawGet('/assets/app.js')).status).toBe(200);
    for (const attempt of ['/../secret.txt', '/assets/../../secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/../package.json']) {
      const res = await rawGet(attempt);
      expect(res.status, attempt).toBe(404);
      expect(res.body).not.toContain('outside the web root');
    }
  });

  it('refuses other Host names without a token, and cross-site form posts', async () => {
    const rebound = await rawGet('/api/health', { host: 'attacker.example' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error.code).toBe('E_HOST_NOT_ALLOWED');
    const form = new FormData();
    form.append('file', new Blob([HARBOUR_TEXT]), 'a.txt');
    const res = await call('/api/articles', { method: 'POST', body: form, headers: { origin: 'https://attacker.example' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('E_CROSS_SITE');
  });
});

describe('original pages', () => {
  it('answers 404 E_ORIGINAL_NOT_FOUND for an article stored without one, and serves a hostile HTML page as text', async () => {
    const own = await openStore({ memory: true });
    const server = await startServer({ store: own, port: 0, env: {} });
    try {
      const { Library } = await import('../workflow/index.js');
      const { extractArticle } = await import('../extract/index.js');
      const library = await Library.open(own);
      const hostileHtml = `<!doctype html><html><head><title>Kessel fair</title><script>alert('page')</script></head><body><article><p>${HOSTILE_TEXT}</p></article></body></html>`;
      const page = { source: { url: 'https://kessel.example/fair' }, format: 'html' as const, content: hostileHtml, encoding: 'utf-8', contentType: 'text/html', fetchedAt: '2031-03-04T10:00:00.000Z' };
      const withPage = await library.add(extractArticle(page), { original: page });
      const bare = await library.add(extractArticle({ ...page, format: 'text', content: RIVER_TEXT }));

      const res = await call(`/api/articles/${withPage.id}/original`, {}, server.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      expect(res.body).toBe(hostileHtml);
      expect(res.headers.get('x-original-content-type')).toBe('text/html');
      expect(res.headers.get('x-original-fetched-at')).toBe('2031-03-04T10:00:00.000Z');

      expectError(await call(`/api/articles/${bare.id}/original`, {}, server.url), 404, 'E_ORIGINAL_NOT_FOUND');
    } finally {
      await server.close();
      await own.close();
    }
  });
});

describe('token', () => {
  it('is required on every /api route when configured', async () => {
    const store2 = await openStore({ memory: true });
    const secured = await startServer({ store: store2, port: 0, token: 'test-token-1234', env: {} });
    try {
      expectError(await call('/api/health', {}, secured.url), 401, 'E_UNAUTHORIZED');
      expectError(await call('/api/health', { headers: { authorization: 'Bearer wrong-token-1234' } }, secured.url), 401, 'E_UNAUTHORIZED');
      const ok = await call('/api/health', { headers: { authorization: 'Bearer test-token-1234' } }, secured.url);
      expect(ok.status).toBe(200);
      expectError(await call('/api/articles', { json: { text: HARBOUR_TEXT } }, secured.url), 401, 'E_UNAUTHORIZED');
    } finally {
      await secured.close();
      await store2.close();
    }
  });

  it('must be set to listen beyond loopback', async () => {
    await expect(startServer({ store, host: '0.0.0.0', port: 0, env: {} })).rejects.toMatchObject({ code: 'E_TOKEN_REQUIRED' });
  });

  it('is read from PARALLAX_TOKEN', async () => {
    const secured = await startServer({ store, port: 0, env: { PARALLAX_TOKEN: 'from-env-5678' } });
    try {
      expectError(await call('/api/health', {}, secured.url), 401, 'E_UNAUTHORIZED');
      expect((await call('/api/health', { headers: { authorization: 'Bearer from-env-5678' } }, secured.url)).status).toBe(200);
    } finally {
      await secured.close();
    }
  });
});

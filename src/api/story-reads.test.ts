/**
 * One story read again and again over HTTP, the way a team of readers reads it while a worker
 * elsewhere adds articles: the server answers from the bytes it encoded once for the stored build
 * (no rebuild, no second read or encoding of the build), names them by an ETag, answers 304 to a
 * reader that holds them, and stops naming a build once a newer one (or a newer state) is stored.
 * Real HTTP on loopback, real PGlite; the writer shares only the database with the server.
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../extract/index.js';
import { openStore, type Store } from '../store/index.js';
import type { Story } from '../story/index.js';
import { Library } from '../workflow/index.js';
import { startServer, type RunningServer } from './index.js';
import { HARBOUR_FOLLOWUP_TEXT, HARBOUR_HTML, HARBOUR_TEXT } from './test-helpers/articles.js';

interface Answer { status: number; etag: string | null; encoding: string | null; bytes: Buffer }
interface StoryBody { story: Story; build: { version: number; stale: boolean } }

/** A GET on loopback with the raw bytes as sent (Node's fetch would inflate them). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        etag: (res.headers.etag as string | undefined) ?? null,
        encoding: (res.headers['content-encoding'] as string | undefined) ?? null,
        bytes: Buffer.concat(chunks),
      }));
    }).on('error', reject);
  });
}

const GZIP = { 'accept-encoding': 'gzip, deflate, br' };
const bodyOf = (a: Answer) => JSON.parse(gunzipSync(a.bytes).toString('utf8')) as StoryBody;

/** The server learns of another process's writes from the change log it polls: wait (up to a limit) until it answers otherwise. */
async function readUntilChanged(url: string, from: string, limitMs = 30_000): Promise<Answer> {
  const until = Date.now() + limitMs;
  for (;;) {
    const answer = await get(url, GZIP);
    if (answer.etag !== from || Date.now() > until) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function page(text: string) {
  return extractArticle({ source: {}, format: 'text', content: text, encoding: 'utf-8', fetchedAt: '2031-03-04T10:00:00.000Z' });
}

describe('reading one story again and again over HTTP', () => {
  let store: Store;
  let api: RunningServer;
  /** The writer: what a `parallax worker` process does, on the same database. */
  let writer: Library;
  let storyId: string;
  let url: string;
  const calls = { latestStoryBuild: 0, saveStoryBuild: 0 };

  beforeAll(async () => {
    store = await openStore({ memory: true });
    writer = new Library(store);
    const first = await writer.add(page(HARBOUR_TEXT));
    const second = await writer.add(page(HARBOUR_FOLLOWUP_TEXT));
    expect(second.storyId).toBe(first.storyId);
    storyId = first.storyId!;
    await writer.rebuild(storyId);
    // The server's view of the store, counting the calls that read a whole build and store a new one.
    const counted = new Proxy(store, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof value !== 'function') return value;
        const fn = (value as (...a: unknown[]) => unknown).bind(target);
        if (prop === 'latestStoryBuild' || prop === 'saveStoryBuild') return (...args: unknown[]) => { calls[prop]++; return fn(...args); };
        return fn;
      },
    });
    api = await startServer({ store: counted, port: 0, env: {} });
    url = `${api.url}/api/stories/${storyId}`;
  });

  afterAll(async () => {
    await api?.close();
    await store?.close();
  });

  it('sends the same compressed bytes under one ETag to every reader, reading and encoding the build once and never rebuilding', async () => {
    const first = await get(url, GZIP);
    expect(first.status).toBe(200);
    expect(first.encoding).toBe('gzip');
    expect(first.etag).toMatch(/^W\/"/);
    expect(bodyOf(first).story.articles).toHaveLength(2);
    const again = [];
    for (let i = 0; i < 5; i++) again.push(await get(url, GZIP));
    again.push(...(await Promise.all(Array.from({ length: 10 }, () => get(url, GZIP)))));
    for (const answer of again) {
      expect(answer.status).toBe(200);
      expect(answer.etag).toBe(first.etag);
      expect(answer.bytes.equals(first.bytes)).toBe(true);
    }
    // A reader that does not take gzip gets the same answer, inflated.
    const plain = await get(url);
    expect(plain.etag).toBe(first.etag);
    expect(JSON.parse(plain.bytes.toString('utf8'))).toEqual(bodyOf(first));
    // A reader holding the answer gets 304 and no body.
    const held = await get(url, { ...GZIP, 'if-none-match': first.etag! });
    expect(held.status).toBe(304);
    expect(held.etag).toBe(first.etag);
    expect(held.bytes.byteLength).toBe(0);
    expect(calls).toEqual({ latestStoryBuild: 1, saveStoryBuild: 0 });
  });

  it('stops naming a build once an article joins the story, and once the newer build is stored', async () => {
    const built = await get(url, GZIP);
    const version = bodyOf(built).build.version;

    // An article joins: the stored build is now stale (a rebuild waits), the same version marked so.
    const joined = await writer.add(extractArticle({ source: { url: 'https://courier.example/harbour' }, format: 'html', content: HARBOUR_HTML, encoding: 'utf-8', fetchedAt: '2031-03-05T10:00:00.000Z' }));
    expect(joined.storyId).toBe(storyId);
    const stale = await readUntilChanged(url, built.etag!);
    expect(stale.etag, 'the server kept naming the build fresh after an article joined its story').not.toBe(built.etag);
    expect(bodyOf(stale).build).toMatchObject({ version, stale: true });
    const holderOfFresh = await get(url, { ...GZIP, 'if-none-match': built.etag! });
    expect(holderOfFresh.status).toBe(200);
    expect(holderOfFresh.etag).toBe(stale.etag);

    // The writer stores the new build: readers get it, and no tag of the old one is answered with 304.
    await writer.rebuild(storyId);
    const rebuilt = await readUntilChanged(url, stale.etag!);
    expect(rebuilt.etag, 'the server kept serving the old build after a newer one was stored').not.toBe(stale.etag);
    const body = bodyOf(rebuilt);
    expect(body.build.version).toBeGreaterThan(version);
    expect(body.build.stale).toBe(false);
    expect(body.story.articles).toHaveLength(3);
    for (const old of [built.etag!, stale.etag!, `${built.etag!}, ${stale.etag!}`]) {
      const answer = await get(url, { ...GZIP, 'if-none-match': old });
      expect(answer.status).toBe(200);
      expect(answer.etag).toBe(rebuilt.etag);
      expect(answer.bytes.equals(rebuilt.bytes)).toBe(true);
    }
    expect((await get(url, { ...GZIP, 'if-none-match': rebuilt.etag! })).status).toBe(304);
    // One read of each stored build (the first and the new one), none of the stale state's, no build made by the server.
    expect(calls).toEqual({ latestStoryBuild: 2, saveStoryBuild: 0 });
  });
});

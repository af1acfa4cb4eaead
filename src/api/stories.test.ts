import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { openStore, type Store } from '../store/index.js';
import { extractArticle } from '../extract/index.js';
import { Library } from '../workflow/index.js';
import type { Story } from '../story/index.js';
import { createApp, applyMerges, standingOverrides, BRIEF_CONTENT_SECURITY_POLICY } from './index.js';
import { HARBOUR_FOLLOWUP_TEXT, HARBOUR_HTML, HARBOUR_TEXT, RIVER_TEXT } from './test-helpers/articles.js';

const EMPTY_STORY: Story = {
  id: 's_test', title: 'Test story', articles: ['a1', 'a2'], entities: [], timeline: [], topics: [], stances: [],
  contradictions: [], quoteVariants: [], singleSource: [], framing: [],
};

describe('analyst merges applied to a built story', () => {
  const base: Story = {
    ...EMPTY_STORY,
    entities: [
      { id: 'e1', name: 'Mara Quillon', type: 'PERSON', aliases: ['Mara Quillon', 'Quillon'], articles: ['a1'], titles: [], merges: [], mentionCount: 3 },
      { id: 'e2', name: 'M. Quilon', type: 'PERSON', aliases: ['M. Quilon'], articles: ['a2'], titles: [], merges: [], mentionCount: 1 },
    ],
    stances: [{ actor: 'M. Quilon', topic: 't1', position: 'for', date: null, article: 'a2', evidence: 'x', start: 0, end: 1 }],
  };

  it('folds the second entity into the first and renames it wherever it is named', () => {
    const merged = applyMerges(base, [{ a: 'Mara Quillon', b: 'e2' }]);
    expect(merged.entities).toHaveLength(1);
    expect(merged.entities[0]).toMatchObject({ id: 'e1', mentionCount: 4, articles: ['a1', 'a2'] });
    expect(merged.entities[0]!.aliases).toContain('M. Quilon');
    expect(merged.stances[0]!.actor).toBe('Mara Quillon');
  });

  it('ignores pairs whose entities are missing', () => {
    expect(applyMerges(base, [{ a: 'Mara Quillon', b: 'Nobody' }])).toEqual(base);
  });
});

describe('standing overrides', () => {
  it('keeps the latest of a merge and an unmerge of the same pair, in either order of names', () => {
    const o = (kind: 'merge' | 'unmerge', a: string, b: string) => ({ storyId: 's1', kind, a, b });
    expect(standingOverrides([o('unmerge', 'A', 'B'), o('merge', 'B', 'A'), o('unmerge', 'C', 'D')])).toEqual({
      merges: [{ a: 'B', b: 'A' }], unmerges: [{ a: 'C', b: 'D' }],
    });
    expect(standingOverrides([o('merge', 'A', 'B'), o('unmerge', 'A', 'B')])).toEqual({ merges: [], unmerges: [{ a: 'A', b: 'B' }] });
  });
});

interface StoryBody { story: Story; overrides: { merges: { a: string; b: string }[]; unmerges: { a: string; b: string }[] } }
interface ArticleBody { id: string; storyId: string | null; entities: { text: string; entity: string }[] }

async function send<T>(app: Hono, route: string, json?: unknown): Promise<{ status: number; body: T; headers: Headers }> {
  const init = json === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) };
  const res = await app.request(`http://localhost${route}`, init);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

/** The entity id an article's mention of these exact words carries. */
function entityOfMention(article: ArticleBody, words: string): string | undefined {
  return article.entities.find((e) => e.text === words)?.entity;
}

describe('stories from the story layer, persisted in a PGlite data folder', () => {
  let dataDir: string;
  let store: Store;
  let app: Hono;
  let harbourId: string;
  let followupId: string;
  let riverId: string;
  let storyId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'parallax-api-stories-'));
    store = await openStore({ dataDir });
    app = createApp({ store });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('puts two articles about the same talks in one story and an unrelated one in another', async () => {
    const ids: { id: string; storyId: string }[] = [];
    for (const [text, title] of [[HARBOUR_TEXT, 'Veltria opens new harbour talks'], [HARBOUR_FOLLOWUP_TEXT, undefined], [RIVER_TEXT, undefined]] as const) {
      const res = await send<{ articles: ArticleBody[] }>(app, '/api/articles', { text, ...(title ? { title } : {}) });
      expect(res.status).toBe(201);
      ids.push({ id: res.body.articles[0]!.id, storyId: res.body.articles[0]!.storyId! });
    }
    [harbourId, followupId, riverId] = ids.map((i) => i.id) as [string, string, string];
    expect(ids[1]!.storyId).toBe(ids[0]!.storyId);
    expect(ids[2]!.storyId).not.toBe(ids[0]!.storyId);
    storyId = ids[0]!.storyId;

    const listed = await send<{ stories: { id: string; title: string; articles: string[] }[] }>(app, '/api/stories');
    // Built in the request that added them: nothing waits for a rebuild.
    expect(listed.body.stories).toEqual([
      { id: storyId, title: 'Veltria opens new harbour talks', articles: [harbourId, followupId], stale: false },
      { id: ids[2]!.storyId, title: 'Flooding closes the Lunor bridge', articles: [riverId], stale: false },
    ]);
    const articles = await send<{ articles: { id: string; storyId: string | null }[] }>(app, '/api/articles');
    expect(articles.body.articles.map((a) => a.storyId)).toEqual([storyId, storyId, ids[2]!.storyId]);
  });

  it('gives an article in a story the story-wide entity ids, so two spellings of one person link to one entity', async () => {
    const { body } = await send<StoryBody>(app, `/api/stories/${storyId}`);
    const minister = body.story.entities.find((e) => e.name === 'Mara Quillon')!;
    expect(minister.aliases).toEqual(expect.arrayContaining(['Mara Quillon', 'Mara Quilon']));
    const first = (await send<{ article: ArticleBody }>(app, `/api/articles/${harbourId}`)).body.article;
    const second = (await send<{ article: ArticleBody }>(app, `/api/articles/${followupId}`)).body.article;
    expect(first.storyId).toBe(storyId);
    expect(entityOfMention(first, 'Mara Quillon')).toBe(minister.id);
    expect(entityOfMention(second, 'Mara Quilon')).toBe(minister.id);
    const storyEntityIds = new Set(body.story.entities.map((e) => e.id));
    expect(second.entities.every((e) => storyEntityIds.has(e.entity))).toBe(true);
  });

  it('rebuilds a listed story when an article joins it', async () => {
    const res = await send<{ articles: ArticleBody[] }>(app, '/api/articles', { html: HARBOUR_HTML, url: 'https://courier.example/harbour' });
    expect(res.body.articles[0]!.storyId).toBe(storyId);
    const listed = await send<{ stories: { id: string; articles: string[] }[] }>(app, '/api/stories');
    expect(listed.body.stories.find((s) => s.id === storyId)!.articles).toHaveLength(3);
    expect((await send<StoryBody>(app, `/api/stories/${storyId}`)).body.story.articles).toHaveLength(3);
  });

  it('names a story answer by its build, answers 304 to a reader holding it, and compresses it for a reader that accepts gzip', async () => {
    const plain = await app.request(`http://localhost/api/stories/${storyId}`);
    const etag = plain.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const body = (await plain.json()) as StoryBody & { build: { version: number; stale: boolean } };
    expect(body.build.stale).toBe(false);
    const again = await app.request(`http://localhost/api/stories/${storyId}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const zipped = await app.request(`http://localhost/api/stories/${storyId}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('etag')).toBe(etag);
    const inflated = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')) as StoryBody;
    expect(inflated).toEqual(body);
  });

  it('reads and parses a story’s new build once for all the readers asking for it at the same time', async () => {
    let reads = 0;
    const counting = new Proxy(store, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'latestStoryBuild') return (...args: unknown[]) => { reads++; return (value as (...a: unknown[]) => unknown).apply(target, args); };
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
    const reader = createApp({ store: counting });
    const answers = await Promise.all(Array.from({ length: 8 }, () => send<StoryBody>(reader, `/api/stories/${storyId}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.body.story))).size).toBe(1);
    expect(reads).toBe(1);
  });

  it('splits an entity on unmerge, and the split survives a restart', async () => {
    const split = await send<StoryBody>(app, `/api/stories/${storyId}/entities/unmerge`, { a: 'Mara Quillon', b: 'Mara Quilon' });
    expect(split.status).toBe(200);
    const names = split.body.story.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Mara Quillon', 'Mara Quilon']));
    expect(split.body.overrides).toEqual({ merges: [], unmerges: [{ a: 'Mara Quillon', b: 'Mara Quilon' }] });
    const second = (await send<{ article: ArticleBody }>(app, `/api/articles/${followupId}`)).body.article;
    expect(entityOfMention(second, 'Mara Quilon')).toBe(split.body.story.entities.find((e) => e.name === 'Mara Quilon')!.id);

    await store.close();
    store = await openStore({ dataDir });
    app = createApp({ store });
    const reopened = await send<StoryBody>(app, `/api/stories/${storyId}`);
    expect(reopened.status).toBe(200);
    expect(reopened.body.story.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Mara Quillon', 'Mara Quilon']));
    expect(reopened.body.overrides.unmerges).toEqual([{ a: 'Mara Quillon', b: 'Mara Quilon' }]);
  });

  it('lets a later merge cancel the unmerge, and a later unmerge cancel the merge, across restarts', async () => {
    const merged = await send<StoryBody>(app, `/api/stories/${storyId}/entities/merge`, { a: 'Mara Quillon', b: 'Mara Quilon' });
    expect(merged.status).toBe(200);
    expect(merged.body.story.entities.filter((e) => e.name === 'Mara Quillon' || e.name === 'Mara Quilon')).toHaveLength(1);
    expect(merged.body.overrides).toEqual({ merges: [{ a: 'Mara Quillon', b: 'Mara Quilon' }], unmerges: [] });

    await store.close();
    store = await openStore({ dataDir });
    app = createApp({ store });
    const reopened = await send<StoryBody>(app, `/api/stories/${storyId}`);
    expect(reopened.body.overrides).toEqual({ merges: [{ a: 'Mara Quillon', b: 'Mara Quilon' }], unmerges: [] });
    expect(reopened.body.story.entities.find((e) => e.name === 'Mara Quillon')!.aliases).toContain('Mara Quilon');

    const again = await send<StoryBody>(app, `/api/stories/${storyId}/entities/unmerge`, { a: 'Mara Quilon', b: 'Mara Quillon' });
    expect(again.body.story.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Mara Quillon', 'Mara Quilon']));
    expect(again.body.overrides.merges).toEqual([]);
  });

  it('exports the brief as Markdown, and as HTML with a CSP that allows only its inline styles', async () => {
    const md = await app.request(`http://localhost/api/stories/${storyId}/export?format=md`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toMatch(/^# Veltria opens new harbour talks/);
    const html = await app.request(`http://localhost/api/stories/${storyId}/export?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-disposition')).toMatch(/^attachment; filename="s_[0-9a-f]+\.html"$/);
    expect(html.headers.get('content-security-policy')).toBe(BRIEF_CONTENT_SECURITY_POLICY);
    expect(BRIEF_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
    const page = await html.text();
    expect(page).toContain('<style');
    expect(page).not.toMatch(/<script/i);
    // Every other response keeps the app's own policy.
    const json = await app.request(`http://localhost/api/stories/${storyId}`);
    expect(json.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('serves the Library it is given', async () => {
    const library = await Library.open(store);
    const text = `Orchard growers in Saltmere count their losses

Frost damaged most of the apple blossom in the Saltmere valley this spring, the growers' cooperative said on Friday. Its chair, Perrin Holt, said members would ask the regional council for help with the cost of replanting.

"Half the valley will have no harvest to speak of," Holt said. Cider makers in the valley expect to buy fruit from further north.`;
    const added = await library.add(extractArticle({ source: {}, format: 'text', content: text, encoding: 'utf-8', fetchedAt: new Date().toISOString() }));
    expect(added).toMatchObject({ status: 'added', newStory: true });
    app = createApp({ store, library });
    const listed = (await send<{ stories: { id: string; title: string; articles: string[] }[] }>(app, '/api/stories')).body.stories;
    expect(listed.find((st) => st.articles.includes(added.id))).toMatchObject({ title: 'Orchard growers in Saltmere count their losses', articles: [added.id] });
  });
});

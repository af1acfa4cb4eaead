import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentId, type Doc } from '../core/index.js';
import { openStore, type Store } from '../store/index.js';
import type { Story } from '../story/types.js';
import { createApp, groupByStoredStory, simpleStory, applyMerges, type EntityOverrides } from './index.js';
import { HARBOUR_TEXT, RIVER_TEXT } from './test-helpers/articles.js';

function doc(text: string, layers: Record<string, unknown> = {}): Doc {
  return { id: contentId(text), text, meta: {}, source: {}, layers: { entities: [], quotes: [], ...layers } as Doc['layers'], messages: [] };
}

describe('default story grouping', () => {
  it('groups articles by a stored storyId and leaves the others on their own', () => {
    const a = doc('first article about the harbour', { storyId: 'harbour' });
    const b = doc('second article about the harbour', { storyId: 'harbour' });
    const c = doc('an article about a bridge');
    const groups = groupByStoredStory([a, b, c]);
    expect(groups.map((g) => g.map((d) => d.id))).toEqual([[a.id, b.id], [c.id]]);
  });
});

describe('analyst merges', () => {
  const base: Story = {
    ...simpleStory([doc('placeholder text')]),
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

describe('plugged-in story stages', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ memory: true });
    await store.addDoc(doc(HARBOUR_TEXT, { storyId: 'one' }));
    await store.addDoc(doc(RIVER_TEXT, { storyId: 'one' }));
  });
  afterAll(async () => { await store?.close(); });

  it('builds stories with the given builder and passes it the analyst overrides', async () => {
    const calls: { articles: string[]; overrides: EntityOverrides }[] = [];
    const buildStory = (docs: Doc[], overrides: EntityOverrides): Story => {
      calls.push({ articles: docs.map((d) => d.id), overrides });
      return {
        ...simpleStory(docs), title: 'Built by the story stages',
        entities: [
          { id: 'x1', name: 'Ivo Brask', type: 'PERSON', aliases: ['Ivo Brask', 'Brask'], articles: [docs[0]!.id], titles: [], merges: [], mentionCount: 2 },
          { id: 'x2', name: 'Anika Sorel', type: 'PERSON', aliases: ['Anika Sorel'], articles: [docs[1]!.id], titles: [], merges: [], mentionCount: 2 },
        ],
      };
    };
    const app = createApp({ store, buildStory });
    const listResponse = await app.request('http://localhost/api/stories');
    const listed = (await listResponse.json()) as { stories: { id: string; title: string; articles: string[] }[] };
    expect(listResponse.status, JSON.stringify(listed)).toBe(200);
    expect(listed.stories).toHaveLength(1);
    expect(listed.stories[0]!.title).toBe('Built by the story stages');
    expect(listed.stories[0]!.articles).toHaveLength(2);

    const id = listed.stories[0]!.id;
    const res = await app.request(`http://localhost/api/stories/${id}/entities/unmerge`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'Brask', b: 'Ivo Brask' }),
    });
    expect(res.status).toBe(200);
    expect(calls.at(-1)!.overrides.unmerges).toEqual([{ a: 'Brask', b: 'Ivo Brask' }]);
  });
});

describe('the real story stages through the API', () => {
  let store: Store;
  beforeAll(async () => { store = await openStore({ memory: true }); });
  afterAll(async () => { await store?.close(); });

  it('clusters stored articles into stories and renders the brief as Markdown and HTML', async () => {
    const { storyStages } = await import('./index.js');
    const app = createApp({ store, ...storyStages() });
    for (const text of [HARBOUR_TEXT, RIVER_TEXT]) {
      const res = await app.request('http://localhost/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      expect(res.status).toBe(201);
    }
    const listed = (await (await app.request('http://localhost/api/stories')).json()) as { stories: { id: string; articles: string[] }[] };
    // Every article belongs to exactly one story.
    expect(listed.stories.flatMap((s) => s.articles).sort()).toHaveLength(2);
    const id = listed.stories[0]!.id;
    const story = (await (await app.request(`http://localhost/api/stories/${id}`)).json()) as { story: Story };
    expect(story.story.entities.length).toBeGreaterThan(0);
    const md = await app.request(`http://localhost/api/stories/${id}/export?format=md`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toMatch(/^# /);
    const html = await app.request(`http://localhost/api/stories/${id}/export?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { startServer, type RunningServer } from './index.js';
import { HARBOUR_FOLLOWUP_TEXT, HARBOUR_TEXT } from './test-helpers/articles.js';

let store: Store;
let api: RunningServer;

beforeAll(async () => {
  store = await openStore({ memory: true });
  api = await startServer({ store, port: 0, env: {} });
});
afterAll(async () => {
  await api?.close();
  await store?.close();
});

interface Event { id?: string; event?: string; data?: string }

/** Read Server-Sent Events from a stream until `until` says enough (or the time is up). */
async function collect(res: Response, until: (events: Event[]) => boolean, ms = 60_000): Promise<Event[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: Event[] = [];
  let buffer = '';
  const deadline = Date.now() + ms;
  try {
    while (!until(events) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: Event = {};
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id' || field === 'event' || field === 'data') event[field] = value;
        }
        if (event.event) events.push(event);
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

const post = (text: string) => fetch(`${api.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });

describe('the change stream (GET /api/events)', { timeout: 180_000 }, () => {
  it('streams article-added and story-updated as articles arrive, and resumes after Last-Event-ID', async () => {
    const stream = await fetch(`${api.url}/api/events`);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reading = collect(stream, (events) => events.filter((e) => e.event === 'story-updated').length >= 2);
    const first = (await (await post(HARBOUR_TEXT)).json()) as { articles: { id: string; storyId: string }[] };
    const second = (await (await post(HARBOUR_FOLLOWUP_TEXT)).json()) as { articles: { id: string; storyId: string }[] };
    const events = await reading;
    const added = events.filter((e) => e.event === 'article-added').map((e) => JSON.parse(e.data!) as { articleId: string; storyId: string });
    expect(added.map((a) => a.articleId)).toEqual([first.articles[0]!.id, second.articles[0]!.id]);
    expect(added.every((a) => a.storyId === first.articles[0]!.storyId)).toBe(true);
    const updated = events.filter((e) => e.event === 'story-updated').map((e) => JSON.parse(e.data!) as { storyId: string; data: { version: number } });
    expect(updated.map((u) => u.data.version)).toEqual([1, 2]);

    // A client that lost the connection after the first event gets everything after it, in order.
    const changes = events.filter((e) => e.event !== 'ready');
    const resumed = await collect(await fetch(`${api.url}/api/events`, { headers: { 'last-event-id': changes[0]!.id! } }), (got) => got.some((e) => e.event === 'ready'));
    expect(resumed.filter((e) => e.event !== 'ready').map((e) => e.id)).toEqual(changes.slice(1).map((e) => e.id));
  });

  it('keeps only one story\'s changes when asked', async () => {
    const story = ((await (await fetch(`${api.url}/api/stories`)).json()) as { stories: { id: string }[] }).stories[0]!.id;
    const resumed = await collect(await fetch(`${api.url}/api/events?since=0&story=nothing-like-${story}`), (got) => got.some((e) => e.event === 'ready'));
    expect(resumed.map((e) => e.event)).toEqual(['ready']);
    const mine = await collect(await fetch(`${api.url}/api/events?since=0&story=${story}`), (got) => got.some((e) => e.event === 'ready'));
    expect(mine.filter((e) => e.event !== 'ready').every((e) => (JSON.parse(e.data!) as { storyId: string }).storyId === story)).toBe(true);
    expect(mine.length).toBeGreaterThan(1);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { gunzipSync } from 'node:zlib';
import type { Store } from '../store/index.js';
import type { ChangeFeed } from './events.js';
import type { StoryService } from './stories.js';
import { StoryBodies, acceptsGzip, matchesTag, type BodyEncoder } from './story-bodies.js';
import { encodeStoryBody, type BodyBuild } from './story-body.js';

describe('story answer headers', () => {
  it('reads whether a client accepts gzip', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('compares entity tags weakly, in a list or as *', () => {
    expect(matchesTag('W/"s1.3.f"', 'W/"s1.3.f"')).toBe(true);
    expect(matchesTag('"s1.3.f"', 'W/"s1.3.f"')).toBe(true);
    expect(matchesTag('W/"s1.2.f", W/"s1.3.f"', 'W/"s1.3.f"')).toBe(true);
    expect(matchesTag('*', 'W/"s1.3.f"')).toBe(true);
    expect(matchesTag('W/"s1.3.s"', 'W/"s1.3.f"')).toBe(false);
    expect(matchesTag(undefined, 'W/"s1.3.f"')).toBe(false);
  });
});

describe('encoding a stored build', () => {
  it('writes the answer as it is and marked stale, without the build’s entity map', () => {
    const data = JSON.stringify({ format: 1, story: { id: 's1', title: 'Ferry strike in Corvel' }, overrides: { merges: [], unmerges: [] }, entities: { a1: { e1: 'se1' } } });
    const encoded = encodeStoryBody(data, { version: 4, builtAt: '2030-01-02T03:04:05.000Z', buildMs: 12 });
    const read = (bytes: Uint8Array) => JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, unknown>;
    const build = { version: 4, builtAt: '2030-01-02T03:04:05.000Z', buildMs: 12 };
    expect(read(encoded.fresh)).toEqual({ story: { id: 's1', title: 'Ferry strike in Corvel' }, overrides: { merges: [], unmerges: [] }, build: { ...build, stale: false } });
    expect(read(encoded.stale)).toEqual({ story: { id: 's1', title: 'Ferry strike in Corvel' }, overrides: { merges: [], unmerges: [] }, build: { ...build, stale: true } });
  });
});

describe('the story states a server keeps', () => {
  type Head = Awaited<ReturnType<StoryService['head']>>;
  const BUILD = { version: 1, builtAt: '2031-03-04T10:00:00.000Z', buildMs: 5 };
  const state = (changedSeq: number): Head => ({
    record: { id: 's1', changedSeq } as Head['record'],
    head: { storyId: 's1', version: 1, builtAt: BUILD.builtAt, coversSeq: 1, articleCount: 1, buildMs: 5, format: 1 },
  });
  /** A story service whose reads of a story's state wait until the test answers them. */
  function setUp() {
    const reads: ((head: Head) => void)[] = [];
    let onChanges: ((changes: { storyId: string | null; data: Record<string, unknown> }[]) => void) | undefined;
    const stories = { head: () => new Promise<Head>((resolve) => reads.push(resolve)) } as unknown as StoryService;
    const store = {
      latestChange: async () => 0,
      latestStoryBuild: async () => ({ ...BUILD, storyId: 's1', coversSeq: 1, articleCount: 1, format: 1, data: JSON.stringify({ story: { id: 's1' }, overrides: {} }) }),
    } as unknown as Store;
    const changes = { subscribe: (listener: typeof onChanges) => { onChanges = listener; return () => {}; } } as unknown as ChangeFeed;
    const encoder = { encode: async (data: string, build: BodyBuild) => encodeStoryBody(data, build) } as unknown as BodyEncoder;
    const bodies = new StoryBodies(store, stories, changes, encoder);
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    return { bodies, reads, settle, change: (storyId: string) => onChanges!([{ storyId, data: {} }]) };
  }

  afterEach(() => { vi.useRealTimers(); });

  it('reads a story’s state once for all the readers that ask before it is known', async () => {
    const { bodies, reads, settle } = setUp();
    const answers = Promise.all(Array.from({ length: 10 }, () => bodies.get('s1')));
    await settle();
    expect(reads).toHaveLength(1);
    reads[0]!(state(1));
    const tags = new Set((await answers).map((a) => a.etag));
    expect(tags).toEqual(new Set(['W/"s1.1.f"']));
  });

  it('answers from the state it has while an old one is read again, and waits for a story the change log says changed', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const { bodies, reads, settle, change } = setUp();
    const first = bodies.get('s1');
    await settle();
    reads[0]!(state(1));
    expect((await first).etag).toBe('W/"s1.1.f"');

    // Past the time a state is trusted: the reader is answered at once, and the state is read again behind it.
    vi.advanceTimersByTime(60_000);
    expect((await bodies.get('s1')).etag).toBe('W/"s1.1.f"');
    expect(reads).toHaveLength(2);
    // An article joined meanwhile: once read, readers get the build marked stale.
    reads[1]!(state(2));
    await settle();
    expect((await bodies.get('s1')).etag).toBe('W/"s1.1.s"');
    expect(reads).toHaveLength(2);

    // The change log names the story: its next readers wait for its state, read once for them all.
    change('s1');
    let answered = false;
    const waiting = Promise.all([bodies.get('s1'), bodies.get('s1')]).then((a) => { answered = true; return a; });
    await settle();
    expect(answered).toBe(false);
    expect(reads).toHaveLength(3);
    reads[2]!(state(1));
    expect((await waiting).map((a) => a.etag)).toEqual(['W/"s1.1.f"', 'W/"s1.1.f"']);
  });
});

import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, matchesTag } from './story-bodies.js';
import { encodeStoryBody } from './story-body.js';

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

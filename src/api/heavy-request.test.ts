import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { configureAnnotationPool, stopAnnotationPool } from '../workflow/index.js';
import { fictionalText } from '../../test/helpers/fictional-text.js';
import { startServer, type RunningServer } from './index.js';

let store: Store;
let api: RunningServer;

beforeAll(async () => {
  // One worker thread, whatever PARALLAX_WORKERS says: analysis off the request loop is what is tested.
  configureAnnotationPool({ workers: 1 });
  store = await openStore({ memory: true });
  // A deadline far above the analysis time, even on a loaded machine: health under load is tested here, the deadline below.
  api = await startServer({ store, port: 0, env: {}, maxUploadBytes: 4 * 1024 * 1024, requestDeadlineMs: 280_000 });
});

afterAll(async () => {
  await api?.close();
  await store?.close();
  await stopAnnotationPool();
});

/** A GET on a fresh connection (no keep-alive reuse), resolving with the status. */
function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

describe('a heavy article does not hold the server', () => {
  it('answers /api/health while a 2 MB text is analysed, and says the analysis was cut at the per-article limit', async () => {
    const text = fictionalText(2_000_000, { seed: 11 });
    let done = false;
    const latencies: number[] = [];
    const polling = (async () => {
      while (!done) {
        const started = performance.now();
        expect(await get(`${api.url}/api/health`)).toBe(200);
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    // Every stall of this thread's event loop (which serves the requests), not only those a health request happened to meet.
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const started = performance.now();
    const res = await fetch(`${api.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    const took = performance.now() - started;
    stalls.disable();
    done = true;
    await polling;
    const body = (await res.json()) as { articles: { id: string; messages: { code: string; reason: string }[] }[]; warnings: { code: string; message: string }[] };
    expect(res.status).toBe(201);
    expect(body.warnings).toEqual([{ input: 'text', code: 'W_ANALYSIS_CAPPED', message: expect.stringMatching(/^only the first [\d,]+ of 2,000,\d{3} characters were analysed \(the limit per article is 200,000 characters\)/) }]);
    expect(body.articles[0]!.messages.map((m) => m.code)).toContain('W_ANALYSIS_CAPPED');
    // The analysis ran on a worker, and storing it gave the loop its turns: health kept answering
    // throughout, and the loop was never held for a large part of the request.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(took / 3);
    expect(stalls.max / 1e6).toBeLessThan(took / 5);
  }, 300_000);

  it('answers 503 E_DEADLINE with Retry-After when the analysis outlasts the request deadline, and keeps serving', async () => {
    const quick = await startServer({ store, port: 0, env: {}, maxUploadBytes: 4 * 1024 * 1024, requestDeadlineMs: 50 });
    try {
      const res = await fetch(`${quick.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: fictionalText(300_000, { seed: 12 }) }) });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^E_(DEADLINE|BUSY)$/);
      expect(await get(`${quick.url}/api/health`)).toBe(200);
    } finally {
      await quick.close();
    }
  }, 120_000);
});

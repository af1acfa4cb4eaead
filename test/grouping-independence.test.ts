/**
 * The stories a set of articles forms must not depend on how the articles were split among
 * workers or in what order they arrived: two workers, each a process of its own, placing the
 * articles in another order agree with one worker placing them in order (B-cubed ≥ 0.98). The workers are
 * `parallax worker` processes, as deployed.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { JobQueue, QUEUES, type ArticleJob } from '../src/jobs/index.js';
import { runCliProcess } from './helpers/cli-process.js';
import { clusterAgreement } from '../src/story/cluster/index.js';
import { ingest } from '../src/ingest/index.js';
import { scratchDatabase, syntheticBatch } from './helpers/scale.js';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RawPage } from '../src/core/index.js';

const serverUrl = process.env.PARALLAX_TEST_DATABASE_URL;
const ARTICLES = 150;

/** The article jobs of a JSON Lines file, in file order. */
async function articleJobs(file: string): Promise<ArticleJob[]> {
  const jobs: ArticleJob[] = [];
  for await (const r of ingest([file])) if (r.ok) jobs.push({ input: r.input, page: r.page as RawPage });
  return jobs;
}

/**
 * Queue the jobs in this order, then run them with `workers` `parallax worker` processes at once
 * (each with its own connections and annotation threads); returns the stories.
 */
async function place(url: string, jobs: readonly ArticleJob[], workers: number): Promise<{ id: string; articles: string[] }[]> {
  const store = await openStore({ databaseUrl: url });
  try {
    const queue = await JobQueue.open(store, { rebuildDelaySeconds: 0.5 });
    await queue.sendMany(QUEUES.article, jobs);
    await queue.stop();
    const env = { DATABASE_URL: url };
    const runs = await Promise.all(Array.from({ length: workers }, () => runCliProcess(['worker', '--until-idle'], env)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    return await store.listStories();
  } finally {
    await store.close();
  }
}

describe.skipIf(!serverUrl)(`grouping independent of worker split and order${serverUrl ? '' : ' (skipped: set PARALLAX_TEST_DATABASE_URL)'}`, { timeout: 1_200_000 }, () => {
  it('two workers taking the articles in another order agree with one worker taking them in order', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-grouping-'));
    const { articles, jsonl } = syntheticBatch(31, ARTICLES);
    const file = path.join(dir, 'batch.jsonl');
    await writeFile(file, jsonl);
    const jobs = await articleJobs(file);
    expect(jobs).toHaveLength(ARTICLES);
    // Another arrival order: the second half first, each half backwards.
    const half = Math.ceil(jobs.length / 2);
    const reordered = [...jobs.slice(half).reverse(), ...jobs.slice(0, half).reverse()];
    const [one, two] = [await scratchDatabase(serverUrl!), await scratchDatabase(serverUrl!)];
    try {
      const sequential = await place(one.url, jobs, 1);
      const split = await place(two.url, reordered, 2);
      const agreement = clusterAgreement(split, sequential);
      expect(agreement.f1, JSON.stringify(agreement)).toBeGreaterThanOrEqual(0.98);
      // And both find the stories the articles were written for (a grouping that agrees by lumping everything would not).
      const truth = new Map<string, string[]>();
      const stored = await storedIdsByUrl(one.url);
      for (const a of articles) truth.set(a.story, [...(truth.get(a.story) ?? []), stored.get(a.url)!]);
      expect(clusterAgreement(sequential, [...truth.values()].map((ids) => ({ articles: ids }))).f1).toBeGreaterThanOrEqual(0.95);
    } finally {
      await one.drop();
      await two.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function storedIdsByUrl(url: string): Promise<Map<string, string>> {
  const store = await openStore({ databaseUrl: url });
  try {
    return new Map((await store.listArticles()).map((a) => [a.doc.source.url ?? '', a.doc.id]));
  } finally {
    await store.close();
  }
}
